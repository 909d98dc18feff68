"""A moved event has a new address without being published again: the JSON's incremental
readers fetch it again, and the reader of the agenda it joined sees it at all."""

from datetime import timedelta

import pytest
from django.utils import timezone

from csti_cms.agenda.models import FeedState
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def _since(moment):
    return moment.isoformat().replace("+", "%2B")


def incremental_ids(client, agenda, since):
    answer = client.get(f"{agenda.url}json/?updated_since={_since(since)}").json()
    return [event["page_id"] for event in answer["results"]]


def published_an_hour_ago(**fields):
    event = publish_event(**fields)
    FeedState.objects.filter(page=event).update(updated_at=timezone.now() - timedelta(hours=1))
    return event


def test_the_agenda_an_event_moves_to_lists_it_to_its_incremental_readers(client):
    event = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=9))
    since = timezone.now()
    dutch_agenda = demo_page("agenda", "nl")
    assert event.pk not in incremental_ids(client, dutch_agenda, since)

    event.move(dutch_agenda, pos="last-child")

    assert event.pk in incremental_ids(client, dutch_agenda, since)
    assert FeedState.objects.get(page=event).updated_at >= since


def test_a_move_keeps_the_calendar_sequence():
    event = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=9))
    sequence = FeedState.objects.get(page=event).sequence

    event.move(demo_page("agenda", "nl"), pos="last-child")

    assert FeedState.objects.get(page=event).sequence == sequence


def test_reordering_events_changes_nothing_readers_page_on():
    first = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=9))
    second = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=10))
    before = FeedState.objects.get(page=second).updated_at

    second.move(first, pos="left")

    assert FeedState.objects.get(page=second).updated_at == before


def test_only_the_moved_page_and_its_subpages_are_touched():
    moved = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=9))
    stays = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=10))
    before = FeedState.objects.get(page=stays).updated_at

    moved.move(demo_page("agenda", "nl"), pos="last-child")

    assert FeedState.objects.get(page=stays).updated_at == before


def test_renaming_the_agenda_tells_readers_of_every_events_new_address(
    client, django_capture_on_commit_callbacks
):
    event = published_an_hour_ago(start_date=timezone.localdate() + timedelta(days=9))
    since = timezone.now()
    agenda = demo_page("agenda", "fr")
    agenda.slug = "programme"
    with django_capture_on_commit_callbacks(execute=True):
        agenda.save_revision().publish()

    agenda = demo_page("agenda", "fr")
    assert event.pk in incremental_ids(client, agenda, since)
