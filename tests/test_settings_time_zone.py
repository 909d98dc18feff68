"""The centre's time zone comes from TIME_ZONE, and a mistaken one is explained at start-up."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from csti_cms.settings.env import env_time_zone
from tests.helpers import run_manage


@pytest.mark.parametrize(
    ("raw", "meant"),
    [
        ("Paris", "Europe/Paris"),
        ("europe/brussels", "Europe/Brussels"),
        ("Europe/Brussel", "Europe/Brussels"),
        ("America/New York", "America/New_York"),
    ],
)
def test_a_mistaken_time_zone_is_refused_with_the_one_meant(monkeypatch, raw, meant):
    monkeypatch.setenv("TIME_ZONE", raw)
    with pytest.raises(ImproperlyConfigured, match="TIME_ZONE") as refused:
        env_time_zone("TIME_ZONE", "Europe/Brussels")
    assert f"did you mean {meant}?" in str(refused.value)


def test_a_time_zone_like_no_other_is_refused_with_an_example(monkeypatch):
    monkeypatch.setenv("TIME_ZONE", "Xyzzy")
    with pytest.raises(ImproperlyConfigured, match="such as Europe/Brussels") as refused:
        env_time_zone("TIME_ZONE", "Europe/Brussels")
    assert "did you mean" not in str(refused.value)


@pytest.mark.parametrize(
    ("raw", "zone"), [("Europe/Paris", "Europe/Paris"), (" UTC ", "UTC"), ("", "Europe/Brussels")]
)
def test_a_time_zone_of_the_database_is_kept(monkeypatch, raw, zone):
    monkeypatch.setenv("TIME_ZONE", raw)
    assert env_time_zone("TIME_ZONE", "Europe/Brussels") == zone


def test_a_city_alone_stops_start_up_naming_the_variable():
    result = run_manage("check", TIME_ZONE="Paris")
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("django.core.exceptions.ImproperlyConfigured: TIME_ZONE=")
    assert "Europe/Paris" in last_line
