"""Every listing of the theme and its plugins links its pages alike: previous, numbers around
the current page with the first and the last, next; each link keeps the visitor's filters."""

import re

import pytest
from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import translation

from csti_cms.agenda import views as agenda_views
from csti_cms.core import views as core_views
from csti_cms.core.models import hubs
from csti_cms.schools import views as school_views
from csti_cms.visit.models import exhibitions
from tests.conftest import demo_page

NAV = re.compile(r'<nav class="pagination" aria-label="([^"]+)">(.*?)</nav>', re.S)
NUMBERS = re.compile(r"<a [^>]*>(\d+)</a>|<span aria-hidden=\"true\">(…)</span>")


def links(listed, address="/fr/agenda/", tag_arguments=""):
    """The pagination of ``listed`` as the tag draws it for a visitor at ``address``."""
    template = Template("{% load csti_pagination %}{% pagination listed " + tag_arguments + " %}")
    request = RequestFactory().get(address)
    with translation.override("en"):
        return template.render(RequestContext(request, {"listed": listed}))


def agenda_pages(number):
    """A page of 40 pages of agenda dates, ten a page."""
    return Paginator(range(400), 10).page(number)


def shown_numbers(html):
    return [number or ellipsis for number, ellipsis in NUMBERS.findall(NAV.search(html)[2])]


def test_a_visitor_on_the_first_of_forty_pages_can_jump_to_the_last():
    html = links(agenda_pages(1))
    assert shown_numbers(html) == ["1", "2", "3", "4", "…", "39", "40"]
    assert 'href="?page=40">40</a>' in html
    assert 'rel="next" href="?page=2"' in html and 'rel="prev"' not in html


def test_the_current_page_is_marked_for_screen_readers_and_the_ellipsis_hidden():
    html = links(agenda_pages(20))
    assert 'href="?page=20" aria-current="page">20</a>' in html
    assert html.count("aria-current") == 1
    assert shown_numbers(html) == ["1", "2", "…", *map(str, range(17, 24)), "…", "39", "40"]
    assert html.count('<span aria-hidden="true">…</span>') == 2
    assert 'rel="prev" href="?page=19"' in html and 'rel="next" href="?page=21"' in html


def test_the_links_keep_the_filters_and_replace_the_page():
    html = links(agenda_pages(2), "/fr/agenda/?audience=schools&category=ateliers&page=2")
    assert 'rel="next" href="?audience=schools&amp;category=ateliers&amp;page=3"' in html
    assert 'href="?audience=schools&amp;category=ateliers&amp;page=1"' in html


def test_a_listing_of_its_own_parameter_returns_to_its_fragment():
    html = links(
        agenda_pages(1),
        "/fr/declaration/?utm_source=newsletter",
        '"endorsers" fragment="endorsements" label="Pages of endorsements"',
    )
    assert NAV.search(html)[1] == "Pages of endorsements"
    assert 'rel="next" href="?utm_source=newsletter&amp;endorsers=2#endorsements"' in html
    assert "page=" not in html


def test_the_navigation_is_named_result_pages_unless_told_otherwise():
    assert NAV.search(links(agenda_pages(1)))[1] == "Result pages"


def test_a_listing_of_one_page_has_no_pagination():
    assert links(Paginator(range(5), 10).page(1)).strip() == ""


def assert_numbered(html, next_address):
    nav = NAV.search(html)
    assert nav, "the listing has a pagination"
    assert 'aria-current="page">1</a>' in nav[2]
    assert f'rel="next" href="{next_address}"' in nav[2]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("module", "size_name", "key", "language", "path", "query", "next_address"),
    [
        (agenda_views, "PAGE_SIZE", "agenda", "en", "", "", "?page=2"),
        (agenda_views, "PAGE_SIZE", "agenda", "en", "archive/", "", "?page=2"),
        (hubs, "HUB_PAGE_SIZE", "hub-visitors", "fr", "", "", "?page=2"),
        (exhibitions, "EXHIBITIONS_PER_PAGE", "exhibitions", "fr", "", "?age=8", None),
        (school_views, "PAGE_SIZE", "school-activities", "fr", "", "", "?page=2"),
    ],
)
def test_every_listing_is_numbered(
    client, monkeypatch, module, size_name, key, language, path, query, next_address
):
    monkeypatch.setattr(module, size_name, 1)
    html = client.get(demo_page(key, language).url + path + query).content.decode()
    assert_numbered(html, next_address or f"{query}&amp;page=2")


@pytest.mark.django_db
def test_search_results_are_numbered_and_keep_the_search(client, monkeypatch):
    monkeypatch.setattr(core_views, "RESULTS_PER_PAGE", 1)
    html = client.get("/fr/recherche/", {"q": "science"}).content.decode()
    assert_numbered(html, "?q=science&amp;page=2")
