"""An agenda with no date to show says why: the visitor's filters, or nothing planned.

A year after launch, every demo date had passed, and the agenda told visitors who had
chosen nothing to "try fewer filters".
"""

import pytest
from django.utils import translation
from django.utils.html import escape

from csti_cms.agenda.models import Occurrence
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

NO_MATCH = "No dates match your choice. Try fewer filters or other dates."
NOTHING_PLANNED = "No event is planned at the moment."
NOTHING_PAST = "No event has taken place yet."


def said(language, message):
    """``message`` as the page in ``language`` writes it."""
    with translation.override(language):
        return escape(translation.gettext(message))


def shown(client, url, query=None):
    response = client.get(url, query or {})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def no_dates(db):
    """Every date of the demo events is over, and none is planned."""
    Occurrence.objects.all().delete()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_agenda_with_nothing_planned_blames_no_filter(client, no_dates, language):
    html = shown(client, demo_page("agenda", language).url)
    assert said(language, NOTHING_PLANNED) in html
    assert said(language, NO_MATCH) not in html


@pytest.mark.parametrize(
    "query", [{"q": "astronomie"}, {"free": "on"}, {"when": "today"}, {"start": "2026-05-01"}]
)
def test_a_filtered_agenda_with_nothing_to_show_suggests_fewer_filters(client, no_dates, query):
    html = shown(client, demo_page("agenda", "en").url, query)
    assert NO_MATCH in html
    assert NOTHING_PLANNED not in html


def test_an_agenda_whose_filters_find_nothing_among_its_dates_suggests_fewer_filters(client):
    html = shown(client, demo_page("agenda", "en").url, {"q": "no event has such a title"})
    assert NO_MATCH in html


def test_an_empty_archive_says_no_event_has_taken_place(client, no_dates):
    archive = demo_page("agenda", "en").url + "archive/"
    html = shown(client, archive)
    assert NOTHING_PAST in html
    assert NO_MATCH not in html and NOTHING_PLANNED not in html
    # The archive offers no dates to choose: a day left in the address narrows nothing.
    assert NOTHING_PAST in shown(client, archive, {"when": "today"})
    assert NO_MATCH in shown(client, archive, {"q": "astronomie"})
