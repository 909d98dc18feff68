"""What public pages keep between requests shows an editor's change on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from csti_cms.core.caching import generation
from csti_cms.core.middleware import site_for_host
from csti_cms.core.models import BrandingSettings, ContactSettings, ContentPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site():
    return Site.objects.get(is_default_site=True)


def test_a_published_menu_page_appears_in_the_header_at_once(client):
    home = demo_page("home", "en")
    assert "Opening night" not in client.get(home.url).content.decode()
    page = home.add_child(instance=ContentPage(title="Opening night", slug="opening-night"))
    page.show_in_menus = True
    page.save_revision().publish()
    header = client.get(home.url).content.decode().split("</header>")[0]
    assert "Opening night" in header


def test_an_unpublished_page_leaves_the_hub_listing_at_once(client):
    hub = demo_page("hub-visitors", "en")
    exhibition = demo_page("expo-matter", "en")
    assert exhibition.title in client.get(hub.url).content.decode()
    exhibition.unpublish()
    assert exhibition.title not in client.get(hub.url).content.decode()


def test_drafts_and_locks_keep_the_cache_and_publishing_renews_it():
    page = demo_page("about", "en")
    before = generation()
    page.title = "About us, draft"
    page.save_revision()
    page.locked = True
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    assert generation() == before
    page.save_revision().publish()
    assert generation() != before


def test_saved_branding_and_contact_show_at_once(client, demo_site):
    home = demo_page("home", "en").url
    client.get(home)
    branding = BrandingSettings.for_site(demo_site)
    branding.centre_name = "Curiosa Science Centre"
    branding.save()
    contact = ContactSettings.for_site(demo_site)
    contact.phone = "+32 81 00 00 99"
    contact.save()
    html = client.get(home).content.decode()
    assert "Curiosa Science Centre" in html
    assert "+32 81 00 00 99" in html


def test_the_site_of_a_request_is_found_without_a_query_and_follows_changes(client, demo_site):
    home = demo_page("home", "en")
    other = Site.objects.create(hostname="other.test", root_page=home, site_name="Other centre")
    client.get(home.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(home.url)
    assert not [q for q in queries if '"wagtailcore_site"' in q["sql"]]
    assert client.get("/", HTTP_HOST="other.test").wsgi_request._wagtail_site == other
    other.hostname = "elsewhere.test"
    other.save()
    assert client.get("/", HTTP_HOST="other.test").wsgi_request._wagtail_site == demo_site
    assert client.get("/", HTTP_HOST="made-up.test").wsgi_request._wagtail_site == demo_site


@pytest.mark.parametrize("default_site", [True, False], ids=["with-default", "without-default"])
def test_the_cached_site_is_the_one_wagtail_would_choose(demo_site, default_site):
    home = demo_site.root_page
    Site.objects.create(hostname="museum.test", port=80, root_page=home, site_name="A")
    Site.objects.create(hostname="museum.test", port=8080, root_page=home, site_name="B")
    Site.objects.create(hostname="lab.test", port=443, root_page=home, site_name="C")
    Site.objects.create(hostname="twins.test", port=81, root_page=home, site_name="D")
    Site.objects.create(hostname="twins.test", port=82, root_page=home, site_name="E")
    if not default_site:
        Site.objects.filter(pk=demo_site.pk).update(is_default_site=False)
    sites = list(Site.objects.select_related("root_page"))
    hosts = [demo_site.hostname, "museum.test", "lab.test", "twins.test", "unknown.test"]
    for hostname in hosts:
        for port in (80, 443, 8080, 81, 9000):
            try:
                expected = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                expected = None
            assert site_for_host(sites, hostname, port) == expected, (hostname, port)


def test_settings_of_one_site_are_not_shown_on_another(demo_site):
    other = Site.objects.create(
        hostname="other.test", root_page=demo_site.root_page, site_name="Other"
    )
    BrandingSettings.objects.create(site=other, centre_name="Other centre")
    assert BrandingSettings.for_site(demo_site).centre_name != "Other centre"
    assert BrandingSettings.for_site(other).centre_name == "Other centre"


def test_a_disabled_plugin_leaves_the_menu_at_once(client, disable_plugin, demo_site):
    home = demo_page("home", "en").url
    assert 'href="/en/declarations/"' in client.get(home).content.decode()
    disable_plugin("declarations", demo_site)
    assert 'href="/en/declarations/"' not in client.get(home).content.decode()


def test_the_admin_reads_settings_from_the_database_not_the_cache(client, demo_site):
    client.get(demo_page("home", "en").url)  # the public page cached the settings
    # As if another process saved them: this process's cache was not told.
    BrandingSettings.objects.filter(site=demo_site).update(centre_name="Curiosa 2")
    assert BrandingSettings.for_site(demo_site).centre_name == "Curiosa 2"
