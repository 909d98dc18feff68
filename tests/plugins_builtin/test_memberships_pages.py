"""The memberships page lists a page of memberships at a time, as a declaration's endorsers.

It rendered every membership at once: a network of hundreds of members showed them all.
"""

import re
from html import unescape

import pytest

from csti_cms.plugins.memberships import listing
from csti_cms.plugins.testing import render_body_on
from tests.conftest import demo_page
from tests.core.helpers import absolute, head_links

from .helpers import (
    count_queries,
    make_content_page,
    make_membership,
    make_memberships_page,
    make_organisation,
)

pytestmark = pytest.mark.django_db

PER_PAGE = 5
NAMES = re.compile(r'<h3 class="membership__name"[^>]*>([^<]+)</h3>')
PAGES = re.compile(r'<nav class="pagination" aria-label="([^"]+)">(.*?)</nav>', re.S)


@pytest.fixture
def few_per_page(monkeypatch):
    """Five memberships a page, so that a handful spans pages."""
    monkeypatch.setattr(listing, "MEMBERSHIPS_PER_PAGE", PER_PAGE)


@pytest.fixture
def memberships_page(site, enable_plugin, few_per_page):
    enable_plugin("memberships", site)
    return make_memberships_page(site.root_page)


def add_networks(site, count, start=0, since=2001, until=None):
    return [
        make_membership(
            site,
            make_organisation(f"Network {number:03d}", scope="europe"),
            since=since,
            until=until,
        )
        for number in range(start, start + count)
    ]


def visit(client, page, site, path=""):
    response = client.get(page.get_url_parts()[2] + path, HTTP_HOST=site.hostname)
    assert response.status_code == 200, path
    return response.content.decode()


def pagination(html):
    found = PAGES.search(html)
    return (found[1], unescape(found[2])) if found else (None, "")


def test_a_page_of_memberships_at_a_time_with_links_to_the_others(client, site, memberships_page):
    add_networks(site, 12)
    first = visit(client, memberships_page, site)
    assert NAMES.findall(first) == [f"Network {n:03d}" for n in range(5)]
    label, nav = pagination(first)
    assert label, "the navigation is named for screen readers"
    assert 'aria-current="page">1<' in nav and 'rel="next" href="?page=2"' in nav

    third = visit(client, memberships_page, site, "?page=3")
    assert NAMES.findall(third) == ["Network 010", "Network 011"]
    assert 'rel="prev" href="?page=2"' in pagination(third)[1]
    assert "Europe" in third, "a scope running over pages is headed on each"


@pytest.mark.parametrize(("query", "shown"), [("abc", 1), ("0", 3), ("99", 3), ("", 1)])
def test_any_page_number_answers_with_a_page(client, site, memberships_page, query, shown):
    add_networks(site, 12)
    html = visit(client, memberships_page, site, f"?page={query}")
    assert f'aria-current="page">{shown}<' in pagination(html)[1]


def test_past_memberships_are_paginated_too(client, site, memberships_page):
    add_networks(site, 7, since=1990, until=2000)
    add_networks(site, 2, start=100)
    html = visit(client, memberships_page, site, "past/?page=2")
    assert NAMES.findall(html) == ["Network 005", "Network 006"]
    assert "Network 100" not in html
    assert pagination(visit(client, memberships_page, site))[1] == "", "two current: one page"


def test_a_page_costs_the_same_queries_with_few_or_many(client, site, memberships_page):
    add_networks(site, 6)
    visit(client, memberships_page, site, "?page=2")  # the site's caches, filled on first visits
    few, _response = count_queries(client, memberships_page, site, "?page=2")
    add_networks(site, 60, start=6)
    many, response = count_queries(client, memberships_page, site, "?page=2")
    assert many == few
    assert len(NAMES.findall(response.content.decode())) == PER_PAGE


def test_a_logo_leads_to_the_page_that_shows_its_network(client, site, enable_plugin, few_per_page):
    enable_plugin("memberships", site)
    networks = add_networks(site, 7)
    target = make_memberships_page(make_content_page(site.root_page))
    _page, html = render_body_on(client, site, "memberships_networks", {"page": target.pk})
    path = target.get_url_parts()[2]
    first, last = (m.organisation.translation_key for m in (networks[0], networks[-1]))
    assert f'href="{path}#network-{first}"' in html
    assert f'href="{path}?page=2#network-{last}"' in html
    assert f'id="network-{last}"' in visit(client, target, site, "?page=2")


def test_switching_language_starts_the_memberships_at_their_first_page(client, monkeypatch):
    """Each language sorts networks by their names in it: page 2 is no page 2 elsewhere."""
    monkeypatch.setattr(listing, "MEMBERSHIPS_PER_PAGE", 2)
    french, dutch = demo_page("memberships-page", "fr"), demo_page("memberships-page", "nl")
    shown = head_links(client, f"{french.url}?page=2")
    assert shown["switcher"]["nl"] == dutch.url
    assert shown["alternates"]["nl"] == absolute(dutch.url)


def test_no_empty_switch_to_past_memberships_when_there_are_none(client, site, memberships_page):
    add_networks(site, 2)
    html = visit(client, memberships_page, site)
    assert 'class="memberships-switch"' not in html
    add_networks(site, 1, start=2, since=2001, until=2010)
    html = visit(client, memberships_page, site)
    switch = re.search(r'<p class="memberships-switch"><a href="([^"]+)">([^<]+)</a></p>', html)
    assert switch.groups() == ("/fr/networks/passees/", "Afficher 1 adhésion passée")
