"""Building events in tests: published like an editor would, under the demo agenda, or
posted through the admin's form to see what it refuses."""

import itertools
import json
import re
import signal
from contextlib import contextmanager
from datetime import date, time

from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

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
        fields.setdefault("locality", "Namur")
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


@contextmanager
def within(seconds):
    """Fail instead of hanging: the rules these tests use used to loop for ever."""

    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def event_form(slug, **fields):
    """The admin's form for a new event, published, with ``fields`` changed."""
    data = {
        "title": f"Atelier {slug}",
        "slug": slug,
        "introduction": "Des expériences à faire soi-même.",
        "image_alt_text": "",
        "body": streamfield([]),
        "start_date": "2026-03-04",
        "start_time": "10:00",
        "end_date": "",
        "end_time": "11:30",
        "recurrence": "",
        "added_dates": inline_formset([]),
        "excluded_dates": inline_formset([]),
        "occurrence_changes": inline_formset([]),
        "attendance_mode": "on-site",
        "venue": "",
        "place_name": "Salle des essais",
        "locality": "Namur",
        "country": "BE",
        "latitude": "50.46",
        "longitude": "4.86",
        "status": "scheduled",
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def post_event(client, slug, **fields):
    """Post the admin's "add event" form under the French demo agenda, within a time limit
    since an unsafe repeat rule could otherwise hang the request."""
    agenda = demo_page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_agenda", "eventpage", agenda.pk])
    with within(20):
        return client.post(url, event_form(slug, **fields))


def field_errors(response):
    """``{field: [messages]}`` of the page form and of its inline rows, in English (the
    request leaves the site's language active; some messages are translated late)."""
    with translation.override("en"):
        return _field_errors(response)


def _field_errors(response):
    """The page form's errors and its inline rows', the rows' keyed ``formset-field``."""
    form = response.context["form"]
    errors = {name: list(messages) for name, messages in form.errors.items()}
    for name, formset in form.formsets.items():
        for row in formset.errors:
            for field, messages in row.items():
                errors.setdefault(f"{name}-{field}", []).extend(messages)
    return errors


def refused(response, field, message):
    """The form came back unsaved with ``message`` on ``field``, and the editor sees it."""
    assert response.status_code == 200, "the page was saved"
    messages = field_errors(response).get(field, [])
    assert any(message in text for text in messages), field_errors(response)
    assert message in response.content.decode().replace("&#x27;", "'")
