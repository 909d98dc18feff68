"""Pages tell browsers which features they may use: the video players' needs, nothing else.

A script slipped into a page (a compromised plugin, a rich-text bug) or a framed page
cannot ask visitors for their camera, microphone or location, whatever it tries.
"""

import pytest
from django.conf import settings

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

HEADER = "Permissions-Policy"


def directives(response):
    """``{feature: allowlist}`` of the response's Permissions-Policy."""
    value = response.headers[HEADER]
    return dict(part.strip().split("=", 1) for part in value.split(","))


def test_public_pages_forbid_the_features_the_site_never_uses(client):
    policy = directives(client.get("/fr/"))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert policy[feature] == "()", feature


def test_the_video_players_may_play_full_screen(client):
    policy = directives(client.get(demo_page("home", "en").url))
    players = " ".join(f'"{origin}"' for origin in settings.VIDEO_PLAYER_ORIGINS)
    for feature in ("autoplay", "fullscreen", "picture-in-picture", "encrypted-media"):
        assert policy[feature] == f"(self {players})", feature


def test_the_frames_the_policy_delegates_to_are_those_the_page_may_frame(client):
    """The two headers name the same players: a new provider is one setting, not two."""
    response = client.get("/fr/")
    frames = response.headers["Content-Security-Policy"].split("frame-src ")[1].split(";")[0]
    assert frames.split() == settings.VIDEO_PLAYER_ORIGINS


def test_pages_from_the_cache_and_the_admin_carry_it_too(client, settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    client.get("/fr/")
    assert "camera=()" in client.get("/fr/").headers[HEADER]
    assert "camera=()" in client.get("/admin/login/").headers[HEADER]
