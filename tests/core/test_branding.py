"""Each site has its own brand, applied through CSS custom properties and kept readable."""

import re

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Site

from csti_cms.core.colours import contrast_ratio
from csti_cms.core.models import BrandingSettings
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#fff", "#ffffff") == pytest.approx(1.0)


def test_brand_colour_unreadable_behind_white_text_is_refused():
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.primary_colour = "#f5c400"
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "primary_colour" in error.value.message_dict
    assert "contrast" in error.value.message_dict["primary_colour"][0]


def test_brand_colour_that_is_not_a_colour_is_refused():
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.accent_colour = "blue"
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert "accent_colour" in error.value.message_dict


def test_brand_reaches_the_page_as_custom_properties(client):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.primary_colour = "#0b5d3b"
    branding.font = "serif"
    branding.save()
    html = client.get("/fr/").content.decode()
    assert "--brand-primary: #0b5d3b;" in html
    assert "--brand-font: Charter" in html
    assert branding.centre_name in html


def test_theme_is_served_by_the_site_itself(client):
    html = client.get("/fr/").content.decode()
    assert 'href="/static/csti_cms/css/theme.css"' in html
    assets = re.findall(r'<(?:script|img|link rel="stylesheet")[^>]*(?:src|href)="([^"]+)"', html)
    assert assets and all(not url.startswith(("http:", "https:", "//")) for url in assets)


def test_accessible_structure(client):
    html = client.get("/fr/").content.decode()
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<footer" in html and 'role="search"' in html


def test_pages_name_the_logo_as_their_icon_and_favicon_ico_leads_there(client):
    html = client.get("/en/").content.decode()
    icon = re.search(r'<link rel="icon" href="([^"]+)">', html).group(1)
    assert "logo" in icon and "fill-64x64" in icon
    assert '<link rel="apple-touch-icon"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == icon


def test_a_site_without_a_logo_gets_the_neutral_icon(client):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.logo = None
    branding.save()
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/static/csti_cms/img/site-icon.svg">' in html
    assert "apple-touch-icon" not in html
    assert client.get("/favicon.ico")["Location"] == "/static/csti_cms/img/site-icon.svg"


def test_the_header_logo_has_sharp_versions_for_dense_screens(client):
    html = client.get("/en/").content.decode()
    logo = re.search(r'<img class="site-header__logo"[^>]*>', html).group(0)
    assert re.search(r'srcset="[^"]+height-48[^"]* 1x, [^"]+height-96[^"]* 2x, [^"]+ 3x"', logo)


def test_a_logo_whose_file_is_lost_leaves_every_page_standing(client, caplog):
    lost = get_image_model().objects.create(
        title="Logo restored without its file", file="original_images/lost.png", width=64, height=64
    )
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.logo = lost
    branding.save()
    for page in (
        demo_page("home", "en"),
        demo_page("agenda", "fr"),
        demo_page("museum-night", "en"),
    ):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    html = client.get(demo_page("home", "en").url).content.decode()
    assert '<link rel="icon" href="/static/csti_cms/img/site-icon.svg">' in html
    assert '"logo"' not in html, "no logo in the structured data"
    assert client.get("/favicon.ico")["Location"] == "/static/csti_cms/img/site-icon.svg"
    assert "Logo restored without its file" in caplog.text


def test_the_header_and_the_icons_read_their_logo_sizes_in_one_query_each(client):
    client.get("/en/about/")  # the renditions exist, as on a live site
    caches["renditions"].clear()
    caches["default"].clear()
    rendition_table = get_image_model().get_rendition_model()._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/about/").content.decode()
    logo = re.search(r'<img class="site-header__logo"[^>]*>', html).group(0)
    assert re.search(r'srcset="[^"]+height-48[^"]* 1x, [^"]+height-96[^"]* 2x, [^"]+ 3x"', logo)
    header_reads = [
        query["sql"]
        for query in queries.captured_queries
        if rendition_table in query["sql"] and "height-48" in query["sql"]
    ]
    assert len(header_reads) == 1
    assert "height-96" in header_reads[0] and "height-144" in header_reads[0]
    icon_reads = [
        query["sql"]
        for query in queries.captured_queries
        if rendition_table in query["sql"] and "fill-64x64" in query["sql"]
    ]
    assert len(icon_reads) == 1 and "max-180x180" in icon_reads[0]
    assert "apple-touch-icon" in html
