"""Occurrences follow publishing: rebuilt on publish, removed on unpublish, made for the
live copies and aliases the admin makes without publishing them.

Deleting a page removes its occurrences through the foreign key's cascade. Events
also keep their venue's name in their search text, renamed with the venue, and their
feed state follows the venue's changes, their moves and new slugs.
"""

from django.db.models.signals import post_save, pre_save
from wagtail import hooks
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from csti_cms.core.caching import content_changed

from .models import EventPage, Venue
from .models.events import event_search_text


def on_publish(sender, instance, **kwargs):
    """Every page type's publication: Wagtail sends it as the page's own type, so a page
    type derived from ``EventPage`` (a plugin's) would otherwise get no dates."""
    if not isinstance(instance, EventPage):
        return
    from .sync import sync_occurrences

    sync_occurrences(instance)
    # The cache moved on when the page was published, before its dates were rebuilt: a
    # visitor served in between cached the agenda and feeds with the old dates.
    content_changed()


def on_unpublish(sender, instance, **kwargs):
    if not isinstance(instance, EventPage):
        return
    from .sync import remove_occurrences

    remove_occurrences(instance)
    content_changed()


def give_live_copies_their_dates(request, page, new_page):
    """Dates for the live events of a copy or alias made in the admin.

    Wagtail makes a live copy ("publish copies") or alias without publishing it, so no
    ``page_published`` signal: the copied events would show no date and be missing from
    the agenda until their next publication. Subpages copied along are included.
    """
    from .sync import sync_occurrences

    events = list(EventPage.objects.live().descendant_of(new_page, inclusive=True).specific())
    for event in events:
        sync_occurrences(event)
    if events:
        content_changed()


def on_move(sender, instance, url_path_before, url_path_after, **kwargs):
    """A move gives the events at and under the moved page a new address, without any
    publication: incremental JSON readers must learn it (reordering pages changes none)."""
    if url_path_before == url_path_after:
        return
    from .sync import addresses_changed

    addresses_changed(instance)


def on_slug_change(sender, instance, **kwargs):
    """A new slug gives the events at and under the page a new address, as a move does: an
    agenda renamed moves every event's address, without publishing any of them."""
    from .sync import addresses_changed

    addresses_changed(instance)


def remember_stored_venue(sender, instance, raw=False, **kwargs):
    """Keep what the feeds show of the venue as stored, to tell a real change after the
    save from a save of the venue as it was."""
    from .sync import FEED_VENUE_FIELDS

    if raw or instance.pk is None:
        return
    instance._stored_for_feeds = (
        Venue.objects.filter(pk=instance.pk).values(*FEED_VENUE_FIELDS).first()
    )


def on_venue_saved(sender, instance, created, raw=False, **kwargs):
    """Visitors find an event by its venue's new name as soon as the venue is renamed, and
    calendars and incremental JSON readers learn its new name or address."""
    from .sync import venue_changed, venue_fields_changed

    stored = instance.__dict__.pop("_stored_for_feeds", None)
    if created or raw or stored is None:
        return
    changed = venue_fields_changed(stored, instance)
    if not changed:
        return
    venue_changed(instance, changed)
    if "name" not in changed:
        return
    searched = ("title", "introduction", "place_name", "locality")
    events = list(EventPage.objects.filter(venue=instance).only(*searched))
    for event in events:
        event.search_text = event_search_text(event, venue=instance)
    EventPage.objects.bulk_update(events, ["search_text"])


def connect():
    hooks.register("after_copy_page", give_live_copies_their_dates)
    page_published.connect(on_publish, dispatch_uid="csti_agenda_publish")
    page_unpublished.connect(on_unpublish, dispatch_uid="csti_agenda_unpublish")
    post_page_move.connect(on_move, dispatch_uid="csti_agenda_move")
    page_slug_changed.connect(on_slug_change, dispatch_uid="csti_agenda_slug_changed")
    pre_save.connect(remember_stored_venue, sender=Venue, dispatch_uid="csti_agenda_venue_stored")
    post_save.connect(on_venue_saved, sender=Venue, dispatch_uid="csti_agenda_venue_saved")
