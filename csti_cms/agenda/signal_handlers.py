"""Occurrences follow publishing: rebuilt on publish, removed on unpublish.

Deleting a page removes its occurrences through the foreign key's cascade. Events
also keep their venue's name in their search text, renamed with the venue.
"""

from django.db.models.signals import post_save
from wagtail.signals import page_published, page_unpublished

from .models import EventPage, Venue
from .models.events import event_search_text


def on_publish(sender, instance, **kwargs):
    from .sync import sync_occurrences

    sync_occurrences(instance)


def on_unpublish(sender, instance, **kwargs):
    from .sync import remove_occurrences

    remove_occurrences(instance)


def on_venue_saved(sender, instance, created, raw=False, **kwargs):
    """Visitors find an event by its venue's new name as soon as the venue is renamed."""
    if created or raw:
        return
    searched = ("title", "introduction", "place_name", "locality")
    events = list(EventPage.objects.filter(venue=instance).only(*searched))
    for event in events:
        event.search_text = event_search_text(event, venue=instance)
    EventPage.objects.bulk_update(events, ["search_text"])


def connect():
    page_published.connect(on_publish, sender=EventPage, dispatch_uid="csti_agenda_publish")
    page_unpublished.connect(on_unpublish, sender=EventPage, dispatch_uid="csti_agenda_unpublish")
    post_save.connect(on_venue_saved, sender=Venue, dispatch_uid="csti_agenda_venue_saved")
