"""An event's dates are rebuilt by one writer at a time, from the page as it is then.

The nightly ``agenda_refresh`` and an editor's publication can reach the same event at
once. Each rebuild deletes the event's dates and inserts new ones: two at once collided
on inserting (an IntegrityError, which would undo the editor's publication), and a
refresh working from a page it read before the publication brought the old dates back.
Both wait for the page's row, locked for the rebuild, and the refresh reads the page once
it holds the lock.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csti_cms.agenda import sync
from csti_cms.agenda.models import EventPage, Occurrence
from tests.agenda.helpers import publish_event

pytestmark = pytest.mark.django_db


def first_of(queries, *needles):
    """The position of the first query holding every one of ``needles``."""
    for position, query in enumerate(queries):
        if all(needle in query["sql"] for needle in needles):
            return position
    raise AssertionError(f"no query with {needles}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_a_rebuild_locks_the_event_before_touching_its_dates():
    event = publish_event(start_date=timezone.localdate() + timedelta(days=5))
    with CaptureQueriesContext(connection) as queries:
        sync.sync_occurrences(event)
    locked = first_of(queries, "wagtailcore_page", "FOR UPDATE")
    assert locked < first_of(queries, "DELETE", "csti_agenda_occurrence")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
def test_the_refresh_reads_each_event_once_it_holds_its_lock():
    publish_event(start_date=timezone.localdate() + timedelta(days=5))
    with CaptureQueriesContext(connection) as queries:
        sync.refresh_all()
    locked = first_of(queries, "wagtailcore_page", "FOR UPDATE")
    assert locked < first_of(queries, "csti_agenda_eventpage", "start_date")


def test_the_refresh_follows_a_publication_made_after_it_listed_the_events():
    event = publish_event(start_date=timezone.localdate() + timedelta(days=5))
    moved = EventPage.objects.get(pk=event.pk)
    moved.start_date = event.start_date + timedelta(days=7)
    moved.save_revision().publish()
    assert sync._refresh(event.pk) == 1
    starts = Occurrence.objects.filter(page_id=event.pk).values_list("start", flat=True)
    assert [timezone.localdate(start) for start in starts] == [moved.start_date]


def test_the_refresh_passes_over_an_event_unpublished_after_it_listed_the_events():
    event = publish_event(start_date=timezone.localdate() + timedelta(days=5))
    event.unpublish()
    assert sync._refresh(event.pk) == 0
    assert not Occurrence.objects.filter(page_id=event.pk).exists()
