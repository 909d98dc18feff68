"""Keep the occurrence table and the calendar feed state in step with published events."""

import hashlib
import json

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from . import recurrence
from .models import EventPage, FeedState, Occurrence


@transaction.atomic
def sync_occurrences(page, now=None):
    """Rebuild the dates of one event page from its published schedule.

    Called on publish with the page as published (child relations included, even
    when they only live in the revision being published).
    """
    _hold_event(page.pk)
    Occurrence.objects.filter(page_id=page.pk).delete()
    rows = [
        Occurrence(
            page_id=page.pk,
            original_start=occurrence.original_start,
            start=occurrence.start,
            end=occurrence.end,
            all_day=occurrence.all_day,
            status=occurrence.status,
        )
        for occurrence in (recurrence.occurrences(page.schedule) if page.start_date else [])
    ]
    Occurrence.objects.bulk_create(rows)
    _update_feed_state(page, now or timezone.now())
    return rows


def _hold_event(page_id):
    """Lock the event's page row until the transaction ends; whether it is live.

    Two rebuilds of one event's dates at once (a publication during the nightly
    refresh, two editors publishing) would each delete the dates the other has not
    committed yet, then collide on inserting theirs. A publication holds the row from
    its own save, so a refresh waits for it to commit, and the other way round.
    SQLite, which lets one writer in at a time, has no row locks to take.
    """
    held = Page.objects.select_for_update().filter(pk=page_id).values_list("live", flat=True)
    return any(held)


def remove_occurrences(page):
    Occurrence.objects.filter(page_id=page.pk).delete()


def calendar_fingerprint(page):
    """A digest of everything a calendar client shows: when it changes, SEQUENCE grows."""
    schedule = page.schedule
    location = page.location
    data = {
        "title": page.title,
        "summary": page.introduction,
        "status": page.status,
        "attendance": page.attendance_mode,
        "online": page.online_url,
        "location": location.address if location else "",
        "start": [str(schedule.start_date), str(schedule.start_time)],
        "end": [str(schedule.end_date), str(schedule.end_time)],
        "rule": schedule.rule,
        "added": sorted(map(str, schedule.added)),
        "excluded": sorted(map(str, schedule.excluded)),
        "changes": sorted(
            (
                str(day),
                change.status,
                str(change.new_date),
                str(change.new_start_time),
                str(change.new_end_time),
            )
            for day, change in schedule.changes.items()
        ),
    }
    encoded = json.dumps(data, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def _update_feed_state(page, now):
    """Bump SEQUENCE when what calendars show changed; follow the page's publications.

    ``updated_at`` moves with the publication only: the daily refresh rebuilds dates
    without anything an incremental reader should fetch again.
    """
    fingerprint = calendar_fingerprint(page)
    published = page.last_published_at or now
    state = FeedState.objects.select_for_update().filter(page_id=page.pk).first()
    if state is None:
        FeedState.objects.create(
            page_id=page.pk, fingerprint=fingerprint, changed_at=now, updated_at=published
        )
        return
    changed = state.fingerprint != fingerprint or state.updated_at < published
    if state.fingerprint != fingerprint:
        state.fingerprint = fingerprint
        state.sequence += 1
        state.changed_at = now
    state.updated_at = max(state.updated_at, published)
    if changed:
        state.save()


#: What calendar files show of a venue: its name and address in LOCATION, its point in GEO.
CALENDAR_VENUE_FIELDS = frozenset(
    {"name", "street_address", "postal_code", "locality", "latitude", "longitude"}
)
#: What the JSON shows of a venue, its country besides (the event's ``location``).
FEED_VENUE_FIELDS = CALENDAR_VENUE_FIELDS | {"country"}


def venue_fields_changed(stored, venue):
    """The names of the fields the feeds show that differ between ``stored`` (the venue's
    row before the save, as a dict) and ``venue``.

    Values are compared as the fields read them: a latitude typed "50.46" is the
    stored 50.460000, a country typed "be" the stored "BE".
    """
    changed = set()
    for name in FEED_VENUE_FIELDS:
        field = venue._meta.get_field(name)
        if field.to_python(stored[name]) != field.to_python(getattr(venue, name)):
            changed.add(name)
    return changed


def venue_changed(venue, changed_fields, now=None):
    """Tell calendars and incremental readers that the events held at ``venue`` changed.

    Their location (the venue's name and address, in any of its languages) is part of
    what they show; one UPDATE, however many events the venue hosts. Only
    ``changed_fields`` the feeds show count: partners' calendars take a new SEQUENCE
    for a real change, so saving a venue as it was, or a change calendar files do not
    show (the country), leaves SEQUENCE alone; the JSON's ``updated`` moves for any field
    it shows. The fingerprint catches up at the next publication or refresh (growing
    SEQUENCE once more then).
    """
    shown = FEED_VENUE_FIELDS.intersection(changed_fields)
    if not shown:
        return
    now = now or timezone.now()
    changes = {"updated_at": now}
    if CALENDAR_VENUE_FIELDS.intersection(shown):
        changes.update(sequence=F("sequence") + 1, changed_at=now)
    FeedState.objects.filter(page__venue__translation_key=venue.translation_key).update(**changes)


def addresses_changed(moved_page, now=None):
    """Tell incremental JSON readers that the events at and under ``moved_page`` have a new
    address: moved to another agenda or centre, or under an agenda that moved.

    Only ``updated_at`` moves, in one UPDATE: a reader that pages on it fetches the event
    again with its new address (and a new agenda's reader sees it at all); calendars keep
    their SEQUENCE, as the date, place and title they show are the same.
    """
    FeedState.objects.filter(page__path__startswith=moved_page.path).update(
        updated_at=now or timezone.now()
    )


def refresh_all():
    """Re-materialise every live event, moving the window of repeating rules on.

    Returns the number of pages refreshed. ``manage.py agenda_refresh`` runs it.
    """
    ids = list(EventPage.objects.live().values_list("pk", flat=True))
    return sum(_refresh(page_id) for page_id in ids)


@transaction.atomic
def _refresh(page_id):
    """Rebuild one event's dates from the page as it is once locked: a page read before
    an editor published it again would bring its old dates back. One left unpublished
    since is passed over (its dates went with the unpublication)."""
    if not _hold_event(page_id):
        return 0
    event = EventPage.objects.prefetch_related(
        "added_dates", "excluded_dates", "occurrence_changes"
    ).get(pk=page_id)
    sync_occurrences(event)
    return 1
