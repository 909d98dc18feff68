"""Canonical links, ``hreflang`` alternates and the language switcher agree on where a
view lives, sub-routes and searches included, and keep what a visitor chose."""

import json
import re
from html import unescape

import pytest
from wagtail.models import PageViewRestriction

from tests.conftest import demo_page
from tests.core.helpers import absolute, head_links

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]+)">')


@pytest.mark.parametrize(
    ("key", "route", "spelled"),
    [
        ("agenda", "calendrier/", "calendrier/"),
        ("agenda", "calendar/", "calendrier/"),
        ("agenda", "calendrier/2027/1/?category=ateliers", "calendrier/2027/1/"),
        ("agenda", "calendar/2027/1/", "calendrier/2027/1/"),
        ("agenda", "archives/", "archives/"),
        ("activity-colour-chemistry", "reserver/", "reserver/"),
        ("activity-colour-chemistry", "book/", "reserver/"),
        ("venue-spaces", "devis/?space=1", "devis/"),
    ],
)
def test_a_sub_route_is_its_own_canonical_as_its_language_spells_it(client, key, route, spelled):
    page = demo_page(key, "fr").url
    links = head_links(client, page + route)
    expected = absolute(page + spelled)
    assert links["canonical"] == expected
    assert links["og_url"] == expected
    assert links["alternates"]["fr"].split("?")[0] == expected, "the same as hreflang"


def test_a_thank_you_page_stays_noindex_with_a_canonical_that_agrees(client):
    activity = demo_page("activity-colour-chemistry", "nl").url
    links = head_links(client, activity + "reserveren/bedankt/")
    assert 'content="noindex' in links["html"]
    assert links["canonical"] == absolute(activity + "reserveren/bedankt/")
    assert links["canonical"] == links["alternates"]["nl"]


def test_a_plain_page_keeps_its_own_address_as_canonical(client):
    about = demo_page("about", "nl").url
    links = head_links(client, about)
    assert links["canonical"] == links["og_url"] == absolute(about)
    assert links["alternates"]["nl"] == absolute(about)


def test_the_organisation_is_at_the_home_page_of_the_visitors_language(client):
    for language in ("fr", "nl"):
        home = demo_page("home", language)
        html = client.get(home.url).content.decode()
        (organisation,) = [
            data
            for data in map(json.loads, JSON_LD.findall(html))
            if data["@type"] == "Organization"
        ]
        assert organisation["url"] == home.get_full_url()
        assert organisation["url"].endswith(f"/{language}/")


def test_search_results_describe_themselves_and_agree_with_their_alternates(client):
    links = head_links(client, "/fr/recherche/?q=robot&page=2")
    centre = re.search(r"<title>.*· (.+)</title>", links["html"])[1]
    (description,) = DESCRIPTION.findall(links["html"])
    assert unescape(centre) in unescape(description)
    assert 'content="noindex"' in links["html"]
    assert links["canonical"] == absolute("/fr/recherche/?q=robot")
    assert links["alternates"]["fr"] == links["canonical"]
    assert links["alternates"]["nl"] == absolute("/nl/zoeken/?q=robot")
    assert links["switcher"]["nl"] == "/nl/zoeken/?q=robot", "each language starts at page 1"


def test_search_results_are_described_in_the_visitors_language(client):
    html = client.get("/nl/zoeken/?q=robot").content.decode()
    (description,) = DESCRIPTION.findall(html)
    assert unescape(description).startswith("Zoekresultaten op de website van ")


def test_a_hub_filtered_by_page_type_keeps_the_filter_in_each_language_switch(client):
    french = demo_page("hub-visitors", "fr").url
    links = head_links(client, french + "?type=eventpage&page=2")
    for language in ("nl", "en"):
        theirs = demo_page("hub-visitors", language).url
        assert links["switcher"][language] == theirs + "?type=eventpage"
        assert links["alternates"][language] == absolute(theirs), "each version's canonical"
    assert links["canonical"] == absolute(french)


def test_a_hub_leaves_behind_a_filter_that_names_no_page_type(client):
    french = demo_page("hub-visitors", "fr").url
    links = head_links(client, french + "?type=%3Cscript%3E")
    assert links["switcher"]["nl"] == demo_page("hub-visitors", "nl").url


def test_a_private_translation_is_offered_to_visitors_but_not_to_search_engines(client):
    about_nl = demo_page("about", "nl")
    PageViewRestriction.objects.create(
        page=about_nl, restriction_type=PageViewRestriction.PASSWORD, password="vzw"
    )
    links = head_links(client, demo_page("about", "fr").url)
    assert set(links["alternates"]) == {"fr", "en", "x-default"}
    assert links["switcher"]["nl"] == about_nl.url
