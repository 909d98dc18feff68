"""Every answer tells browsers where the site's scripts, styles, images and frames come from."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from csti_cms.core import content_security
from csti_cms.core.caching import TIMEOUT
from csti_cms.core.content_security import (
    HEADER,
    ContentSecurityPolicyMiddleware,
    map_tile_source,
    parse_policy,
    style_hash,
)
from csti_cms.core.models import BrandingSettings
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def directives(response):
    """``{directive: [sources]}`` of the response's policy."""
    policy = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def brand_style(response):
    """The text of the page's branding ``<style>`` element, as the browser hashes it."""
    return re.search(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL).group(1)


def test_a_public_page_allows_only_the_site_itself_for_scripts(client):
    response = client.get(demo_page("home", "fr").url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response[HEADER]


def test_the_branding_style_is_allowed_by_its_hash(client):
    response = client.get(demo_page("hub-visitors", "nl").url)
    assert style_hash(brand_style(response)) in directives(response)["style-src"]


def test_new_branding_colours_are_allowed_on_the_next_request(client):
    home = demo_page("home", "en").url
    before = client.get(home)
    branding = BrandingSettings.objects.get()
    branding.primary_colour = "#003366"
    branding.save()
    after = client.get(home)
    assert "#003366" in brand_style(after)
    assert style_hash(brand_style(after)) in directives(after)["style-src"]
    assert style_hash(brand_style(before)) not in directives(after)["style-src"]


def test_a_page_from_the_page_cache_has_the_policy(settings, client):
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    agenda = demo_page("agenda", "fr").url
    first = client.get(agenda)
    again = Client().get(agenda)
    assert again.content == first.content
    assert again[HEADER] == first[HEADER]
    assert style_hash(brand_style(again)) in directives(again)["style-src"]


def test_the_not_found_page_has_the_policy(client):
    response = client.get("/en/no-such-exhibition/")
    assert response.status_code == 404
    assert style_hash(brand_style(response)) in directives(response)["style-src"]


def test_the_map_tiles_are_allowed_from_the_configured_server(settings, client):
    settings.CSTI_MAP_TILE_URL = "https://tiles.example-centre.org/osm/{z}/{x}/{y}.png"
    policy = directives(client.get(demo_page("agenda", "en").url))
    assert "https://tiles.example-centre.org" in policy["img-src"]
    assert "https://tile.openstreetmap.org" not in policy["img-src"]


def test_the_default_tile_server_is_openstreetmaps(client):
    assert "https://tile.openstreetmap.org" in directives(client.get("/fr/"))["img-src"]


@pytest.mark.parametrize(
    ("tile_url", "source"),
    [
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("https://maps.example.org:8443/{z}/{x}/{y}.png?key=k", "https://maps.example.org:8443"),
        ("/tiles/{z}/{x}/{y}.png", None),
    ],
)
def test_a_tile_server_gives_the_source_browsers_match(tile_url, source):
    assert map_tile_source(tile_url) == source


def test_a_centre_adds_a_host_without_code(settings, client):
    settings.CSTI_CONTENT_SECURITY_POLICY_EXTRA = (
        "script-src https://stats.example-centre.org; connect-src https://stats.example-centre.org"
    )
    policy = directives(client.get(demo_page("home", "en").url))
    assert policy["script-src"] == ["'self'", "https://stats.example-centre.org"]
    # A directive not named before starts from default-src: the site itself stays allowed.
    assert policy["connect-src"] == ["'self'", "https://stats.example-centre.org"]


def test_a_centre_extends_the_policy_in_its_settings(settings, client):
    settings.CSTI_CONTENT_SECURITY_POLICY = {
        **settings.CSTI_CONTENT_SECURITY_POLICY,
        "frame-src": ["https://videos.example-peertube.org"],
    }
    policy = directives(client.get(demo_page("home", "en").url))
    assert policy["frame-src"] == ["https://videos.example-peertube.org"]


def test_a_mistaken_extra_policy_stops_start_up(settings):
    settings.CSTI_CONTENT_SECURITY_POLICY_EXTRA = "script-src https://a.example, https://b.example"
    with pytest.raises(ImproperlyConfigured, match="CSTI_CONTENT_SECURITY_POLICY_EXTRA"):
        ContentSecurityPolicyMiddleware(lambda request: None)


@pytest.mark.parametrize(
    ("extra", "explained"),
    [
        ("scriptsrc https://stats.example-centre.org", "scriptsrc is not a Content-Security"),
        ("scriptsrc https://stats.example-centre.org", "did you mean script-src?"),
        ("frame-source https://videos.example-peertube.org", "did you mean frame-src?"),
        ("script-src self", "must be written between single quotes, 'self'"),
        ('connect-src "self"', "must be written between single quotes, 'self'"),
        ("style-src unsafe-inline", "'unsafe-inline'"),
        ("img-src 'slef'", "did you mean 'self'?"),
        ("frame-src 'videos.example-peertube.org'", "write host names without quotes"),
    ],
)
def test_a_directive_or_source_browsers_would_ignore_stops_start_up(settings, extra, explained):
    settings.CSTI_CONTENT_SECURITY_POLICY_EXTRA = extra
    with pytest.raises(ImproperlyConfigured, match="CSTI_CONTENT_SECURITY_POLICY_EXTRA") as refused:
        ContentSecurityPolicyMiddleware(lambda request: None)
    assert explained in str(refused.value)


def test_a_mistaken_directive_in_the_sites_settings_stops_start_up(settings):
    settings.CSTI_CONTENT_SECURITY_POLICY = {"default-src": ["'self'"], "img_src": ["data:"]}
    with pytest.raises(ImproperlyConfigured, match="CSTI_CONTENT_SECURITY_POLICY: img_src"):
        ContentSecurityPolicyMiddleware(lambda request: None)


def test_every_kind_of_source_browsers_understand_is_accepted():
    policy = parse_policy(
        "Script-Src 'SELF' 'nonce-R4nd0m+/=' 'sha256-AbC+/dEf=' 'strict-dynamic' https: "
        "*.example-centre.org; img-src data: blob: none.example-centre.org; "
        "sandbox allow-scripts allow-forms; report-to csp-endpoint; upgrade-insecure-requests"
    )
    assert policy["script-src"][0] == "'SELF'"
    assert policy["sandbox"] == ["allow-scripts", "allow-forms"]
    assert policy["upgrade-insecure-requests"] == []


def test_current_and_deprecated_values_browsers_still_read_are_accepted():
    policy = parse_policy(
        "script-src 'trusted-types-eval' 'report-sha256'; block-all-mixed-content; "
        "prefetch-src https://cdn.example-centre.org"
    )
    assert policy["script-src"] == ["'trusted-types-eval'", "'report-sha256'"]


def test_a_directive_or_keyword_newer_than_this_version_is_let_through_with_a_warning(caplog):
    policy = parse_policy("speculation-rules 'self'; script-src 'future-keyword'")
    assert policy["speculation-rules"] == ["'self'"]
    warnings = [record.getMessage() for record in caplog.records]
    assert any(
        "speculation-rules is not a Content-Security-Policy directive" in w for w in warnings
    )
    assert any("'future-keyword' in script-src is not a" in w for w in warnings)


def test_the_video_players_may_be_framed(client):
    frames = directives(client.get(demo_page("home", "fr").url))["frame-src"]
    assert "https://www.youtube.com" in frames
    assert "https://player.vimeo.com" in frames


def test_the_admin_keeps_a_policy_that_lets_wagtail_work(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'self'" in policy["frame-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_a_preview_shows_the_page_under_the_visitors_policy(admin_client):
    """Wagtail renders a preview as a request for the page: editors see what visitors get."""
    home = demo_page("home", "en")
    response = admin_client.get(f"/admin/pages/{home.pk}/view_draft/")
    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]
    assert style_hash(brand_style(response)) in directives(response)["style-src"]


def test_an_empty_policy_sends_no_header(settings, client):
    settings.CSTI_CONTENT_SECURITY_POLICY = {}
    assert HEADER not in client.get(demo_page("home", "en").url)


def test_each_process_asks_for_the_branding_hashes_again_when_the_cache_would(monkeypatch, rf):
    """Without Redis, a colour saved in another process reaches this one's pages once their
    cached settings expire: the policy must allow the new colour by then too."""
    computed = []
    monkeypatch.setattr(
        content_security,
        "_site_brand_style_sources",
        lambda request: computed.append(1) or ([], now[0]),
    )
    now = [1000.0]
    monkeypatch.setattr(content_security, "_clock", lambda: now[0])
    monkeypatch.setattr(content_security, "_brand_memo", {})
    request = rf.get("/fr/", HTTP_HOST="localhost")
    content_security.brand_style_sources(request)
    content_security.brand_style_sources(request)
    assert len(computed) == 1, "one cache read for the generation, not the hashes again"
    now[0] += TIMEOUT
    content_security.brand_style_sources(request)
    assert len(computed) == 2


def test_hashes_read_from_an_older_cache_entry_expire_with_it(monkeypatch, rf):
    """A second host name of the same site reads hashes written earlier: they expire when
    the cached entry does, not a full lifetime after this process read them."""
    computed = []
    written_at = 1000.0 - TIMEOUT + 5
    monkeypatch.setattr(
        content_security,
        "_site_brand_style_sources",
        lambda request: computed.append(1) or ([], written_at),
    )
    now = [1000.0]
    monkeypatch.setattr(content_security, "_clock", lambda: now[0])
    monkeypatch.setattr(content_security, "_brand_memo", {})
    request = rf.get("/fr/", HTTP_HOST="localhost")
    content_security.brand_style_sources(request)
    now[0] += 5
    content_security.brand_style_sources(request)
    assert len(computed) == 2
