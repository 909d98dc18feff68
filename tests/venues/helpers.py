"""Building venue spaces in tests: published like an editor would, under the demo listing."""

import itertools

from csti_cms.venues.models import VenueSpacePage
from tests.conftest import demo_page

_numbers = itertools.count(1)


def publish_space(listing=None, **fields):
    """A published space under ``listing`` (default: the French demo listing)."""
    listing = listing or demo_page("venue-spaces", "fr")
    number = next(_numbers)
    fields.setdefault("title", f"Salle test {number}")
    fields.setdefault("slug", f"salle-test-{number}")
    fields.setdefault("capacity_theatre", 50)
    page = VenueSpacePage(**fields)
    listing.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return VenueSpacePage.objects.get(pk=page.pk)
