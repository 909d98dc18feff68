"""A big agenda's calendar feed reads only what calendars show.

A centre with a thousand events ahead gave its feed in almost two seconds: every event
was built as a whole page (body, image, prices) for the twenty fields a calendar shows.
"""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time

from csti_cms.agenda import feeds
from csti_cms.agenda.models import AddedDate, EventPage, ExcludedDate, OccurrenceChange
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

#: Columns of an event page no calendar shows.
UNSHOWN = ("body", "price", "registration_url", "image_id", "search_text", "spoken_languages")


def event_page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries if '"csti_agenda_eventpage"."' in query["sql"]]


@freeze_time("2026-03-01 12:00:00")
def test_the_agenda_feed_leaves_what_calendars_do_not_show_in_the_database(client):
    publish_event(start_date=date(2026, 3, 4), price="12.50", registration_url="https://a.test")

    queries = event_page_queries(client, demo_page("agenda").url + "ics/")

    assert queries
    for sql in queries:
        for column in UNSHOWN:
            assert f'"csti_agenda_eventpage"."{column}"' not in sql, column


def titles():
    """Titles whose SUMMARY line ends on either side of where RFC 5545 folds (75 bytes with
    the line break), in ASCII and with letters of two bytes, and with escapes there."""
    for length in range(60, 72):
        yield "a" * length
        yield "é" * (length // 2)
        yield "a" * (length - 1) + ";"
        yield "a" * (length - 2) + "é,"
    yield "Les étoiles, la Lune et nous ; une soirée d’observation\\pour toute la famille"


@freeze_time("2026-03-01 12:00:00")
def test_exported_events_know_their_dates_without_another_query():
    start = date(2026, 3, 4)
    publish_event(
        start_date=start,
        recurrence="FREQ=WEEKLY;COUNT=6",
        added_dates=[AddedDate(date=date(2026, 3, 7), start_time=time(14))],
        excluded_dates=[ExcludedDate(date=date(2026, 3, 18))],
        occurrence_changes=[OccurrenceChange(original_date=date(2026, 3, 11), status="full")],
    )
    publish_event(start_date=start)
    pages = feeds.export_pages(EventPage.objects.filter(start_date=start), "fr")

    with CaptureQueriesContext(connection) as queries:
        schedules = [page.schedule for page in pages]
        places = [page.location for page in pages]

    assert len(queries) == 0
    assert [len(schedule.added) for schedule in schedules] == [1, 0]
    assert [bool(schedule.excluded) for schedule in schedules] == [True, False]
    assert [list(schedule.changes) for schedule in schedules] == [[date(2026, 3, 11)], []]
    assert all(place is not None for place in places)
