"""Building school activities in tests: published like an editor would, under the demo listing."""

import itertools
from datetime import timedelta

from django.utils import timezone

from csti_cms.schools.models import SchoolActivityPage
from tests.conftest import demo_page

_numbers = itertools.count(1)


def publish_activity(listing=None, **fields):
    """A published activity under ``listing`` (default: the French demo listing)."""
    listing = listing or demo_page("school-activities", "fr")
    number = next(_numbers)
    fields.setdefault("title", f"Atelier test {number}")
    fields.setdefault("slug", f"atelier-test-{number}")
    fields.setdefault("introduction", "Des expériences à faire soi-même, en classe entière.")
    fields.setdefault("languages", ["fr", "nl"])
    fields.setdefault("max_pupils", 25)
    related = {name: fields.pop(name) for name in ("levels", "subjects") if name in fields}
    page = SchoolActivityPage(**fields)
    for name, value in related.items():
        setattr(page, name, value)
    listing.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return SchoolActivityPage.objects.get(pk=page.pk)


def next_weekday(days=14):
    """A date ``days`` ahead, moved to a Tuesday so no weekend rule gets in the way."""
    day = timezone.localdate() + timedelta(days=days)
    return day + timedelta(days=(1 - day.weekday()) % 7)
