"""A plugin's stylesheet is loaded by the pages that show its content (its own pages, pages
with its blocks), not by every page of the site; deciding costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.plugins.declarations import hooks as declarations_hooks
from csti_cms.plugins.memberships import hooks as memberships_hooks
from csti_cms.plugins.testing import get_page, render_body_on

from .helpers import (
    make_content_page,
    make_declaration,
    make_declaration_index,
    make_membership,
    make_memberships_page,
    make_organisation,
)

pytestmark = pytest.mark.django_db

MEMBERSHIPS_CSS = "memberships/memberships"
DECLARATIONS_CSS = "declarations/declarations"


@pytest.fixture
def both_plugins(site, enable_plugin):
    enable_plugin("memberships", site)
    enable_plugin("declarations", site)
    make_membership(site, make_organisation("Ecsite"))
    return site


def stylesheets(html):
    return {name for name in (MEMBERSHIPS_CSS, DECLARATIONS_CSS) if f"{name}." in html}


def test_a_page_without_plugin_content_loads_neither(client, both_plugins):
    page = make_content_page(both_plugins.root_page)

    assert stylesheets(get_page(client, page, both_plugins).content.decode()) == set()
    assert (
        stylesheets(get_page(client, both_plugins.root_page, both_plugins).content.decode())
        == set()
    )


def test_the_plugins_own_pages_load_theirs(client, both_plugins):
    memberships = make_memberships_page(both_plugins.root_page)
    index = make_declaration_index(both_plugins.root_page)
    declaration = make_declaration(index)

    assert stylesheets(get_page(client, memberships, both_plugins).content.decode()) == {
        MEMBERSHIPS_CSS
    }
    for page in (index, declaration):
        html = get_page(client, page, both_plugins).content.decode()
        assert stylesheets(html) == {DECLARATIONS_CSS}


def test_a_page_with_a_plugin_block_loads_its_stylesheet(client, both_plugins):
    memberships = make_memberships_page(make_content_page(both_plugins.root_page, "network"))
    declaration = make_declaration(make_declaration_index(both_plugins.root_page))

    _page, networks = render_body_on(
        client, both_plugins, "memberships_networks", {"heading": "Ours", "page": memberships.pk}
    )
    _page, featured = render_body_on(
        client, both_plugins, "declarations_featured", {"declaration": declaration.pk}
    )

    assert stylesheets(networks) == {MEMBERSHIPS_CSS}
    assert stylesheets(featured) == {DECLARATIONS_CSS}


def test_deciding_costs_no_query(both_plugins):
    page = make_content_page(both_plugins.root_page)
    page.body = [{"type": "memberships_networks", "value": {"heading": "Ours", "page": None}}]

    with CaptureQueriesContext(connection) as queries:
        assert memberships_hooks.csti_page_head(page) is not None
        assert declarations_hooks.csti_page_head(page) is None
        assert memberships_hooks.csti_page_head(None) is None

    assert len(queries) == 0
