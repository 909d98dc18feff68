"""Addresses and dates the browser tests of the request forms share."""

from datetime import timedelta

from django.utils import timezone

VENUES = {
    "fr": "/fr/organiser-un-evenement/espaces-a-louer/",
    "nl": "/nl/evenement-organiseren/zalen-te-huur/",
    "en": "/en/host-an-event/spaces-for-hire/",
}


def a_tuesday(weeks):
    """The ISO date ``weeks`` ahead, moved to a Tuesday so no weekend rule gets in the way."""
    day = timezone.localdate() + timedelta(weeks=weeks)
    return (day + timedelta(days=(1 - day.weekday()) % 7)).isoformat()


def fill_in_a_booking(page, demo_server, *, school, town, teacher, email, phone, pupils, adults):
    """The English chemistry workshop's booking form, filled in as a teacher does (primary
    year 4, a Tuesday three weeks ahead), and sent."""
    page.goto(demo_server + "/en/teachers/school-activities/")
    page.get_by_role("link", name="Workshop: the chemistry of colour").click()
    page.get_by_role("link", name="Ask for a booking").click()
    page.get_by_role("textbox", name="School").fill(school)
    page.get_by_label("Town or city").fill(town)
    page.get_by_label("Your name").fill(teacher)
    page.get_by_label("Your e-mail").fill(email)
    page.get_by_label("Phone").fill(phone)
    page.get_by_label("Class level").select_option(label="Primary year 4")
    page.get_by_label("Number of pupils").fill(str(pupils))
    page.get_by_label("Accompanying adults").fill(str(adults))
    page.get_by_label("Preferred date").fill(a_tuesday(3))
    page.get_by_role("button", name="Send my booking request").click()
