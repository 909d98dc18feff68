"""``/health/``, what load balancers and monitoring ask: can the site serve its pages?

The database answering is required (503 without it); the cache answering is not, as the
site keeps serving without Redis (200, "degraded").
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from django.db import connection
from django.test import override_settings

from csti_cms.settings.base import _caches
from tests.core.helpers import (
    fresh_outage_warnings,
    records_of,
    refuse_connection,
    with_site_records,
)
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db

#: Redis of the tests, on the database kept for this module's probes.
ANSWERING_REDIS = "redis://127.0.0.1:6379/13"


def test_the_site_is_healthy_when_database_and_cache_answer(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_the_answer_is_never_cached_and_opens_no_session(client):
    response = client.get("/health/")
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_address_carries_no_language(client):
    """A probe without cookie nor Accept-Language is answered, not redirected to /fr/."""
    response = client.get("/health/", HTTP_ACCEPT_LANGUAGE="")
    assert response.status_code == 200
    assert client.get("/fr/health/").status_code == 404


@override_settings(CACHES=_caches(ANSWERING_REDIS, "csti-health-test"))
def test_a_cache_on_redis_that_answers_is_healthy(client):
    assert client.get("/health/").json()["cache"] == "ok"


def test_without_redis_the_site_is_degraded_but_kept_in_service(client, redis_down):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_probes_during_an_outage_log_one_warning_and_no_error(client, caplog, monkeypatch):
    """Monitoring asks every few seconds: its 503 says the database is down in its body, so
    Django does not log an error for each probe; the cause is logged, once a minute."""
    fresh_outage_warnings(monkeypatch)
    with with_site_records(caplog), connection.execute_wrapper(refuse_connection):
        responses = [client.get("/health/") for _ in range(5)]
    assert {response.status_code for response in responses} == {503}
    assert responses[0].json()["database"] == "unavailable"
    assert records_of(caplog, "django.request") == []
    assert [record.name for record in caplog.records] == ["csti_cms.core.database_outage"]
    [warning] = records_of(caplog, "csti_cms")
    assert "(builtins.ConnectionRefusedError: connection failed" in warning.getMessage()
    assert warning.exc_info is None


PROBE_WITHOUT_DATABASE = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.test import Client, RequestFactory
    from csti_cms.core.health import health
    answer = health(RequestFactory().get("/health/"))
    site = Client(raise_request_exception=False).get("/health/")
    print(json.dumps([answer.status_code, json.loads(answer.content), site.status_code]))
    """
)


def test_without_its_database_the_site_is_unavailable(tmp_path):
    """A process whose database cannot be opened: a file in a folder that does not exist.

    The test database stays untouched; the probe runs in a process of its own.
    """
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sites.demo.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'missing' / 'csti.sqlite3'}",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE_WITHOUT_DATABASE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    view_status, body, site_status = json.loads(result.stdout.strip().splitlines()[-1])
    assert view_status == 503
    assert body == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    # Through the whole site too: the check answers before any middleware reads the database.
    assert site_status == 503
