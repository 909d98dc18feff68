"""With the Elasticsearch server down, the search page says so and the site keeps working.

Nothing listens on the port used here; the client neither retries nor waits, so every
request to it fails at once.
"""

import logging

import pytest
from django.test import override_settings

from csti_cms.core import checks, views
from tests.conftest import demo_page
from tests.helpers import run_manage

pytestmark = pytest.mark.django_db

UNREACHABLE_SEARCH_SERVER = "http://127.0.0.1:9299"
UNAVAILABLE = "Search is unavailable at the moment, please try again later."


@pytest.fixture
def search_down():
    """Site search on an Elasticsearch server that does not answer.

    Wagtail builds its search backend from the settings on each use, so no backend made
    with the database settings outlives this override.
    """
    backend = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [UNREACHABLE_SEARCH_SERVER],
        "INDEX_PREFIX": "csti_outage_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        yield


@pytest.fixture
def site_log(caplog):
    """Records of ``csti_cms``, which does not hand them on to the root logger."""
    logger = logging.getLogger("csti_cms")
    logger.addHandler(caplog.handler)
    yield caplog
    logger.removeHandler(caplog.handler)


def search_outage_records(log):
    return [
        record
        for record in log.records
        if record.name == "csti_cms.core.views" and record.levelno >= logging.ERROR
    ]


def test_a_search_answers_503_with_a_message_and_one_log_line(client, search_down, site_log):
    response = client.get("/en/search/", {"q": "centre"})
    assert response.status_code == 503
    html = response.content.decode()
    assert UNAVAILABLE in html
    # The rest of the page is there: the search form, filled in, and the site's header.
    assert 'name="q" value="centre"' in html
    assert demo_page("about", "en").url in html
    records = search_outage_records(site_log)
    assert len(records) == 1
    assert UNREACHABLE_SEARCH_SERVER in records[0].getMessage()


def test_the_french_search_page_answers_503_too(client, search_down):
    response = client.get("/fr/recherche/", {"q": "centre", "page": "2"})
    assert response.status_code == 503
    assert 'class="search-unavailable"' in response.content.decode()


def test_the_empty_search_page_and_other_pages_do_not_need_the_server(client, search_down):
    assert client.get("/fr/recherche/").status_code == 200
    assert client.get(demo_page("home", "fr").url).status_code == 200
    assert client.get("/sitemap.xml").status_code == 200


def test_other_errors_of_the_search_page_are_not_hidden(client, search_down, monkeypatch):
    def broken(request, root, query):
        raise TypeError("a programming error")

    monkeypatch.setattr(views, "find_pages", broken)
    with pytest.raises(TypeError):
        client.get("/en/search/", {"q": "centre"})


def test_editors_can_publish_while_the_server_is_down(search_down):
    about = demo_page("about", "en")
    about.title = "About the centre, reopened"
    about.save_revision().publish()
    about.refresh_from_db()
    assert about.title == "About the centre, reopened"


def test_the_system_check_warns_when_the_server_cannot_be_reached(search_down):
    warnings = checks.check_search_server(app_configs=None)
    assert [warning.id for warning in warnings] == ["csti_core.W002"]
    assert "ELASTICSEARCH_URL" in warnings[0].msg
    assert UNREACHABLE_SEARCH_SERVER in warnings[0].msg


def test_manage_py_check_warns_and_still_passes_when_the_server_is_down():
    result = run_manage("check", ELASTICSEARCH_URL=UNREACHABLE_SEARCH_SERVER)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert f"(csti_core.W002) Elasticsearch at {UNREACHABLE_SEARCH_SERVER}" in output


def test_the_system_check_is_quiet_with_the_database_backend():
    assert checks.check_search_server(app_configs=None) == []
