"""Configuration comes from the environment, and production refuses unsafe set-ups."""

import re
import secrets

import pytest
from django.core.exceptions import ImproperlyConfigured

from csti_cms.plugins.discovery import check_excluded_plugins_exist
from csti_cms.settings.env import (
    env_bool,
    env_database,
    env_hosts,
    env_list,
    env_log_level,
    env_web_address,
)
from tests.helpers import run_manage

SECRET = secrets.token_urlsafe(64)


def test_env_readers(monkeypatch):
    monkeypatch.setenv("CSTI_FLAG", "yes")
    monkeypatch.setenv("CSTI_HOSTS", " a.example, b.example ,")
    assert env_bool("CSTI_FLAG") is True
    assert env_list("CSTI_HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("CSTI_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="CSTI_FLAG"):
        env_bool("CSTI_FLAG")


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "sites.demo.settings.production",
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "www.curiosa.example",
}

#: What an install that sends mail sets, as the self-hosting guide's example does.
MAIL = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DEFAULT_FROM_EMAIL": "web@curiosa.example",
    "WAGTAILADMIN_BASE_URL": "https://www.curiosa.example",
}


def deploy_warnings(**env):
    result = run_manage("check", "--deploy", **PRODUCTION, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return set(re.findall(r"\(([a-z_.]+\.W\d+)\)", result.stdout + result.stderr))


def test_production_settings_pass_the_deployment_checklist():
    # Only HSTS for subdomains and preloading are left to the operator: they are hard to undo.
    assert deploy_warnings(**MAIL) <= {"security.W005", "security.W021"}


def test_the_deployment_checklist_names_mail_that_would_reach_nobody():
    warnings = deploy_warnings()
    assert {"csti_core.W006", "csti_core.W007", "csti_core.W008"} <= warnings


def test_hsts_covers_subdomains_only_when_asked():
    code = "from django.conf import settings as s; print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    result = run_manage("shell", "-c", code, **PRODUCTION)
    assert result.stdout.split()[-1] == "False", result.stderr
    result = run_manage("shell", "-c", code, SECURE_HSTS_INCLUDE_SUBDOMAINS="1", **PRODUCTION)
    assert result.stdout.split()[-1] == "True", result.stderr


@pytest.mark.parametrize(
    "address",
    ["www.curiosa.example", "ftp://www.curiosa.example", "https://www.curiosa.example/admin/"],
)
def test_production_refuses_an_admin_address_that_is_no_site_address(address):
    result = run_manage("check", WAGTAILADMIN_BASE_URL=address, **PRODUCTION)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert f"WAGTAILADMIN_BASE_URL={address!r}" in last_line


@pytest.mark.parametrize(
    "address",
    ["https://www.curiosa.example/", "http://127.0.0.1:8000", "https://[::1]:8443"],
)
def test_a_site_address_is_read_without_its_final_slash(monkeypatch, address):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", address)
    assert env_web_address("WAGTAILADMIN_BASE_URL") == address.rstrip("/")


@pytest.mark.parametrize(
    "address",
    [
        "www.curiosa.example",
        "https://www.curiosa.example:port",
        "https://web:secret@www.curiosa.example",
        "https://www.curiosa.example/?lang=fr",
        "https://",
    ],
)
def test_an_address_links_cannot_be_built_on_is_refused(monkeypatch, address):
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", address)
    with pytest.raises(ImproperlyConfigured, match="WAGTAILADMIN_BASE_URL"):
        env_web_address("WAGTAILADMIN_BASE_URL")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "www.curiosa.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": SECRET, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_secret_or_hosts(env, message):
    env = {"SECRET_KEY": "", **env}
    result = run_manage("check", DJANGO_SETTINGS_MODULE="sites.demo.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_database_and_cache_come_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'])"
    )
    result = run_manage(
        "shell",
        "-c",
        code,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/csti_example",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql django_redis.cache.RedisCache" in result.stdout


def test_production_layer_comes_after_the_sites_own_settings():
    code = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.STORAGES['staticfiles']['BACKEND'], s.CSTI_PAGE_CACHE_SECONDS)"
    )
    production = {
        "DJANGO_SETTINGS_MODULE": "sites.demo.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "www.curiosa.example",
    }
    result = run_manage("shell", "-c", code, DEBUG="1", **production)
    assert result.returncode == 0, result.stderr
    assert "False whitenoise.storage.CompressedManifestStaticFilesStorage 60" in result.stdout
    result = run_manage("shell", "-c", code, CSTI_PAGE_CACHE_SECONDS="0", **production)
    assert result.stdout.split()[-1] == "0", "the operator can turn the page cache off"


def test_static_files_collect_with_the_production_storage(tmp_path):
    """The manifest storage follows every reference in the shipped CSS and JavaScript (source
    maps included) and refuses to collect when one is missing: a deployment would stop there."""
    result = run_manage(
        "collectstatic",
        "--no-input",
        DJANGO_SETTINGS_MODULE="sites.demo.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="www.curiosa.example",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "staticfiles.json").exists()


@pytest.mark.parametrize(
    ("raw", "level"), [("debug", "DEBUG"), (" Warning ", "WARNING"), ("", "INFO")]
)
def test_the_log_level_is_read_in_any_case(monkeypatch, raw, level):
    monkeypatch.setenv("CSTI_LOG_LEVEL", raw)
    assert env_log_level("CSTI_LOG_LEVEL", "INFO") == level


def test_an_unknown_log_level_is_refused_with_the_allowed_ones(monkeypatch):
    monkeypatch.setenv("CSTI_LOG_LEVEL", "verbose")
    with pytest.raises(ImproperlyConfigured, match="CSTI_LOG_LEVEL") as refused:
        env_log_level("CSTI_LOG_LEVEL", "INFO")
    assert "DEBUG, INFO, WARNING, ERROR" in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "csti@localhost/csti",
        "postgres://csti:s3cr#t@127.0.0.1:5432/csti",
        "postgres://csti:s3cr/t@127.0.0.1:5432/csti",
        "postgres://csti:1234#5@127.0.0.1:5432/csti",
        "postgres://csti:s3cret@127.0.0.1:5432/",
    ],
)
def test_a_database_url_that_cannot_be_understood_is_explained(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured) as refused:
        env_database("DATABASE_URL", "sqlite:///unused.sqlite3")
    message = str(refused.value)
    assert "DATABASE_URL" in message
    assert "postgres://user:password@host:5432/name" in message
    assert "percent-encoded" in message
    assert "s3cr" not in message and "1234" not in message, "never the password"


def test_a_percent_encoded_password_is_read_back(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://csti:s3cr%23t@127.0.0.1:5432/csti")
    database = env_database("DATABASE_URL", "sqlite:///unused.sqlite3", conn_max_age=60)
    assert database["PASSWORD"] == "s3cr#t"
    assert (database["NAME"], database["CONN_MAX_AGE"]) == ("csti", 60)
    monkeypatch.delenv("DATABASE_URL")
    assert env_database("DATABASE_URL", "sqlite:///csti.sqlite3")["NAME"] == "csti.sqlite3"


@pytest.mark.parametrize(
    "hosts",
    ["https://www.example-centre.org/", "www.example-centre.org/", "a.example,http://b.example"],
)
def test_allowed_hosts_are_host_names_not_addresses(monkeypatch, hosts):
    monkeypatch.setenv("ALLOWED_HOSTS", hosts)
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS"):
        env_hosts("ALLOWED_HOSTS")


def test_allowed_hosts_keep_every_form_django_accepts(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", "www.example-centre.org,.example-centre.org,[::1],*")
    hosts = env_hosts("ALLOWED_HOSTS")
    assert hosts == ["www.example-centre.org", ".example-centre.org", "[::1]", "*"]


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"CSTI_LOG_LEVEL": "verbose"}, ["CSTI_LOG_LEVEL"]),
        ({"DATABASE_URL": "csti@localhost/csti"}, ["DATABASE_URL"]),
        ({"ALLOWED_HOSTS": "https://www.example-centre.org/"}, ["ALLOWED_HOSTS"]),
        ({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, ["EMAIL_USE_TLS", "EMAIL_USE_SSL"]),
    ],
)
def test_an_invalid_value_stops_start_up_naming_the_variable(env, named):
    result = run_manage("check", **env)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured")
    assert all(name in last_line for name in named), last_line


def test_a_lower_case_log_level_starts():
    result = run_manage("check", CSTI_LOG_LEVEL="debug")
    assert result.returncode == 0, result.stderr


def test_excluding_a_plugin_that_does_not_exist_is_a_warning(settings):
    settings.CSTI_PLUGINS_EXCLUDE = ["declarations", "telescpoe"]
    warnings = check_excluded_plugins_exist()
    assert [warning.id for warning in warnings] == ["csti_plugins.W001"]
    assert "CSTI_PLUGINS_EXCLUDE" in warnings[0].msg and "'telescpoe'" in warnings[0].msg
    assert "declarations" in warnings[0].hint, "the hint lists the installed plugins"
    settings.CSTI_PLUGINS_EXCLUDE = ["declarations", "quiz"]
    assert check_excluded_plugins_exist() == []
    settings.CSTI_PLUGINS_EXCLUDE = "declarations, telescpoe"
    assert [warning.msg for warning in check_excluded_plugins_exist()] == [
        "CSTI_PLUGINS_EXCLUDE names 'telescpoe', which is not an installed plugin."
    ]


def test_the_plugin_exclusion_check_runs_with_the_system_checks():
    result = run_manage("check", CSTI_PLUGINS_EXCLUDE="telescpoe")
    assert result.returncode == 0, result.stderr
    assert "CSTI_PLUGINS_EXCLUDE names 'telescpoe'" in result.stdout + result.stderr


def test_the_demo_answers_any_localhost_name_for_a_second_centre():
    """Trying "Several centres on one install" on one machine needs a second host name."""
    code = "from django.conf import settings as s; print(s.ALLOWED_HOSTS)"
    result = run_manage("shell", "-c", code, DJANGO_SETTINGS_MODULE="sites.demo.settings.dev")
    assert result.returncode == 0, result.stderr
    assert "'.localhost'" in result.stdout


def test_the_agenda_s_window_comes_from_the_environment():
    """A centre with a two-year programme lists its repeating events further ahead."""
    code = "from csti_cms.agenda import recurrence as r;print(r.HORIZON.days, r.ARCHIVE.days)"
    result = run_manage(
        "shell", "-c", code, CSTI_AGENDA_HORIZON_DAYS="730", CSTI_AGENDA_ARCHIVE_DAYS="90"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "730 90"
