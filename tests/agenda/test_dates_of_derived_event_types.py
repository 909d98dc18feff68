"""A page type derived from the event (a plugin's) gets its dates on publication too.

Wagtail sends ``page_published`` as the page's own type: listening for ``EventPage``
alone, the agenda never wrote the dates of a derived type's pages, which then showed in
no listing and counted as over everywhere.
"""

import pytest
from wagtail.signals import page_published, page_unpublished

from csti_cms.agenda.models import Occurrence
from csti_cms.core.models import ContentPage

from .helpers import publish_event

pytestmark = pytest.mark.django_db


class DerivedEventType:
    """Stands for the sender Wagtail names for a derived page type."""


def test_publishing_a_page_of_a_derived_type_writes_its_dates():
    event = publish_event()
    Occurrence.objects.filter(page=event).delete()
    page_published.send(sender=DerivedEventType, instance=event, revision=None)
    assert Occurrence.objects.filter(page=event).exists()
    page_unpublished.send(sender=DerivedEventType, instance=event)
    assert not Occurrence.objects.filter(page=event).exists()


def test_other_page_types_publish_as_before(home_fr):
    page = home_fr.add_child(instance=ContentPage(title="À propos", slug="a-propos-test"))
    page.save_revision().publish()
    assert page.live
