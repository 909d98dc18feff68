"""What is over is never presented as current, however long after launch the site is visited.

The demo's events and temporary exhibitions are dated from the day it was loaded; a year and
more later they are all over. Hubs and card grids leave them out, an event that is over
offers no registration, and search results say that it is over.
"""

from datetime import timedelta

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from csti_cms.agenda.models import EventPage, OccurrenceChange
from csti_cms.core.models import ContentPage
from csti_cms.visit.models import ExhibitionPage
from tests.agenda.helpers import json_ld, publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

#: Long enough after the demo was loaded for every dated event and exhibition to be over.
A_YEAR_AND_MORE_LATER = timedelta(days=400)

#: Demo pages for teachers that are over a year and more later: events and exhibitions.
OVER_FOR_TEACHERS = ("science-festival", "climate-talk", "teachers-webinar", "expo-chemistry")
#: Demo pages for teachers that stay current: a permanent exhibition and content pages.
CURRENT_FOR_TEACHERS = ("expo-matter", "about", "schools")


def later():
    return freeze_time(timezone.now() + A_YEAR_AND_MORE_LATER)


def listed_urls(html, list_class):
    tree = lxml.html.fromstring(html)
    return set(tree.xpath(f'//*[contains(@class, "{list_class}")]//a/@href'))


def test_the_teachers_hub_lists_only_what_teachers_can_still_come_to(client):
    hub = demo_page("hub-schools", "fr")
    with later():
        listed = listed_urls(client.get(hub.url).content.decode(), "teaser-list")
    for key in OVER_FOR_TEACHERS:
        assert demo_page(key, "fr").url not in listed, key
    for key in CURRENT_FOR_TEACHERS:
        assert demo_page(key, "fr").url in listed, key


def test_a_hub_leaves_out_a_cancelled_event_but_lists_one_still_ahead(client):
    hub = demo_page("hub-schools", "nl")
    listed = listed_urls(client.get(hub.url).content.decode(), "teaser-list")
    assert demo_page("climate-talk", "nl").url not in listed
    assert demo_page("teachers-webinar", "nl").url in listed
    assert demo_page("expo-chemistry", "nl").url in listed


def test_a_hubs_page_type_filter_offers_no_type_of_which_everything_is_over(client):
    hub = demo_page("hub-schools", "fr")
    with later():
        html = client.get(hub.url).content.decode()
    assert "?type=eventpage" not in html
    assert "?type=exhibitionpage" in html


def home_with_cards(*keys):
    """The French home page, with a card grid leading to the demo pages ``keys``."""
    home = demo_page("home", "fr")
    cards = [
        {"page": demo_page(key, "fr").pk, "title": "", "text": "", "image": None} for key in keys
    ]
    home.body = [{"type": "card_grid", "value": {"heading": "À la une", "cards": cards}}]
    home.save_revision().publish()
    return home


def test_a_card_grid_leaves_out_cards_leading_to_what_is_over(client):
    home = home_with_cards("museum-night", "expo-chemistry", "expo-matter", "about")
    shown_now = listed_urls(client.get(home.url).content.decode(), "card-grid")
    with later():
        shown_later = listed_urls(client.get(home.url).content.decode(), "card-grid")
    over = {demo_page(key, "fr").url for key in ("museum-night", "expo-chemistry")}
    current = {demo_page(key, "fr").url for key in ("expo-matter", "about")}
    assert over | current <= shown_now
    assert current <= shown_later
    assert not over & shown_later


def occurrence_queries(client, url, **params):
    """``(queries reading events' dates, html)`` of a second request, caches warm."""
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url, params).content.decode()
    return [query for query in queries if "csti_agenda_occurrence" in query["sql"]], html


def test_a_card_grid_reads_no_dates_to_leave_out_what_is_over(client):
    home = home_with_cards("museum-night", "expo-chemistry", "about")
    with later():
        asked, html = occurrence_queries(client, home.url)
    assert asked == []
    assert demo_page("museum-night", "fr").url not in listed_urls(html, "card-grid")


def test_an_event_that_is_over_offers_no_registration(client):
    event = demo_page("museum-night", "fr")
    assert event.registration_url
    assert event.registration_url in client.get(event.url).content.decode()
    with later():
        html = client.get(event.url).content.decode()
    assert "Cet événement est terminé" in html
    assert event.registration_url not in html


def test_a_cancelled_event_offers_no_registration(client):
    event = publish_event(
        title="Atelier annulé",
        start_date=timezone.localdate() + timedelta(days=20),
        status="cancelled",
        registration_url="https://tickets.curiosa.example/atelier-annule",
    )
    assert event.registration_url not in client.get(event.url).content.decode()


def test_an_event_whose_only_date_ahead_is_cancelled_offers_no_registration(client):
    """The event is scheduled, but its one date is called off: nothing to register for."""
    soon = timezone.localdate() + timedelta(days=20)
    event = publish_event(
        title="Observation annulée",
        start_date=soon,
        registration_url="https://tickets.curiosa.example/observation",
        occurrence_changes=[OccurrenceChange(original_date=soon, status="cancelled")],
    )
    assert event.registration_url not in client.get(event.url).content.decode()


def search_results(client, words, language="fr"):
    html = client.get(f"/{language}/recherche/", {"q": words}).content.decode()
    tree = lxml.html.fromstring(html)
    return {
        item.xpath(".//h2/a/@href")[0]: bool(item.xpath('.//*[@class="search-results__over"]'))
        for item in tree.xpath('//ol[@class="search-results"]/li')
    }


def test_search_results_mark_events_and_exhibitions_that_are_over(client):
    webinar = demo_page("teachers-webinar", "fr").url
    exhibition = demo_page("expo-chemistry", "fr").url
    now = search_results(client, "webinaire") | search_results(client, "chimie")
    assert now[webinar] is False
    assert now[exhibition] is False
    with later():
        then = search_results(client, "webinaire") | search_results(client, "chimie")
    assert then[webinar] is True
    assert then[exhibition] is True


def test_marking_search_results_reads_no_dates_however_many_are_over(client):
    for number in range(8):
        publish_event(title=f"Spectacle {number}", start_date=timezone.localdate())
    with later():
        asked, html = occurrence_queries(client, "/fr/recherche/", q="Spectacle")
    assert asked == []
    assert html.count('class="search-results__over"') == 8


def test_only_events_and_exhibitions_say_which_of_their_pages_are_over():
    over_now = EventPage.pages_over(timezone.now())
    assert over_now is not None
    assert ExhibitionPage.pages_over(timezone.now()) is not None
    assert ContentPage.pages_over(timezone.now()) is None


def test_a_postponed_event_stays_presented_after_its_planned_date(client):
    """Its date passed, but a new one is to come: visitors keep finding it, marked postponed."""
    last_week = timezone.localdate() - timedelta(days=7)
    postponed = publish_event(title="Nuit des comètes", start_date=last_week, status="postponed")
    held = publish_event(title="Nuit des étoiles", start_date=last_week)
    home = demo_page("home", "fr")
    cards = [
        {"page": event.pk, "title": "", "text": "", "image": None} for event in (postponed, held)
    ]
    home.body = [{"type": "card_grid", "value": {"heading": "À la une", "cards": cards}}]
    home.save_revision().publish()
    shown = listed_urls(client.get(home.url).content.decode(), "card-grid")
    assert postponed.url in shown
    assert held.url not in shown
    assert search_results(client, "comètes")[postponed.url] is False
    assert search_results(client, "étoiles")[held.url] is True


def test_a_postponed_event_says_so_where_visitors_find_it(client):
    """Its page does not say it took place, search engines read it as postponed, and the
    hub marks it."""
    last_week = timezone.localdate() - timedelta(days=7)
    event = publish_event(
        title="Nuit des comètes", start_date=last_week, status="postponed", for_visitors=True
    )
    html = client.get(event.url).content.decode()
    assert "Reporté\u00a0: il était prévu le" in html
    assert "Cet événement est terminé" not in html
    (described,) = json_ld(html)
    assert described["eventStatus"] == "https://schema.org/EventPostponed"
    assert described["startDate"].startswith(last_week.isoformat())
    hub = lxml.html.fromstring(client.get(demo_page("hub-visitors", "fr").url).content)
    (teaser,) = hub.xpath(f'//li[@class="teaser"][.//a/@href="{event.url}"]')
    assert teaser.xpath('string(.//*[@class="teaser__notice"])') == (
        "Reporté (nouvelle date à annoncer)"
    )
