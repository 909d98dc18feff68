"""Addresses and dates the browser tests of the request forms share."""

from datetime import timedelta

from django.utils import timezone

VENUES = {
    "fr": "/fr/organiser-un-evenement/espaces-a-louer/",
    "nl": "/nl/evenement-organiseren/zalen-te-huur/",
    "en": "/en/host-an-event/spaces-for-hire/",
}


def a_tuesday(weeks):
    """The ISO date ``weeks`` ahead, moved to a Tuesday so no weekend rule gets in the way."""
    day = timezone.localdate() + timedelta(weeks=weeks)
    return (day + timedelta(days=(1 - day.weekday()) % 7)).isoformat()
