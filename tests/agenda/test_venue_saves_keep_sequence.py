"""A venue's save moves its events' SEQUENCE and ``updated`` only for what the feeds show.

Every save of a venue raised the SEQUENCE of all its events: partners' calendars, which
take a new SEQUENCE for a changed event, were told of changes nobody made each time an
editor saved the venue as it was.
"""

from datetime import UTC, timedelta

import icalendar
import pytest
from django.utils import timezone

from csti_cms.agenda.models import FeedState, Venue
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def _venue():
    return Venue.objects.create(
        name="Salle Faraday",
        street_address="Rue des Découvertes 12",
        postal_code="5000",
        locality="Namur",
        country="BE",
        latitude="50.460000",
        longitude="4.860000",
        locale=demo_page("agenda").locale,
    )


def _ahead():
    """A date the JSON still lists (it lists events with dates not over yet)."""
    return timezone.localdate() + timedelta(days=30)


def _vevent(client, event_page):
    response = client.get(event_page.url + "ics/")
    assert response.status_code == 200
    (vevent,) = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    return vevent


def _json_event(client, event_page):
    response = client.get(f"{demo_page('agenda').url}json/?page_size=100")
    return next(e for e in response.json()["results"] if e["page_id"] == event_page.pk)


def test_saving_a_venue_as_it_was_changes_nothing_in_the_feeds(client):
    venue = _venue()
    event_page = publish_event(venue=venue, place_name="", start_date=_ahead())
    before = FeedState.objects.get(page=event_page)
    vevent, event = _vevent(client, event_page), _json_event(client, event_page)

    Venue.objects.get(pk=venue.pk).save()  # as the admin saves an untouched form
    venue.latitude, venue.country = "50.46", "be"  # the same, as typed
    venue.save()

    after = FeedState.objects.get(page=event_page)
    assert (after.sequence, after.changed_at, after.updated_at) == (
        before.sequence,
        before.changed_at,
        before.updated_at,
    )
    again = _vevent(client, event_page)
    assert again["SEQUENCE"] == vevent["SEQUENCE"]
    assert again["LAST-MODIFIED"].dt == vevent["LAST-MODIFIED"].dt
    assert _json_event(client, event_page)["updated"] == event["updated"]


def test_a_moved_map_point_is_a_change_for_calendars(client):
    venue = _venue()
    event_page = publish_event(venue=venue, place_name="", start_date=_ahead())
    before = FeedState.objects.get(page=event_page)

    venue.latitude = "50.470000"
    venue.save()

    vevent = _vevent(client, event_page)
    assert vevent["SEQUENCE"] == before.sequence + 1
    assert vevent["GEO"].latitude == pytest.approx(50.47)


def test_a_country_only_the_json_shows_moves_updated_but_not_sequence(client):
    venue = _venue()
    event_page = publish_event(venue=venue, place_name="", start_date=_ahead())
    before = FeedState.objects.get(page=event_page)
    moved_at = timezone.now()

    venue.country = "FR"
    venue.save()

    after = FeedState.objects.get(page=event_page)
    assert after.sequence == before.sequence
    assert after.changed_at == before.changed_at
    event = _json_event(client, event_page)
    assert event["location"]["country"] == "FR"
    assert event["updated"] >= moved_at.astimezone(UTC).isoformat()[:19]
