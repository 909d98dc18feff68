"""The agenda as partners and search engines read it: incremental JSON, per-date JSON-LD,
and ICS files a calendar program follows to the letter."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.utils import timezone
from wagtail.models import PageViewRestriction

from csti_cms.agenda.models import (
    EventPage,
    ExcludedDate,
    FeedState,
    Occurrence,
    OccurrenceChange,
    Venue,
)
from csti_cms.agenda.sync import sync_occurrences
from tests.agenda.helpers import json_ld, publish_event
from tests.conftest import demo_page

BRUSSELS = ZoneInfo("Europe/Brussels")
ONLINE = "https://live.curiosa.example/atelier"
pytestmark = pytest.mark.django_db


def _since(moment):
    return moment.isoformat().replace("+", "%2B")


def _read_all(client, url):
    """The events of an incremental read from ``url`` on, following ``next``, and the
    answers read."""
    seen, answers = [], []
    while url:
        answer = client.get(url).json()
        answers.append(answer)
        seen.extend(event["page_id"] for event in answer["results"])
        url = answer["next"]
    return seen, answers


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def _with_uid(calendar, event_page):
    return [
        vevent
        for vevent in calendar.walk("VEVENT")
        if str(vevent["UID"]).startswith(str(event_page.translation_key))
    ]


# Incremental JSON ----------------------------------------------------------------------


def test_an_event_republished_while_a_reader_pages_costs_no_other_event(client):
    agenda = demo_page("agenda")
    since = timezone.now()
    workshops = [publish_event(title=f"Atelier des curieux {n}") for n in range(7)]
    url = f"{agenda.url}json/?updated_since={_since(since)}&page_size=3"

    first = client.get(url).json()
    assert [event["page_id"] for event in first["results"]] == [w.pk for w in workshops[:3]]
    republished = EventPage.objects.get(pk=workshops[0].pk)
    republished.title = "Atelier des curieux (nouvelle formule)"
    republished.save_revision().publish()
    rest, answers = _read_all(client, first["next"])

    assert set(rest) == {w.pk for w in workshops[3:]} | {republished.pk}
    assert rest[-1] == republished.pk, "the republished event comes again at the end"
    assert [answer["page"] for answer in answers] == [2, 3]
    assert all(answer["previous"] is None for answer in answers)


def test_incremental_reading_refuses_page_numbers_and_broken_cursors(client):
    url = f"{demo_page('agenda').url}json/?updated_since=2026-01-01"

    assert client.get(url + "&page=2").json() == {
        "error": "with updated_since, follow the next link instead of asking for a page"
    }
    assert client.get(url + "&cursor=bm90LWEtY3Vyc29y").status_code == 400
    assert client.get(url + "&page=1").status_code == 200
    assert client.get(f"{demo_page('agenda').url}json/?cursor=x").status_code == 400


def test_incremental_reading_lists_the_dates_not_over_yet_or_those_asked_for(client):
    agenda = demo_page("agenda")
    today = timezone.localdate()
    since = timezone.now()
    daily = publish_event(
        title="Observation quotidienne",
        start_date=today - timedelta(days=150),
        recurrence="FREQ=DAILY",
    )
    url = f"{agenda.url}json/?updated_since={_since(since)}"

    (event,) = client.get(url).json()["results"]
    firsts = [o["start_local"][:10] for o in event["occurrences"][:2]]
    assert firsts[0] >= (today - timedelta(days=1)).isoformat()
    start, end = today + timedelta(days=200), today + timedelta(days=202)
    (event,) = client.get(f"{url}&start={start}&end={end}").json()["results"]
    assert [o["start_local"][:10] for o in event["occurrences"]] == [
        (start + timedelta(days=n)).isoformat() for n in range(3)
    ]
    assert event["page_id"] == daily.pk


def test_json_translations_leave_out_a_private_language_version(client):
    dutch = demo_page("museum-night", "nl")
    PageViewRestriction.objects.create(page=dutch, restriction_type="password", password="x")
    data = client.get(f"{demo_page('agenda').url}json/?q=musee&page_size=100").json()

    (event,) = [e for e in data["results"] if e["page_id"] == demo_page("museum-night").pk]
    assert set(event["translations"]) == {"en"}


# A venue that changes ------------------------------------------------------------------


def test_a_renamed_venue_reaches_incremental_readers_and_calendars(client):
    venue = Venue.objects.create(
        name="Salle Faraday",
        street_address="Rue des Découvertes 12",
        postal_code="5000",
        locality="Namur",
        country="BE",
        locale=demo_page("agenda").locale,
    )
    event_page = publish_event(venue=venue, place_name="")
    before = FeedState.objects.get(page=event_page)
    moved_at = timezone.now()

    venue.name = "Salle Marie Curie"
    venue.street_address = "Place des Sciences 1"
    venue.save()

    url = f"{demo_page('agenda').url}json/?updated_since={_since(moved_at)}"
    (event,) = client.get(url).json()["results"]
    assert event["location"]["name"] == "Salle Marie Curie"
    assert event["updated"] >= moved_at.astimezone(UTC).isoformat()[:19]
    (vevent,) = _with_uid(_calendar(client, event_page.url + "ics/"), event_page)
    assert vevent["SEQUENCE"] == before.sequence + 1
    assert vevent["LAST-MODIFIED"].dt >= moved_at.replace(microsecond=0)
    assert "Place des Sciences 1" in str(vevent["LOCATION"])


# Dates moved online, full or cancelled -------------------------------------------------


def _weekly_workshop(**fields):
    return publish_event(
        start_date=date(2027, 3, 3),
        recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=3",
        price="8.00",
        **fields,
    )


def test_a_date_moved_online_is_described_online_only(client):
    workshop = _weekly_workshop(
        online_url=ONLINE,
        occurrence_changes=[
            OccurrenceChange(original_date=date(2027, 3, 10), status="moved-online")
        ],
    )

    by_start = {item["startDate"][:10]: item for item in json_ld(client.get(workshop.url).text)}
    assert by_start["2027-03-10"]["location"] == {"@type": "VirtualLocation", "url": ONLINE}
    assert by_start["2027-03-10"]["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert by_start["2027-03-03"]["location"]["@type"] == "Place"
    master, moved = _with_uid(_calendar(client, workshop.url + "ics/"), workshop)
    assert str(moved["LOCATION"]) == ONLINE and "GEO" not in moved
    assert "Salle des essais" in str(master["LOCATION"])


def test_a_whole_event_moved_online_without_a_link_points_to_its_page(client):
    workshop = _weekly_workshop(status="moved-online", online_url=ONLINE)
    EventPage.objects.filter(pk=workshop.pk).update(online_url="")

    objects = json_ld(client.get(workshop.url).text)
    assert {item["location"]["@type"] for item in objects} == {"VirtualLocation"}
    assert objects[0]["location"]["url"] == workshop.full_url
    (master,) = _with_uid(_calendar(client, workshop.url + "ics/"), workshop)
    assert "LOCATION" not in master and "GEO" not in master


def test_a_full_date_is_sold_out_and_a_cancelled_one_no_longer_on_offer(client):
    workshop = _weekly_workshop(
        occurrence_changes=[
            OccurrenceChange(original_date=date(2027, 3, 10), status="full"),
            OccurrenceChange(original_date=date(2027, 3, 17), status="cancelled"),
        ],
    )

    objects = json_ld(client.get(workshop.url).text)
    availability = {item["startDate"][:10]: item["offers"]["availability"] for item in objects}
    assert availability == {
        "2027-03-03": "https://schema.org/InStock",
        "2027-03-10": "https://schema.org/SoldOut",
        "2027-03-17": "https://schema.org/Discontinued",
    }


# ICS a calendar program follows --------------------------------------------------------


def test_an_excluded_date_of_a_rule_with_its_own_hour_is_excluded_in_calendars(client):
    workshop = publish_event(
        start_date=date(2026, 12, 9),
        recurrence="FREQ=WEEKLY;BYDAY=WE",
        excluded_dates=[ExcludedDate(date=date(2027, 1, 13))],
    )
    # As stored before the form looked at BYHOUR: 18:00 while the event starts at 10:00.
    EventPage.objects.filter(pk=workshop.pk).update(recurrence="FREQ=WEEKLY;BYDAY=WE;BYHOUR=18")
    sync_occurrences(EventPage.objects.get(pk=workshop.pk))
    window = (datetime(2027, 1, 1, tzinfo=BRUSSELS), datetime(2027, 2, 1, tzinfo=BRUSSELS))

    calendar = _calendar(client, workshop.url + "ics/")
    in_calendars = [
        vevent["DTSTART"].dt
        for vevent in recurring_ical_events.of(calendar).between(*window)
        if str(vevent["UID"]).startswith(str(workshop.translation_key))
    ]
    on_the_site = Occurrence.objects.filter(
        page=workshop, start__gte=window[0], start__lt=window[1]
    ).values_list("start", flat=True)
    assert sorted(in_calendars) == sorted(on_the_site)
    assert date(2027, 1, 13) not in {moment.date() for moment in in_calendars}


def _offset_in_file(calendar, moment):
    """The UTC offset at ``moment`` (wall clock) by the file's own VTIMEZONE, as a program
    without a time zone database reads it: the last change of offset it lists before."""
    (zone,) = calendar.walk("VTIMEZONE")
    changes = []
    for part in zone.subcomponents:
        rdates = part.get("RDATE", [])
        rdates = rdates if isinstance(rdates, list) else [rdates]
        starts = [part["DTSTART"].dt] + [rdate.dt for dates in rdates for rdate in dates.dts]
        changes.extend((start, part["TZOFFSETTO"].td) for start in starts)
    return max(change for change in changes if change[0] <= moment)[1]


def test_the_file_s_time_zone_covers_its_dates_and_open_rules_for_years(client):
    summer_evening = publish_event(
        start_date=date(2029, 7, 15), start_time=time(20), end_time=time(23)
    )
    weekly = publish_event(start_date=date(2026, 12, 9), recurrence="FREQ=WEEKLY;BYDAY=WE")

    calendar = _calendar(client, summer_evening.url + "ics/")
    assert _offset_in_file(calendar, datetime(2029, 7, 15, 20)) == timedelta(hours=2)
    calendar = _calendar(client, weekly.url + "ics/")
    assert _offset_in_file(calendar, datetime(2036, 7, 16, 10)) == timedelta(hours=2)
    assert _offset_in_file(calendar, datetime(2036, 12, 17, 10)) == timedelta(hours=1)
