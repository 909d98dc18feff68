"""``--base-url`` and ``--path``: the gate checks the server it is pointed at, and can
check a few pages only.

A demo loaded for http://127.0.0.1:8000 (its Site record's address, from
WAGTAILADMIN_BASE_URL) and served on another port lists its pages on port 8000: the gate
must fetch them where the site answers, not at the sitemap's host.
"""

import pytest

from quality import crawl
from quality.__main__ import parse_arguments
from quality.gate import Gate
from quality.server import free_port

from . import site

CHECKS = ("status", "head", "structured-data", "links")


@pytest.fixture
def served_elsewhere():
    """``(base_url, address)``: the tiny site answering at ``base_url`` while its sitemap
    and pages name ``address``, where nothing answers."""
    address = f"http://127.0.0.1:{free_port()}"
    server = site.serve(address=address)
    yield f"http://127.0.0.1:{server.server_address[1]}", address
    server.shutdown()
    server.server_close()


def quiet(message):
    pass


def test_the_sitemaps_pages_are_fetched_at_the_base_url(served_elsewhere):
    base_url, address = served_elsewhere
    gate = Gate(base_url, checks=CHECKS, log=quiet)

    problems = gate.run()

    assert len(gate.pages) == len(site.PAGES)
    assert [p for p in problems if "did not answer" in p.message] == []
    assert {p.page for p in problems} == {f"{address}/fr/abime/", f"{address}/fr/sans-langue/"}
    assert any("/fr/disparue/ answers 404" in p.message for p in problems), problems


def test_only_the_given_paths_are_checked(served_elsewhere):
    base_url, address = served_elsewhere
    gate = Gate(base_url, checks=CHECKS, log=quiet, paths=["/fr/", "en/"])

    problems = gate.run()

    assert [page.url for page in gate.pages] == [f"{address}/fr/", f"{address}/en/"]
    assert problems == []


def test_a_path_the_sitemap_does_not_list_is_a_problem(served_elsewhere):
    base_url, _address = served_elsewhere
    gate = Gate(base_url, checks=CHECKS, log=quiet, paths=["/fr/", "/fr/planetarium/"])

    problems = gate.run()

    assert [(p.page, p.message) for p in problems] == [
        (f"{base_url}/fr/planetarium/", "not a page of the sitemap")
    ]


def test_a_sitemap_index_is_followed_at_the_base_url():
    index = (
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>http://127.0.0.1:8000/sitemap-1.xml</loc></sitemap></sitemapindex>"
    )
    pages = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://127.0.0.1:8000/fr/</loc></url></urlset>"
    )
    asked = []

    def get(url):
        asked.append(url)
        return index if url.endswith("/sitemap.xml") else pages

    found = crawl.read_sitemap("http://127.0.0.1:8313", get)

    assert asked == ["http://127.0.0.1:8313/sitemap.xml", "http://127.0.0.1:8313/sitemap-1.xml"]
    assert [page.url for page in found] == ["http://127.0.0.1:8000/fr/"]


def test_paths_are_given_one_option_each():
    arguments = parse_arguments(["--path", "/fr/", "--path", "/nl/agenda/"])

    assert arguments.path == ["/fr/", "/nl/agenda/"]
