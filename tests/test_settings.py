"""Configuration comes from the environment, and production refuses unsafe set-ups."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from csti_cms.settings.env import env_bool, env_list

ROOT = Path(__file__).resolve().parent.parent
SECRET = secrets.token_urlsafe(64)


def run_manage(*args, **env):
    environment = {**os.environ}
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_env_readers(monkeypatch):
    monkeypatch.setenv("CSTI_FLAG", "yes")
    monkeypatch.setenv("CSTI_HOSTS", " a.example, b.example ,")
    assert env_bool("CSTI_FLAG") is True
    assert env_list("CSTI_HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("CSTI_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="CSTI_FLAG"):
        env_bool("CSTI_FLAG")


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="sites.demo.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="www.curiosa.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Only HSTS preloading is left to the operator: it is hard to undo.
    warnings = set(re.findall(r"\(([a-z_.]+\.W\d+)\)", result.stdout + result.stderr))
    assert warnings <= {"security.W021"}


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
