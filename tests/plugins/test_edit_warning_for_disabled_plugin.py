"""An editor opening a page of a plugin switched off for its site is told why visitors get a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from csti_cms.core.models import ContentPage
from csti_cms.plugins.memberships.models import MembershipsPage

pytestmark = pytest.mark.django_db

WARNING = (
    "The “Memberships” plugin is switched off for site-a.test, so visitors do not see this "
    "page. An administrator can switch it on in Settings &gt; Plugins."
)


@pytest.fixture
def memberships_page(site, enable_plugin):
    enable_plugin("memberships", site)
    page = site.root_page.add_child(instance=MembershipsPage(title="Join us", slug="join-us"))
    page.save_revision().publish()
    return page


def open_editor(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def test_editor_is_warned_when_the_plugin_is_off_for_the_page_site(
    english_admin_client, site, memberships_page, disable_plugin
):
    disable_plugin("memberships", site)
    response = open_editor(english_admin_client, memberships_page)
    assert response.status_code == 200
    assert WARNING in response.content.decode()


def test_no_warning_where_the_plugin_is_on(english_admin_client, memberships_page):
    response = open_editor(english_admin_client, memberships_page)
    assert response.status_code == 200
    assert "plugin is switched off" not in response.content.decode()


def test_pages_outside_plugins_get_no_warning(english_admin_client, site):
    page = site.root_page.add_child(instance=ContentPage(title="About", slug="about-us"))
    response = open_editor(english_admin_client, page)
    assert "plugin is switched off" not in response.content.decode()


def test_the_warning_costs_the_editor_no_more_than_two_queries(
    english_admin_client, site, memberships_page, disable_plugin
):
    open_editor(english_admin_client, memberships_page)  # warm Wagtail's own caches
    with CaptureQueriesContext(connection) as plugin_on:
        open_editor(english_admin_client, memberships_page)
    disable_plugin("memberships", site)
    open_editor(english_admin_client, memberships_page)
    with CaptureQueriesContext(connection) as plugin_off:
        response = open_editor(english_admin_client, memberships_page)
    assert WARNING in response.content.decode()
    assert len(plugin_off) <= len(plugin_on) + 2
