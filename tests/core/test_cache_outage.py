"""With Redis down, the site answers without its cache instead of failing.

Redis only holds what can be computed again (docs/self-hosting.md), so an outage costs
speed, never pages: every cache operation reports a miss and the outage is logged under
``csti_cms.redis``. Nothing listens on the port used here, so every operation fails.
How long an outage costs is in test_redis_breaker.
"""

import pytest
from django.test import override_settings

from csti_cms.core import checks
from csti_cms.core.caching import cached, generation
from csti_cms.schools.models import BookingRequest
from csti_cms.settings.base import _caches
from tests.conftest import demo_page
from tests.core.conftest import UNREACHABLE_REDIS, redis_errors
from tests.helpers import run_manage
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db


def assert_logged_redis_failure(log):
    records = redis_errors(log)
    assert records, "a cache operation Redis could not serve was not logged"
    # The cause on the line, without a traceback.
    assert "Redis cannot be reached or used (ConnectionError: " in records[0].getMessage()
    assert "Connection refused" in records[0].getMessage()
    assert records[0].exc_info is None
    # Once for the outage, not once for each of the operations that met it.
    assert len(records) == 1, [record.getMessage() for record in records]


def test_public_pages_answer_and_the_outage_is_logged(client, redis_down, redis_log):
    for key in ("home", "about", "agenda"):
        response = client.get(demo_page(key, "fr").url)
        assert response.status_code == 200, key
    assert_logged_redis_failure(redis_log)


def test_the_admin_login_page_and_signing_in_work(client, admin_user, redis_down, redis_log):
    assert client.get("/admin/login/").status_code == 200
    credentials = {"username": admin_user.username, "password": "password"}
    response = client.post("/admin/login/", credentials)
    assert response.status_code == 302
    # The session is in the database, so the editor stays signed in.
    assert client.get("/admin/").status_code == 200
    assert_logged_redis_failure(redis_log)


def test_sessions_do_not_live_in_the_cache(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_the_sitemap_answers(client, redis_down, redis_log):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert demo_page("about", "en").url in response.content.decode()
    assert_logged_redis_failure(redis_log)


def test_a_teacher_can_still_send_a_booking_request(client, redis_down, redis_log):
    activity = demo_page("activity-colour-chemistry", "fr")
    assert client.get(booking_url(activity)).status_code == 200
    response = client.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 302
    assert BookingRequest.objects.count() == 1
    assert_logged_redis_failure(redis_log)


def test_without_a_cache_nothing_is_cached_and_redis_is_left_alone_a_while(redis_down, redis_log):
    computed = []
    for _ in range(3):
        assert cached("centre", lambda: computed.append(1) or "Curiosa") == "Curiosa"
    assert computed == [1, 1, 1]
    assert generation() is None
    # The first read of the generation met the outage; what it costs is in test_redis_breaker.
    assert_logged_redis_failure(redis_log)


def test_the_system_check_warns_when_redis_cannot_be_reached(redis_down):
    warnings = checks.check_redis(app_configs=None)
    assert [warning.id for warning in warnings] == ["csti_core.W001"]
    assert "REDIS_URL" in warnings[0].msg


def test_manage_py_check_warns_and_still_passes_when_redis_is_down():
    result = run_manage("check", REDIS_URL=UNREACHABLE_REDIS)
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "(csti_core.W001) Redis at redis://127.0.0.1:6390/9 (REDIS_URL)" in output


@override_settings(CACHES=_caches("redis://127.0.0.1:6379/9", "test"))
def test_the_system_check_is_quiet_when_redis_answers():
    assert checks.check_redis(app_configs=None) == []


def test_the_system_check_is_quiet_without_redis():
    assert checks.check_redis(app_configs=None) == []
