"""A big site's sitemap reads plain pages and finds each address once.

With thousands of pages in three languages, the sitemap took over a second and a half:
each page was built as its own type (an event with its dates, a form with its fields) for
its address and translation key, and the address of each language version was worked out
again for each of the others.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.conftest import demo_page
from tests.example_plugin.models import QuizPage

pytestmark = pytest.mark.django_db


def sitemap_queries(client):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries]


def test_the_sitemap_reads_no_page_as_its_own_type(client):
    xml, queries = sitemap_queries(client)

    assert demo_page("agenda", "nl").full_url in xml
    for table in ("csti_agenda_eventpage", "csti_core_contentpage", "csti_core_homepage"):
        assert not [sql for sql in queries if f'FROM "{table}"' in sql], table


def test_the_sitemap_works_out_each_page_s_address_once(client, monkeypatch):
    asked = []
    full_url = Page.get_full_url

    def counted(self, request=None):
        asked.append(self.pk)
        return full_url(self, request)

    monkeypatch.setattr(Page, "get_full_url", counted)
    xml, _queries = sitemap_queries(client)

    asked.clear()
    client.get("/sitemap.xml")
    assert xml.count("<url>") == len(asked) == len(set(asked))


def test_a_page_type_with_entries_of_its_own_keeps_them(client, monkeypatch, enable_plugin):
    """A routable page may list its routes in the sitemap, as Wagtail documents; reading
    plain pages must not lose them."""

    def with_results(self, request=None):
        entries = Page.get_sitemap_urls(self, request)
        return [*entries, {"location": f"{entries[0]['location']}{self.question}/"}]

    monkeypatch.setattr(QuizPage, "get_sitemap_urls", with_results, raising=False)
    home = demo_page("home", "fr")
    enable_plugin("quiz", home.get_site())
    quiz = home.add_child(instance=QuizPage(title="Quiz", slug="quiz", question="resultats"))
    quiz.save_revision().publish()

    xml, _queries = sitemap_queries(client)

    assert f"<loc>{quiz.full_url}</loc>" in xml
    assert f"<loc>{quiz.full_url}resultats/</loc>" in xml
