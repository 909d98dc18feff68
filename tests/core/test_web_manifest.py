"""A centre's site added to a phone's home screen: its manifest, icon and colour."""

import io
import json

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings
from tests.conftest import demo_page
from tests.core.helpers import png_bytes

pytestmark = pytest.mark.django_db


def branding():
    return BrandingSettings.for_site(Site.objects.get(is_default_site=True))


def manifest_of(client, address="/site.webmanifest", **headers):
    response = client.get(address, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    return json.loads(response.content)


def test_every_page_links_to_the_manifest_in_its_language_and_names_the_brand_colour(client):
    brand = branding()
    brand.primary_colour = "#0b5d3b"
    brand.save()
    html = client.get(demo_page("about", "nl").url).content.decode()
    assert '<link rel="manifest" href="/site.webmanifest?lang=nl">' in html
    assert '<meta name="theme-color" content="#0b5d3b">' in html


def test_the_manifest_names_the_centre_and_opens_its_home_in_the_language_linked(client):
    manifest = manifest_of(client, "/site.webmanifest?lang=nl")
    brand = branding()
    assert manifest["name"] == brand.centre_name
    assert manifest["start_url"] == demo_page("home", "nl").url
    assert manifest["display"] == "browser"
    assert manifest["theme_color"] == brand.primary_colour
    assert manifest["background_color"] == "#ffffff"


def test_without_a_language_the_manifest_opens_the_visitor_s(client):
    manifest = manifest_of(client, accept_language="en-GB,en;q=0.8")
    assert manifest["start_url"] == demo_page("home", "en").url
    manifest = manifest_of(client, "/site.webmanifest?lang=xx", accept_language="nl")
    assert manifest["start_url"] == demo_page("home", "nl").url


def test_a_shared_cache_keeps_the_manifest_per_visitor_language_only_when_none_is_named(client):
    named = client.get("/site.webmanifest?lang=nl")
    assert named["Content-Language"] == "nl"
    assert "Cookie" not in named.get("Vary", "")
    negotiated = client.get("/site.webmanifest", headers={"accept-language": "en"})
    assert negotiated["Content-Language"] == "en"
    assert {"Accept-Language", "Cookie"} <= {
        header.strip() for header in negotiated["Vary"].split(",")
    }


def test_a_logo_that_is_not_square_is_shown_whole_on_home_screens(client):
    brand = branding()
    brand.logo = get_image_model().objects.create(
        title="Wide logo", file=ImageFile(io.BytesIO(png_bytes((600, 200))), name="wide.png")
    )
    brand.save()
    icons = manifest_of(client)["icons"]
    assert [icon["sizes"] for icon in icons] == ["192x64", "512x170"]
    assert all(icon["type"] == "image/png" for icon in icons)
    html = client.get(demo_page("home", "en").url).content.decode()
    assert "max-180x180" in html and "fill-180x180" not in html


def test_a_site_without_a_logo_offers_the_neutral_icon(client):
    brand = branding()
    brand.logo = None
    brand.save()
    [icon] = manifest_of(client)["icons"]
    assert icon == {
        "src": "/static/csti_cms/img/site-icon.svg",
        "sizes": "any",
        "type": "image/svg+xml",
    }


def test_the_manifest_is_read_once_then_kept(client):
    manifest_of(client, "/site.webmanifest?lang=fr")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/site.webmanifest?lang=fr")
    assert len(queries) == 0
    assert "max-age=3600" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]
