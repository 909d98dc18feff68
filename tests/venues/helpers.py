"""Building venue spaces in tests: published like an editor would, under the demo listing,
and asked about like an organiser would."""

import itertools
from datetime import timedelta

from django.utils import timezone

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


def quote_url(language="fr"):
    """The address of the demo listing's quote form in ``language``."""
    listing = demo_page("venue-spaces", language)
    return listing.url + listing.reverse_subpage("quote")


def quote_data(**overrides):
    """What an organiser sends to ask for a quote: a two-day conference in the auditorium,
    two months ahead, with ``overrides`` changed."""
    day = timezone.localdate() + timedelta(days=60)
    data = {
        "organisation": "Biotech Namur SA",
        "contact_name": "Sophie Lambert",
        "email": "sophie.lambert@biotech.example",
        "phone": "+32 81 44 55 66",
        "event_type": "conference",
        "event_date": day.isoformat(),
        "end_date": (day + timedelta(days=1)).isoformat(),
        "guests": "150",
        "layout": "theatre",
        "spaces": [str(demo_page("space-auditorium").pk)],
        "catering": ["coffee", "cocktail"],
        "budget": "8000",
        "message": "Deux jours de congrès, avec captation vidéo.",
        "website": "",
    }
    data.update(overrides)
    return data
