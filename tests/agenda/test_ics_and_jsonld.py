"""What leaves the site for calendars and search engines: ICS feeds and schema.org JSON-LD."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject
from django.db.models.functions import Lower
from django.utils import timezone, translation
from freezegun import freeze_time

from csti_cms.agenda import ics
from csti_cms.agenda.models import EventPage, ExcludedDate, Occurrence, OccurrenceChange
from tests.agenda.helpers import json_ld, publish_event
from tests.conftest import LANGUAGES, demo_page

BRUSSELS = ZoneInfo("Europe/Brussels")
pytestmark = pytest.mark.django_db


def get_ics(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def events_of(calendar, page):
    """The VEVENTs of one event page: its UID is its translation key at the site's host."""
    return [
        event
        for event in calendar.walk("VEVENT")
        if str(event["UID"]).split("@")[0] == str(page.translation_key)
    ]


@freeze_time("2026-03-01 12:00:00")
def test_cancelled_date_shows_as_cancelled_on_the_page_in_json_ld_and_in_ics(client):
    page = publish_event(
        start_date=date(2026, 3, 4),
        recurrence="FREQ=WEEKLY;BYDAY=WE",
        excluded_dates=[ExcludedDate(date=date(2026, 3, 25))],
        occurrence_changes=[OccurrenceChange(original_date=date(2026, 3, 11), status="cancelled")],
    )

    html = client.get(page.url).content.decode()
    assert "is-cancelled" in html and "Cancelled" in html

    agenda_html = client.get(demo_page("agenda").url).content.decode()
    assert "agenda-item--cancelled" in agenda_html

    objects = json_ld(html)
    by_start = {item["startDate"]: item for item in objects}
    assert (
        by_start["2026-03-11T10:00:00+01:00"]["eventStatus"] == "https://schema.org/EventCancelled"
    )
    assert (
        by_start["2026-03-04T10:00:00+01:00"]["eventStatus"] == "https://schema.org/EventScheduled"
    )
    assert "2026-03-25T10:00:00+01:00" not in by_start
    for item in objects:
        for key in (
            "name",
            "startDate",
            "endDate",
            "location",
            "eventStatus",
            "eventAttendanceMode",
            "description",
            "organizer",
        ):
            assert item[key], key

    calendar = icalendar.Calendar.from_ical(get_ics(client, page.url + "ics/"))
    master, override = events_of(calendar, page)
    assert str(master["RRULE"].to_ical(), "ascii") == "FREQ=WEEKLY;BYDAY=WE"
    assert master["EXDATE"].dts[0].dt == datetime(2026, 3, 25, 10, tzinfo=BRUSSELS)
    assert override["RECURRENCE-ID"].dt == datetime(2026, 3, 11, 10, tzinfo=BRUSSELS)
    assert str(override["STATUS"]) == "CANCELLED"
    assert str(master["STATUS"]) == "CONFIRMED"
    assert str(override["SUMMARY"]) == f"{page.title} (Annulé)"
    assert str(master["SUMMARY"]) == page.title


@freeze_time("2026-03-01 12:00:00")
def test_a_full_date_says_so_in_the_calendar_in_the_feed_s_language(client):
    """iCalendar has no "full" status: subscribers read it in the event's title."""
    page = publish_event(
        start_date=date(2026, 3, 4),
        recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=3",
        occurrence_changes=[OccurrenceChange(original_date=date(2026, 3, 11), status="full")],
    )
    calendar = icalendar.Calendar.from_ical(get_ics(client, page.url + "ics/"))
    master, override = events_of(calendar, page)
    assert str(override["SUMMARY"]) == f"{page.title} (Complet)"
    with translation.override("nl"):
        assert ics.summary(page.title, "postponed") == f"{page.title} (Uitgesteld)"
    assert str(override["STATUS"]) == "CONFIRMED"
    assert str(master["SUMMARY"]) == page.title


@freeze_time("2026-09-01 12:00:00")
def test_all_day_event_is_exported_with_an_exclusive_end_date(client):
    page = publish_event(
        start_date=date(2026, 10, 10), end_date=date(2026, 10, 12), start_time=None, end_time=None
    )
    raw = get_ics(client, page.url + "ics/").decode()
    assert "DTSTART;VALUE=DATE:20261010" in raw
    assert "DTEND;VALUE=DATE:20261013" in raw
    objects = json_ld(client.get(page.url).content.decode())
    assert (objects[0]["startDate"], objects[0]["endDate"]) == ("2026-10-10", "2026-10-12")
    calendar_html = client.get(demo_page("agenda").url + "calendar/2026/10/").content.decode()
    for day in (10, 11, 12):
        cell = calendar_html.split(f'datetime="2026-10-{day:02d}"')[1].split("</td>")[0]
        assert page.title in cell, f"the festival shows on {day} October"
    cell = calendar_html.split('datetime="2026-10-13"')[1].split("</td>")[0]
    assert page.title not in cell


@freeze_time("2026-03-01 12:00:00")
def test_feed_is_valid_rfc5545_with_timezone_and_folded_lines(client):
    publish_event(
        title="Un très long titre d'atelier " * 4,
        recurrence="FREQ=WEEKLY;BYDAY=WE;UNTIL=20260601",
    )
    raw = get_ics(client, demo_page("agenda").url + "ics/")
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    calendar = icalendar.Calendar.from_ical(raw)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Brussels"
    assert str(calendar["VERSION"]) == "2.0"
    for event in calendar.walk("VEVENT"):
        for prop in ("UID", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY"):
            assert prop in event
    until = [e for e in calendar.walk("VEVENT") if "UNTIL" in e.get("RRULE", {})][0]["RRULE"]
    assert until["UNTIL"][0] == datetime(2026, 6, 1, 21, 59, 59, tzinfo=UTC)
    parsed = vobject.readOne(raw.decode())
    assert len(parsed.vevent_list) == len(calendar.walk("VEVENT"))


def test_uid_is_stable_and_sequence_grows_when_the_event_changes(client):
    page = publish_event(start_date=timezone.localdate() + timedelta(days=3))
    url = page.url + "ics/"

    def master():
        calendar = icalendar.Calendar.from_ical(get_ics(client, url))
        return calendar.walk("VEVENT")[0]

    first = master()
    assert first["SEQUENCE"] == 0
    page.save_revision().publish()
    assert master()["SEQUENCE"] == 0, "publishing the same content changes nothing"
    page.start_time = time(14)
    page.end_time = time(16)
    page.save_revision().publish()
    second = master()
    assert second["SEQUENCE"] == 1
    assert second["UID"] == first["UID"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_recurring_ical_events_expands_the_demo_feed_to_the_dates_the_site_shows(client, language):
    agenda = demo_page("agenda", language)
    raw = get_ics(client, agenda.url + "ics/")
    calendar = icalendar.Calendar.from_ical(raw)
    vobject.readOne(raw.decode())  # parses
    now = timezone.now()
    until = now + timedelta(days=180)

    expanded = {
        (str(event["UID"]).split("@")[0], _utc(event["DTSTART"].dt), str(event.get("STATUS")))
        for event in recurring_ical_events.of(calendar).between(now, until)
    }
    shown = {
        (str(o.page.translation_key), o.start, "CANCELLED" if o.is_cancelled else "CONFIRMED")
        for o in Occurrence.objects.filter(
            page__path__startswith=agenda.path, end__gt=now, start__lt=until
        ).select_related("page")
    }
    assert shown == expanded
    statuses = {status for _key, _start, status in shown}
    assert statuses == {"CANCELLED", "CONFIRMED"}, "the demo has cancelled dates"


def _utc(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time(), tzinfo=BRUSSELS).astimezone(UTC)


def test_structured_data_writes_a_country_stored_in_lower_case_in_capitals(client):
    """schema.org reads ISO 3166-1 alpha-2 codes; events and venues saved before codes were
    checked may still hold "be"."""
    soon = timezone.localdate() + timedelta(days=30)
    page = publish_event(start_date=soon, country="BE")
    # In SQL: the field itself capitalises whatever Python gives it.
    EventPage.objects.filter(pk=page.pk).update(country=Lower("country"))
    assert EventPage.objects.get(pk=page.pk).country == "be"
    (item,) = json_ld(client.get(page.url).content.decode())
    assert item["location"]["address"]["addressCountry"] == "BE"


@pytest.mark.parametrize(
    ("age_min", "age_max", "typical_age_range"),
    [(8, 12, "8-12"), (14, None, "14-"), (None, 10, "0-10")],
)
def test_structured_data_keeps_an_open_age_range_open(client, age_min, age_max, typical_age_range):
    """schema.org reads "14" as 14-year-olds only: "14 and over" is written "14-"."""
    soon = timezone.localdate() + timedelta(days=30)
    page = publish_event(start_date=soon, age_min=age_min, age_max=age_max)
    (item,) = json_ld(client.get(page.url).content.decode())
    assert item["typicalAgeRange"] == typical_age_range


def test_line_breaks_in_the_agenda_s_texts_are_escaped_in_its_feed(client):
    """Titles and introductions are plain text an editor may break over two lines."""
    agenda = demo_page("agenda", "en")
    agenda.introduction = "First line.\r\nSecond line; with, punctuation."
    agenda.save_revision().publish()
    page = publish_event(
        agenda=agenda, start_date=timezone.localdate() + timedelta(days=30), title="Two\nlines"
    )
    for url in (agenda.url + "ics/", agenda.url + "ics/?when=month", page.url + "ics/"):
        calendar = icalendar.Calendar.from_ical(get_ics(client, url))
        assert "\n" not in calendar.to_ical().decode().replace("\r\n", "")
    feed = get_ics(client, agenda.url + "ics/").decode()
    assert "X-WR-CALDESC:First line.\\nSecond line\\; with\\, punctuation.\r\n" in feed
