"""The Elasticsearch setting, as operators meet it: at start-up and in the log.

An address that cannot be one stops start-up with a message naming it: the
Elasticsearch client would take it and fail later, inside ``check`` or ``migrate``, with
a ``TypeError`` that names neither the variable nor the cause. A server that does not
answer costs one line in the log per failed search, not the client's own tracebacks.
"""

import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from csti_cms.core import checks, search_server
from csti_cms.settings.env import env_search_url
from tests.helpers import run_manage

NOT_ADDRESSES = ["127.0.0.1:9200", "localhost:9200", "not a url", "http://", "http://search:port"]


@pytest.mark.parametrize("url", NOT_ADDRESSES)
def test_an_address_without_scheme_or_host_is_refused_with_an_example(monkeypatch, url):
    monkeypatch.setenv("ELASTICSEARCH_URL", url)
    with pytest.raises(ImproperlyConfigured, match="ELASTICSEARCH_URL") as refused:
        env_search_url("ELASTICSEARCH_URL")
    assert "http://127.0.0.1:9200" in str(refused.value)


def test_the_message_never_repeats_the_password(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "elastic:s3cret-word@search.example:9243")
    with pytest.raises(ImproperlyConfigured) as refused:
        env_search_url("ELASTICSEARCH_URL")
    assert "s3cret-word" not in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9200",
        "https://elastic:s3cret@search.example-centre.org:9243",
        "http://[::1]:9200/",
        "http://search",
    ],
)
def test_a_search_server_address_is_kept_as_written(monkeypatch, url):
    monkeypatch.setenv("ELASTICSEARCH_URL", url)
    assert env_search_url("ELASTICSEARCH_URL") == url


def test_no_address_means_database_search(monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    assert env_search_url("ELASTICSEARCH_URL") == ""


@pytest.mark.parametrize("url", ["127.0.0.1:9200", "not a url"])
def test_manage_py_stops_naming_the_variable_instead_of_a_type_error(url):
    result = run_manage("check", ELASTICSEARCH_URL=url)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert "ELASTICSEARCH_URL" in last_line
    assert "TypeError" not in result.stderr


@pytest.mark.parametrize("url", ["127.0.0.1:9200", "http://search:port"])
def test_the_system_check_warns_about_an_address_the_client_cannot_read(url):
    """A site's own search settings are not read through the environment's checks."""
    backend = {"BACKEND": "wagtail.search.backends.elasticsearch8", "URLS": [url]}
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        warnings = checks.check_search_server(app_configs=None)
    assert [warning.id for warning in warnings] == ["csti_core.W003"]
    assert "ELASTICSEARCH_URL" in warnings[0].msg


@pytest.mark.django_db
def test_a_failed_search_logs_one_line_not_the_clients_retries(client, caplog, monkeypatch):
    """As production sets the client up: one retry, which the client logs by default."""
    monkeypatch.setattr(search_server, "_outages", {})  # no pause left by another test
    backend = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://127.0.0.1:9299"],
        "INDEX_PREFIX": "csti_outage_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
    }
    site_logger = logging.getLogger("csti_cms")
    site_logger.addHandler(caplog.handler)
    try:
        with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
            response = client.get("/en/search/", {"q": "centre"})
    finally:
        site_logger.removeHandler(caplog.handler)
    assert response.status_code == 503
    # django.request adds its own line for every 503, without traceback.
    logged = [record.name for record in caplog.records if record.name != "django.request"]
    assert logged == ["csti_cms.core.search_server"]
