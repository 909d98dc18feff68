"""A postponed event is marked so wherever visitors meet it in a list, not only on hubs.

Its planned date passed or no longer holds, but it stays listed until its new date is
given: a search result, a card or a line of the agenda that showed it like any other would
have visitors plan on that date. Each says what the hub's teaser says, in every language.
"""

from datetime import timedelta

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import publish_event
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

#: What the hub's teaser says of a postponed event, in each language of the demo.
POSTPONED = {
    "fr": "Reporté (nouvelle date à annoncer)",
    "nl": "Uitgesteld (nieuwe datum volgt)",
    "en": "Postponed (new date to be announced)",
}
#: A word no demo page holds, so a search finds the events of a test and nothing else.
WORD = "Quasarium"


def last_week():
    return timezone.localdate() - timedelta(days=7)


def next_month():
    return timezone.localdate() + timedelta(days=30)


def publish_events(language, **fields):
    """``(postponed, scheduled)``: two events of ``language``'s agenda, the first postponed."""
    agenda = demo_page("agenda", language)
    postponed = publish_event(
        agenda, title=f"{WORD} comètes", start_date=last_week(), status="postponed", **fields
    )
    scheduled = publish_event(agenda, title=f"{WORD} étoiles", start_date=next_month(), **fields)
    return postponed, scheduled


def notices(html, item_xpath):
    """``{url: notice}`` of the items of a list, ``""`` for those without one; a notice is
    text, in ``<strong>``, readable without styles and by screen readers."""
    tree = lxml.html.fromstring(html)
    return {
        item.xpath(".//a/@href")[0]: item.xpath('string(.//*[contains(@class, "__notice")]/strong)')
        for item in tree.xpath(item_xpath)
    }


def search_notices(client, language, words=WORD):
    with translation.override(language):
        search = reverse("search")
    html = client.get(search, {"q": words}).content.decode()
    return notices(html, '//ol[@class="search-results"]/li')


def home_with_cards(language, events):
    """The home page of ``language``, with a card grid leading to ``events``."""
    home = demo_page("home", language)
    cards = [{"page": event.pk, "title": "", "text": "", "image": None} for event in events]
    home.body = [{"type": "card_grid", "value": {"heading": "À la une", "cards": cards}}]
    home.save_revision().publish()
    return home


def card_notices(client, home):
    return notices(client.get(home.url).content.decode(), '//ul[@class="card-grid"]/li')


def republish(event, **fields):
    """``event`` published again with ``fields`` changed, as an editor would."""
    event = EventPage.objects.get(pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision().publish()


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_mark_a_postponed_event(client, language):
    postponed, scheduled = publish_events(language)
    found = search_notices(client, language)
    assert found == {postponed.url: POSTPONED[language], scheduled.url: ""}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_card_grid_marks_a_card_leading_to_a_postponed_event(client, language):
    postponed, scheduled = publish_events(language)
    home = home_with_cards(language, [postponed, scheduled])
    assert card_notices(client, home) == {postponed.url: POSTPONED[language], scheduled.url: ""}


def test_the_mark_follows_the_status_published(client):
    """Lists keep what they read until a publication: then the mark comes, and goes."""
    _postponed, event = publish_events("fr")
    home = home_with_cards("fr", [event])
    assert search_notices(client, "fr")[event.url] == ""
    assert card_notices(client, home)[event.url] == ""
    republish(event, status="postponed")
    assert search_notices(client, "fr")[event.url] == POSTPONED["fr"]
    assert card_notices(client, home)[event.url] == POSTPONED["fr"]
    republish(event, status="scheduled")
    assert search_notices(client, "fr")[event.url] == ""
    assert card_notices(client, home)[event.url] == ""


def warm_queries(client, url, **params):
    """The SQL of a second request for ``url``, the first having warmed the caches."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def test_marking_costs_no_query_however_many_events_are_postponed(client):
    """Lists read pages from the base page table: what marks them is read once per
    publication, not from each event's row."""
    first, _scheduled = publish_events("fr")
    home = home_with_cards("fr", [first])
    search_before = warm_queries(client, "/fr/recherche/", q=WORD)
    home_before = warm_queries(client, home.url)
    more = [
        publish_event(title=f"{WORD} éclipse {number}", start_date=last_week(), status="postponed")
        for number in range(6)
    ]
    home = home_with_cards("fr", [first, *more])
    search_after = warm_queries(client, "/fr/recherche/", q=WORD)
    home_after = warm_queries(client, home.url)
    assert len(search_after) == len(search_before)
    assert len(home_after) == len(home_before)
    for sql in search_after + home_after:
        assert "csti_agenda_eventpage" not in sql, sql
    assert list(search_notices(client, "fr").values()).count(POSTPONED["fr"]) == 7
    assert list(card_notices(client, home).values()).count(POSTPONED["fr"]) == 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_marks_the_dates_of_a_postponed_event(client, language):
    """Its upcoming dates and its archive say each date's status: a postponed event's
    say it in the hub's words."""
    agenda = demo_page("agenda", language)
    ahead = publish_event(
        agenda, title=f"{WORD} ahead", start_date=next_month(), status="postponed"
    )
    past = publish_event(agenda, title=f"{WORD} past", start_date=last_week(), status="postponed")
    archive = agenda.url + agenda.reverse_subpage("archive")
    for url, event in ((agenda.url, ahead), (archive, past)):
        tree = lxml.html.fromstring(client.get(url, {"q": WORD}).content)
        (item,) = tree.xpath(f'//li[contains(@class, "agenda-item")][.//a/@href="{event.url}"]')
        assert item.xpath('string(.//strong[contains(@class, "status")])') == POSTPONED[language]
