"""Teachers are told the days an activity is offered AND the centre receives groups."""

from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from csti_cms.schools.days_open import days_open_to_groups
from csti_cms.schools.models import SchoolActivityPage
from csti_cms.visit.models import OpeningHours, SeasonalPeriod
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.visit.helpers import SPRING_HOLIDAYS, replace_opening_hours

pytestmark = pytest.mark.django_db

#: Spring holidays' every-day hours, without their 2026 dates.
EVERY_DAY = {name: value for name, value in SPRING_HOLIDAYS.items() if name.endswith("s")}


def season(start, weeks, **hours):
    return {"start_date": start, "end_date": start + timedelta(weeks=weeks, days=-1), **hours}


def in_weeks(weeks):
    """The Monday ``weeks`` weeks from now."""
    today = timezone.localdate()
    return today + timedelta(weeks=weeks, days=-today.weekday())


def test_the_activity_page_leaves_out_the_centres_closing_day(client):
    replace_opening_hours()  # closed on Mondays
    html = client.get(demo_page("activity-colour-chemistry", "en").url).content.decode()
    assert "<dt>Days</dt><dd>Tuesday to Friday</dd>" in html


def test_the_booking_form_offers_no_monday_when_the_centre_closes_on_mondays(client):
    replace_opening_hours()
    html = client.get(booking_url(demo_page("activity-colour-chemistry", "en"))).content.decode()
    assert "A day on which your class can come: Tuesday to Friday." in html


def test_every_day_offered_is_told_when_the_centre_has_no_opening_hours(client):
    OpeningHours.objects.all().delete()
    html = client.get(demo_page("activity-colour-chemistry", "en").url).content.decode()
    assert "<dt>Days</dt><dd>Monday to Friday</dd>" in html


def test_school_holidays_opening_on_mondays_do_not_make_monday_a_day_to_offer():
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours(periods=[season(in_weeks(3), 2, **EVERY_DAY)])
    mondays_closed = ["tue", "wed", "thu", "fri", "sat", "sun"]
    assert days_open_to_groups(site, timezone.localdate()) == mondays_closed


def test_a_winter_season_closing_tuesdays_keeps_tuesday_a_day_to_offer():
    site = Site.objects.get(is_default_site=True)
    winter = {**EVERY_DAY, "monday_opens": None, "monday_closes": None}
    winter.update(tuesday_opens=None, tuesday_closes=None)
    replace_opening_hours(periods=[season(in_weeks(1), 20, **winter)])
    assert "tue" in days_open_to_groups(site, timezone.localdate())


def test_a_centre_open_in_summer_only_offers_the_days_it_opens_then():
    site = Site.objects.get(is_default_site=True)
    OpeningHours.objects.filter(site=site).delete()
    hours = OpeningHours(site=site)
    summer = {**EVERY_DAY, "saturday_opens": None, "saturday_closes": None}
    summer.update(sunday_opens=None, sunday_closes=None)
    hours.seasonal_periods = [SeasonalPeriod(**season(in_weeks(30), 9, **summer))]
    hours.save()
    assert days_open_to_groups(site, timezone.localdate()) == ["mon", "tue", "wed", "thu", "fri"]


def test_changing_the_opening_hours_changes_the_days_told():
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours()
    today = timezone.localdate()
    assert "mon" not in days_open_to_groups(site, today)
    with CaptureQueriesContext(connection) as queries:
        days_open_to_groups(site, today)
    assert not queries, "kept for the page and its booking form"
    hours = OpeningHours.objects.get(site=site)
    hours.monday_opens, hours.monday_closes = time(9, 30), time(17)
    hours.save()
    assert "mon" in days_open_to_groups(site, today)


def test_a_monday_is_still_refused_as_a_closed_day(client):
    replace_opening_hours()
    activity = demo_page("activity-colour-chemistry", "en")
    today = timezone.localdate()
    monday = today + timedelta(days=14 - today.weekday())
    data = booking_data(activity, preferred_date=monday.isoformat())
    errors = client.post(booking_url(activity), data).context["form"].errors.as_data()
    assert [error.code for error in errors["preferred_date"]] == ["closed"]


def test_the_editor_learns_the_days_the_centre_receives_no_groups(english_admin_client):
    replace_opening_hours()
    activity = demo_page("activity-colour-chemistry", "fr")
    url = reverse("wagtailadmin_pages:edit", args=[activity.pk])
    html = english_admin_client.get(url).content.decode()
    assert (
        "The centre usually receives no groups on Monday (see its opening hours): "
        "teachers are not offered these days."
    ) in html


def test_a_day_not_offered_is_told_with_its_year(client):
    activity = demo_page("activity-colour-chemistry", "en")
    today = timezone.localdate()
    saturday = today + timedelta(days=14 + (5 - today.weekday()) % 7)
    data = booking_data(activity, alternative_date=saturday.isoformat())
    errors = client.post(booking_url(activity), data).context["form"].errors.as_data()
    message = errors["alternative_date"][0].messages[0]
    assert message.endswith(f"{saturday:%A} {saturday.day} {saturday:%B %Y} is not one of them.")


def test_an_activity_on_closed_days_only_keeps_its_own_days():
    """Told nothing, the teacher could not know; the closed-day refusal then says why."""
    on_mondays = SchoolActivityPage(days_offered=["mon"])
    assert on_mondays.days_label(["tue", "wed", "thu", "fri", "sat", "sun"]) == "Monday"
