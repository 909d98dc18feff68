"""A live copy of an event, made in the admin, has its dates at once.

Wagtail makes it live without publishing it, so the dates rebuilt on publication would
otherwise be missing until the event's next publication: a page saying "no date planned"
and an agenda without it. An alias, which can only stand in another agenda, has its dates
at once too (``tests/core/test_aliases.py``).
"""

from datetime import date, time

import pytest
from django.urls import reverse

from csti_cms.agenda.models import EventPage, Occurrence
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def copy_in_admin(client, event, slug, **choices):
    agenda = event.get_parent()
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[event.pk]),
        {
            "new_title": event.title,
            "new_slug": slug,
            "new_parent_page": agenda.pk,
            **{name: "on" for name, chosen in choices.items() if chosen},
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return EventPage.objects.get(slug=slug, locale=event.locale)


def dates_of(page):
    return list(
        Occurrence.objects.filter(page=page).order_by("start").values_list("start", flat=True)
    )


def test_a_live_copy_lists_its_dates(english_admin_client, client):
    event = publish_event(
        title="Nuit des étoiles",
        start_date=date(2030, 8, 10),
        start_time=time(21),
        end_time=time(23),
        recurrence="FREQ=DAILY;COUNT=3",
    )
    copy = copy_in_admin(english_admin_client, event, "nuit-des-etoiles-bis", publish_copies=True)
    assert copy.live
    assert dates_of(copy) == dates_of(event) != []
    agenda_html = client.get(demo_page("agenda", "fr").url).content.decode()
    assert copy.url in agenda_html


def test_a_draft_copy_has_no_public_dates(english_admin_client):
    event = publish_event(title="Atelier brouillon", start_date=date(2030, 8, 10))
    copy = copy_in_admin(english_admin_client, event, "atelier-brouillon-bis")
    assert not copy.live and dates_of(copy) == []
