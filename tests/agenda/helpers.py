"""Building events in tests: published like an editor would, under the demo agenda."""

import itertools
import json
import re
from datetime import date, time

from csti_cms.agenda.models import EventPage
from tests.conftest import demo_page

_numbers = itertools.count(1)
CHILD_RELATIONS = ("added_dates", "excluded_dates", "occurrence_changes", "categories")


def publish_event(agenda=None, **fields):
    """A published event page under ``agenda`` (default: the French demo agenda)."""
    agenda = agenda or demo_page("agenda", "fr")
    number = next(_numbers)
    fields.setdefault("title", f"Atelier test {number}")
    fields.setdefault("slug", f"atelier-test-{number}")
    fields.setdefault("introduction", "Des expériences à faire soi-même, pour petits et grands.")
    fields.setdefault("start_date", date(2026, 3, 4))
    if "start_time" not in fields:
        fields["start_time"] = time(10)
        fields.setdefault("end_time", time(11, 30))
    if not fields.get("venue") and fields.get("attendance_mode") != "online":
        fields.setdefault("place_name", "Salle des essais")
        fields.setdefault("latitude", "50.460000")
        fields.setdefault("longitude", "4.860000")
    children = {name: fields.pop(name) for name in CHILD_RELATIONS if name in fields}
    page = EventPage(**fields)
    for name, value in children.items():
        setattr(page, name, value)
    agenda.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def json_ld(html):
    """The schema.org objects of a page."""
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "the page has no JSON-LD"
    return json.loads(match.group(1))
