"""What an editor types on an event page must reach visitors and calendars as typed.

A repeat count of three billion was saved, then every ICS feed of the agenda answered 500
(calendars' integers stop at 2,147,483,647); ``BYDAY=1MO`` in a weekly rule published
every Monday; a first date the rule skips vanished from the page and the feeds; "free"
with a price published "Free" and dropped the price. Each is now refused with a message,
and a rule stored before these checks leaves the feeds working.
"""

import logging
from datetime import date, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import field_errors, post_event, publish_event, refused
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def weekday_ahead(weekday, weeks=2):
    """A date ``weeks`` or more ahead falling on ``weekday`` (0 is Monday)."""
    day = timezone.localdate() + timedelta(weeks=weeks)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


# Repeat numbers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=DAILY;COUNT=3000000000", "COUNT gives 1000 dates at most"),
        ("FREQ=DAILY;COUNT=1001", "COUNT gives 1000 dates at most"),
        ("FREQ=WEEKLY;INTERVAL=2147483648", "INTERVAL goes up to 366 at most"),
        ("FREQ=DAILY;INTERVAL=367", "INTERVAL goes up to 366 at most"),
    ],
)
def test_repeat_numbers_beyond_any_programme_are_refused(english_admin_client, rule, message):
    slug = "regle-trop-longue"
    response = post_event(english_admin_client, slug, recurrence=rule)
    refused(response, "recurrence", message)
    assert not EventPage.objects.filter(slug=slug).exists()


@pytest.mark.parametrize("rule", ["FREQ=DAILY;COUNT=1000", "FREQ=DAILY;INTERVAL=366"])
def test_repeat_numbers_up_to_the_limits_are_kept(rule):
    assert recurrence.normalise_rule(rule, date(2026, 3, 4)) == rule


def test_a_rule_calendars_cannot_read_is_refused():
    """dateutil reads ``BYMONTH=+2``, the ICS library does not: the feeds answered 500."""
    with pytest.raises(ValueError, match="check how each part is written"):
        recurrence.normalise_rule("FREQ=YEARLY;BYMONTH=+2;BYMONTHDAY=3", date(2026, 2, 3))


@pytest.mark.parametrize(
    "stored", ["FREQ=DAILY;COUNT=3000000000", "FREQ=YEARLY;BYMONTH=+3;BYMONTHDAY=4"]
)
def test_a_rule_stored_before_the_checks_leaves_the_feeds_working(client, caplog, stored):
    first = weekday_ahead(2)
    event_page = publish_event(start_date=first, recurrence="FREQ=WEEKLY;COUNT=3")
    EventPage.objects.filter(pk=event_page.pk).update(recurrence=stored)

    with caplog.at_level(logging.WARNING, logger="csti_cms.agenda.recurrence"):
        own = client.get(event_page.url + "ics/")
        agenda = client.get(demo_page("agenda").url + "ics/")

    assert own.status_code == 200 and agenda.status_code == 200
    for response in (own, agenda):
        calendar = icalendar.Calendar.from_ical(response.content)
        (master,) = [
            event
            for event in calendar.walk("VEVENT")
            if str(event["UID"]).startswith(f"{event_page.translation_key}@")
        ]
        assert "RRULE" not in master
        assert master["DTSTART"].dt.date() == first
    assert stored in caplog.text


@pytest.mark.parametrize(
    ("stored", "dates"),
    [("FREQ=DAILY;INTERVAL=400;COUNT=3", 3), ("FREQ=WEEKLY;BYDAY=1MO;COUNT=4", 4)],
)
def test_a_series_stored_before_the_editors_limits_keeps_its_dates(stored, dates):
    """The limits refuse what an editor mistyped, not what works: a series published in
    good faith does not shrink to its first date at its next publication."""
    schedule = recurrence.Schedule(start_date=date(2026, 3, 2), rule=stored)
    assert recurrence.usable_rule(schedule) == stored
    starts = recurrence.planned_starts(schedule, window_end=datetime(2030, 1, 1))
    assert len(starts) == dates


# Numbered weekdays --------------------------------------------------------------


@pytest.mark.parametrize("rule", ["FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;BYDAY=-1FR,SA"])
def test_a_numbered_weekday_needs_a_monthly_or_yearly_rule(english_admin_client, rule):
    response = post_event(english_admin_client, "premier-lundi", recurrence=rule)
    day = rule.rpartition("=")[2].split(",")[0]
    refused(response, "recurrence", f"write FREQ=MONTHLY;BYDAY={day}")


# The first date ------------------------------------------------------------------


def test_a_first_date_the_rule_skips_is_refused(english_admin_client):
    thursday = weekday_ahead(3)
    response = post_event(
        english_admin_client,
        "lancement-jeudi",
        start_date=thursday.isoformat(),
        recurrence="FREQ=WEEKLY;BYDAY=MO",
    )
    refused(response, "recurrence", f"Thursday {thursday.day} ")
    (message,) = field_errors(response)["recurrence"]
    monday = thursday + timedelta(days=4)
    assert f"Monday {monday.day} " in message
    assert not EventPage.objects.filter(slug="lancement-jeudi").exists()


def test_a_first_date_the_rule_gives_is_published(english_admin_client):
    monday = weekday_ahead(0)
    post_event(
        english_admin_client,
        "lancement-lundi",
        start_date=monday.isoformat(),
        recurrence="FREQ=WEEKLY;BYDAY=MO",
    )
    event_page = EventPage.objects.get(slug="lancement-lundi")
    assert event_page.occurrences.order_by("start").first().start.date() == monday


def test_a_series_begun_in_the_past_stays_editable():
    """Its first date only says where the rule starts counting; visitors see none of it."""
    last_year = timezone.localdate() - timedelta(days=365)
    thursday = last_year + timedelta(days=(3 - last_year.weekday()) % 7)
    event_page = publish_event(start_date=thursday, recurrence="FREQ=WEEKLY;BYDAY=MO")
    assert event_page.recurrence == "FREQ=WEEKLY;BYDAY=MO"


# Price ---------------------------------------------------------------------------


def test_free_with_a_price_is_refused(english_admin_client):
    response = post_event(english_admin_client, "gratuit-payant", is_free="on", price="12")
    refused(response, "price", "Untick “free” or empty the price.")
    assert not EventPage.objects.filter(slug="gratuit-payant").exists()


def test_free_with_a_price_of_nothing_is_published(english_admin_client):
    post_event(english_admin_client, "gratuit-zero", is_free="on", price="0")
    assert EventPage.objects.get(slug="gratuit-zero").is_free
