"""A visitor served while an event's dates are being rebuilt does not keep the old ones cached.

Publishing starts a new cache generation before the agenda's own receiver rebuilds the
event's dates; a request in between renders, and caches, the dates of before.
"""

import datetime

import pytest
from django.test import Client

from csti_cms.agenda import sync
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def test_a_date_moved_while_a_visitor_reads_the_agenda_reaches_the_next_visitor(
    settings, monkeypatch
):
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    event = publish_event(start_date=datetime.date.today() + datetime.timedelta(days=10))
    agenda = demo_page("agenda", "fr").url
    moved = event.start_date + datetime.timedelta(days=3)
    rebuild = sync.sync_occurrences

    def visitor_reads_the_agenda_first(page, now=None):
        assert Client().get(agenda).status_code == 200
        return rebuild(page, now)

    monkeypatch.setattr(sync, "sync_occurrences", visitor_reads_the_agenda_first)
    event.start_date = moved
    event.save_revision().publish()

    html = Client().get(agenda).content.decode()
    assert f'datetime="{moved.isoformat()}' in html
