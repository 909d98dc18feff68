"""Occurrences follow publishing: rebuilt on publish, removed on unpublish.

Deleting a page removes its occurrences through the foreign key's cascade.
"""

from wagtail.signals import page_published, page_unpublished

from .models import EventPage


def on_publish(sender, instance, **kwargs):
    from .sync import sync_occurrences

    sync_occurrences(instance)


def on_unpublish(sender, instance, **kwargs):
    from .sync import remove_occurrences

    remove_occurrences(instance)


def connect():
    page_published.connect(on_publish, sender=EventPage, dispatch_uid="csti_agenda_publish")
    page_unpublished.connect(on_unpublish, sender=EventPage, dispatch_uid="csti_agenda_unpublish")
