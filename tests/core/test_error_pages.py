"""Error pages as visitors get them in production: branded, in the language of the address.

A missing page answers the centre's own 404 page; a failure answers a minimal 500 page that
reads neither the database nor the cache; a bad host and a refused form answer minimal pages
too. The URLs are the distribution's with its error handlers (``tests/core/error_urls.py``
adds views that fail).
"""

import logging
import re
import sqlite3
from html.parser import HTMLParser

import pytest
from django.core.cache import CacheHandler
from django.db import OperationalError, ProgrammingError, connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from csti_cms.core import errors, navigation
from csti_cms.core.models import ContentPage
from csti_cms.plugins.testing import get_page
from tests.conftest import LANGUAGES
from tests.core.helpers import (
    fresh_outage_warnings,
    records_of,
    refuse_connection,
    with_site_records,
)
from tests.core.outages import stop_outage_clocks
from tests.example_plugin.models import QuizPage

pytestmark = pytest.mark.django_db

#: The most queries the 404 page may take, caches warm (the routing that found nothing,
#: Wagtail's redirects, the homes of the language switcher).
NOT_FOUND_QUERY_BOUND = 5

BRAND = "Curiosa"


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.core.error_urls"


class Outline(HTMLParser):
    """What the checks read of a page: language, head, landmarks, headings, ids, links."""

    LANDMARKS = {"header", "nav", "main", "footer"}

    def __init__(self, html):
        super().__init__()
        self.lang = None
        self.title = ""
        self.robots = None
        self.alternates = []
        self.landmarks = []
        self.headings = []
        self.ids = []
        self.main_links = []
        self.main_forms = []
        self._in = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "meta" and attrs.get("name") == "robots":
            self.robots = attrs.get("content")
        if tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append(attrs.get("hreflang"))
        if tag in self.LANDMARKS:
            self.landmarks.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "main" in self._in and tag == "a":
            self.main_links.append(attrs.get("href"))
        if "main" in self._in and tag == "form":
            self.main_forms.append(attrs.get("action"))
        if tag in {"title", "main"}:
            self._in.add(tag)

    def handle_endtag(self, tag):
        self._in.discard(tag)

    def handle_data(self, data):
        if "title" in self._in:
            self.title += data


def outline(response):
    return Outline(response.content.decode())


def assert_well_formed_error_page(page, language):
    assert page.lang == language
    assert page.title.strip()
    assert page.robots == "noindex"
    assert page.alternates == [], "an error page has no language versions to announce"
    assert page.headings[:1] == [1] and page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))
    assert page.landmarks.count("main") == 1
    assert len(page.ids) == len(set(page.ids)), "ids are unique"


# --- 404 -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_answers_the_branded_404_in_the_language_of_its_address(client, language):
    response = client.get(f"/{language}/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    page = outline(response)
    assert_well_formed_error_page(page, language)
    assert {"header", "nav", "main", "footer"} <= set(page.landmarks)
    assert BRAND in page.title and BRAND in html
    assert f"/{language}/" in page.main_links, "a link to the home page in this language"
    with translation.override(language):
        assert page.main_forms == [reverse("search")], "the search, spelled in this language"
    assert 'role="search"' in html  # the header's search form too
    if language == "en":
        assert "Page not found" in page.title


def test_the_404_language_switcher_leads_to_each_languages_home(client):
    html = client.get("/nl/bestaat-niet/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    assert 'href="/fr/"' in switcher and 'href="/en/"' in switcher
    assert "bestaat-niet" not in switcher, "the same address is missing in every language"
    assert '<span aria-current="true" lang="nl">' in switcher


def test_a_page_not_translated_into_a_language_answers_the_branded_404_there(client, home_fr):
    page = home_fr.add_child(
        instance=ContentPage(title="Seulement en français", slug="seulement-en-francais")
    )
    page.save_revision().publish()
    assert client.get("/fr/seulement-en-francais/").status_code == 200
    response = client.get("/nl/seulement-en-francais/")
    assert response.status_code == 404
    assert outline(response).lang == "nl"
    assert BRAND in response.content.decode()


def test_a_page_of_a_plugin_switched_off_answers_the_branded_404(
    client, site, enable_plugin, disable_plugin
):
    enable_plugin("quiz", site)
    quiz = site.root_page.specific.add_child(instance=QuizPage(title="Quiz", slug="quiz"))
    quiz.save_revision().publish()
    assert get_page(client, quiz, site).status_code == 200
    disable_plugin("quiz", site)
    response = get_page(client, quiz, site)
    assert response.status_code == 404
    page = outline(response)
    assert_well_formed_error_page(page, "fr")
    assert "Science centre" in page.title, "the brand of the site the address belongs to"
    assert "/fr/" in page.main_links


def test_a_plugin_url_switched_off_answers_the_branded_404(client, site):
    response = client.get("/nl/plugins/quiz/answers.json", HTTP_HOST=site.hostname)
    assert response.status_code == 404
    # The site publishes no Dutch home: its 404 speaks the site's own language.
    assert outline(response).lang == "fr"
    assert "Science centre" in outline(response).title


def test_the_404_stays_under_its_query_bound(client):
    client.get("/nl/bestaat-niet/")  # caches warm, as on a running site
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/nl/niet-gevonden/ook-niet/")
    assert response.status_code == 404
    assert len(queries) <= NOT_FOUND_QUERY_BOUND, [query["sql"] for query in queries]


def test_a_host_no_site_answers_to_gets_a_plain_404(client):
    Site.objects.update(is_default_site=False)
    response = client.get("/nl/bestaat-niet/", HTTP_HOST="nowhere.example")
    assert response.status_code == 404
    page = outline(response)
    assert_well_formed_error_page(page, "nl")
    assert page.landmarks == ["main"], "no brand to show"
    assert page.main_links == [], "no home to link to"


def test_a_404_page_that_cannot_be_rendered_falls_back_to_a_plain_404(client, monkeypatch):
    def broken(request):
        raise RuntimeError("a menu that cannot be read")

    monkeypatch.setattr(navigation, "main_menu", broken)
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    page = outline(response)
    assert page.lang == "nl"
    assert page.robots == "noindex"
    assert page.title.strip()
    assert page.headings == [1]


def test_the_404_page_is_branded_with_djangos_own_handler_too(client, settings):
    """A site whose URLconf does not name the distribution's handlers still gets 404.html."""
    settings.ROOT_URLCONF = "sites.demo.urls"
    response = client.get("/nl/bestaat-niet/")
    assert response.status_code == 404
    page = outline(response)
    assert page.lang == "nl"
    assert BRAND in page.title
    assert page.alternates == []


# --- 500 -------------------------------------------------------------------------------


def test_a_failing_view_answers_the_minimal_500_page_in_the_language_of_its_address(client):
    client.raise_request_exception = False
    response = client.get("/nl/failing/")
    assert response.status_code == 500
    page = outline(response)
    assert_well_formed_error_page(page, "nl")
    assert "Traceback" not in response.content.decode()
    assert page.landmarks == ["main"], "no header or footer: nothing read from the database"


def test_the_error_page_answers_503_when_the_database_is_down(client):
    """The site's list is read from the database before the language is chosen from the address:
    the page still speaks the language of the address. An outage is a 503 with Retry-After, so
    search engines come back later instead of dropping the page."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("the database is down")

    client.raise_request_exception = False
    with connection.execute_wrapper(refuse):
        response = client.get("/nl/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    assert outline(response).lang == "nl"
    assert outline(response).headings == [1]


@pytest.fixture
def outage_warnings(monkeypatch):
    return fresh_outage_warnings(monkeypatch)


def test_a_database_outage_is_logged_on_one_warning_line_a_minute(client, caplog, outage_warnings):
    """Django logged each of these 503s as an error with a traceback of a hundred lines, the
    cause buried in it: one line naming the cause is what an operator reads in an outage."""
    client.raise_request_exception = False
    with with_site_records(caplog), connection.execute_wrapper(refuse_connection):
        statuses = {client.get(address).status_code for address in ["/nl/", "/fr/", "/en/"] * 5}
    assert statuses == {503}
    assert records_of(caplog, "django.request") == []
    assert [record.name for record in caplog.records] == ["csti_cms.core.database_outage"]
    [warning] = records_of(caplog, "csti_cms")
    assert warning.levelno == logging.WARNING
    assert warning.exc_info is None
    assert "\n" not in warning.getMessage()
    assert warning.getMessage().startswith(
        "The database cannot be reached (builtins.ConnectionRefusedError: "
        "connection failed: Connection refused): requests answer 503"
    )


def test_the_outage_is_logged_again_once_the_interval_is_over(
    client, caplog, outage_warnings, monkeypatch
):
    clock = stop_outage_clocks(monkeypatch)
    client.raise_request_exception = False
    with with_site_records(caplog), connection.execute_wrapper(refuse_connection):
        client.get("/nl/")
        client.get("/fr/")
        clock.advance(outage_warnings.interval)
        client.get("/nl/")
    assert len(records_of(caplog, "csti_cms.core.database_outage")) == 2


def test_other_server_errors_keep_their_traceback(client, caplog, outage_warnings):
    client.raise_request_exception = False
    with with_site_records(caplog):
        assert client.get("/nl/failing/").status_code == 500
    [error] = records_of(caplog, "django.request")
    assert error.levelno == logging.ERROR
    assert isinstance(error.exc_info[1], RuntimeError)
    assert records_of(caplog, "csti_cms") == []


def test_an_error_in_a_query_stays_a_500(client):
    """Only a lost or refused connection is an outage; a broken query is a bug to fix."""

    def broken(execute, sql, params, many, context):
        raise ProgrammingError("no such column")

    client.raise_request_exception = False
    with connection.execute_wrapper(broken):
        response = client.get("/nl/")
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_the_500_page_reads_neither_the_database_nor_the_cache(
    monkeypatch, django_assert_num_queries
):
    def no_cache(self, alias):
        raise AssertionError("the 500 page read the cache")

    monkeypatch.setattr(CacheHandler, "__getitem__", no_cache)
    request = RequestFactory().get("/en/anything/")
    with django_assert_num_queries(0), translation.override("fr"):
        response = errors.server_error(request)
    assert response.status_code == 500
    page = outline(response)
    assert page.lang == "en"
    assert "Sorry, something went wrong" in page.title


def test_the_500_page_keeps_the_active_language_for_an_address_without_one():
    request = RequestFactory().get("/admin/")
    with translation.override("nl"):
        response = errors.server_error(request)
    assert outline(response).lang == "nl"


def test_the_500_page_falls_back_to_a_plain_page_when_its_template_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("templates cannot be read")

    monkeypatch.setattr(errors.loader, "render_to_string", broken)
    response = errors.server_error(RequestFactory().get("/nl/failing/"))
    assert response.status_code == 500
    page = outline(response)
    assert page.lang == "nl"
    assert page.headings == [1]


# --- 400, 403 --------------------------------------------------------------------------


def test_an_unknown_host_gets_the_minimal_400_page(client, settings):
    settings.ALLOWED_HOSTS = ["curiosa.example"]
    response = client.get("/nl/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    page = outline(response)
    assert_well_formed_error_page(page, "nl")
    html = response.content.decode()
    assert "Traceback" not in html and "evil.example" not in html
    assert page.landmarks == ["main"]


def test_the_400_page_reads_nothing_from_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = errors.bad_request(RequestFactory().get("/fr/"), exception=None)
    assert response.status_code == 400
    assert outline(response).lang == "fr"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_forbidden_page_answers_the_minimal_403_page(client, language):
    response = client.get(f"/{language}/forbidden/")
    assert response.status_code == 403
    page = outline(response)
    assert_well_formed_error_page(page, language)
    if language == "en":
        assert page.title == "Access denied"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_sent_without_its_security_token_answers_the_minimal_csrf_page(language):
    """Django's own CSRF failure view renders ``403_csrf.html``, in the language of the address."""
    response = Client(enforce_csrf_checks=True).post(f"/{language}/", {"q": "robots"})
    assert response.status_code == 403
    page = outline(response)
    assert_well_formed_error_page(page, language)
    if language == "en":
        assert page.title == "Your form could not be sent"


class QueryCanceled(Exception):
    """What psycopg raises for a statement timeout: a SQLSTATE of its own."""

    sqlstate = "57014"


def failing_query(cause):
    """A database wrapper raising Django's ``OperationalError`` with the adapter's ``cause``."""

    def execute(execute, sql, params, many, context):
        raise OperationalError(str(cause)) from cause

    return execute


def sqlite_error(message, code):
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize(
    "cause",
    [
        QueryCanceled("canceling statement due to statement timeout"),
        sqlite_error("no such table: x", 1),
    ],
    ids=["statement timeout", "missing table"],
)
def test_a_failed_query_is_a_500_with_its_traceback_not_an_outage(client, caplog, cause):
    """Only a lost connection is an outage: a query's own failure is a bug or overload, which
    the operator must see in full."""
    client.raise_request_exception = False
    with connection.execute_wrapper(failing_query(cause)):
        response = client.get("/nl/")
    assert response.status_code == 500
    logged = [r for r in caplog.records if r.name == "django.request"]
    assert logged and all(r.levelname == "ERROR" and r.exc_info for r in logged)
    assert not [r for r in caplog.records if r.name == "csti_cms.core.database_outage"]


@pytest.mark.parametrize(
    "cause",
    [ConnectionRefusedError("connection failed"), sqlite_error("unable to open database file", 14)],
    ids=["refused", "cannot open"],
)
def test_a_lost_connection_is_an_outage(client, cause):
    client.raise_request_exception = False
    with connection.execute_wrapper(failing_query(cause)):
        response = client.get("/nl/")
    assert response.status_code == 503
