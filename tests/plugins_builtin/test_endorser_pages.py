"""A declaration lists its endorsers a hundred at a time, in alphabetical order."""

import re
from html import unescape

import pytest

from csti_cms.plugins.testing import get_page

from .helpers import count_queries, make_declaration, make_declaration_index, make_endorsement

pytestmark = pytest.mark.django_db

ENDORSERS = re.compile(r'<ul class="endorsements__list">(.*?)</ul>', re.S)
PAGES = re.compile(r'<nav class="pagination" aria-label="[^"]+">(.*?)</nav>', re.S)


@pytest.fixture
def declaration(site, enable_plugin):
    enable_plugin("declarations", site)
    return make_declaration(make_declaration_index(site.root_page))


def endorse_many(declaration, count, start=0):
    for number in range(start, start + count):
        make_endorsement(declaration, f"Science Centre {number:03d}")


def visit(client, declaration, site, query=""):
    url = declaration.get_url_parts()[2] + query
    response = client.get(url, HTTP_HOST=site.hostname)
    assert response.status_code == 200, url
    return response.content.decode()


def listed(html):
    return re.findall(r"Science Centre \d{3}|\w+ Lab", ENDORSERS.search(html)[1])


def pagination(html):
    found = PAGES.search(html)
    return unescape(found[1]) if found else ""


def test_a_hundred_endorsers_a_page_and_a_link_to_the_rest(client, site, declaration):
    endorse_many(declaration, 150)
    first = visit(client, declaration, site)
    assert listed(first) == [f"Science Centre {number:03d}" for number in range(100)]
    assert "150 organisations soutiennent" in first, "the total, not the page's count"
    nav = pagination(first)
    assert 'href="?endorsers=2#endorsements"' in nav and 'rel="next"' in nav
    assert 'aria-current="page">1<' in nav

    second = visit(client, declaration, site, "?endorsers=2")
    assert listed(second) == [f"Science Centre {number:03d}" for number in range(100, 150)]
    assert "150 organisations soutiennent" in second
    assert 'aria-current="page">2<' in pagination(second)


def test_a_short_list_has_no_pagination(client, site, declaration):
    endorse_many(declaration, 3)
    html = visit(client, declaration, site)
    assert len(listed(html)) == 3
    assert pagination(html) == ""


# Not "page": Playwright's fixture of that name would make these tests browser tests.
@pytest.mark.parametrize(("query", "shown"), [("abc", 1), ("0", 2), ("-1", 2), ("99", 2), ("", 1)])
def test_any_page_number_answers_with_a_page_of_endorsers(client, site, declaration, query, shown):
    endorse_many(declaration, 150)
    html = visit(client, declaration, site, f"?endorsers={query}")
    assert f'aria-current="page">{shown}<' in pagination(html)
    assert len(listed(html)) == (100 if shown == 1 else 50)


def test_the_links_keep_the_pages_other_parameters(client, site, declaration):
    endorse_many(declaration, 150)
    nav = pagination(visit(client, declaration, site, "?utm_source=newsletter&endorsers=2"))
    assert 'href="?utm_source=newsletter&endorsers=1#endorsements"' in nav


def test_accented_names_are_sorted_as_readers_expect_across_pages(client, site, declaration):
    endorse_many(declaration, 98)
    for name in ("Zeta Lab", "Énergie Lab", "Espace Lab"):
        make_endorsement(declaration, name)
    first = listed(visit(client, declaration, site))
    assert first[:2] == ["Énergie Lab", "Espace Lab"], "É among the E, before the S"
    assert listed(visit(client, declaration, site, "?endorsers=2")) == ["Zeta Lab"]


def test_a_page_of_endorsers_costs_the_same_queries_with_few_or_many(client, site, declaration):
    endorse_many(declaration, 101)
    visit(client, declaration, site, "?endorsers=2")  # the site's caches, filled on first visits
    few, _response = count_queries(client, declaration, site, "?endorsers=2")
    endorse_many(declaration, 400, start=101)
    many, response = count_queries(client, declaration, site, "?endorsers=2")
    assert many == few
    assert len(listed(response.content.decode())) == 100
    assert "501 organisations" in get_page(client, declaration, site).content.decode()


def test_an_endorser_written_in_another_language_is_read_out_in_it(client, site, declaration):
    """Screen readers pronounce "Belgique" as French on the French page, not as Dutch."""
    make_endorsement(declaration, "Curieux Lab", country="Belgique", language="fr")
    make_endorsement(declaration, "Nieuwsgierig Lab", country="België", language="nl")
    html = ENDORSERS.search(visit(client, declaration, site))[1]
    assert re.search(r"<li>.*Curieux Lab.*\(Belgique\)", html)
    assert re.search(r'<li lang="nl">.*Nieuwsgierig Lab.*\(België\)', html)
