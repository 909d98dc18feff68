"""The agenda's map costs nothing until a visitor scrolls near it (or asks for it, when its
tiles come from another server: test_map_asks_first.py): its page loads no Leaflet
stylesheet nor script, only agenda-map.js (deferred), told where Leaflet is; the list of
dates is the agenda without JavaScript. The browser side is tested in
tests/browser/test_agenda.py."""

import lxml.html
import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

LEAFLET_CSS = "csti_cms/vendor/leaflet/leaflet.css"
LEAFLET_JS = "csti_cms/vendor/leaflet/leaflet.js"


@pytest.fixture
def agenda_response(client):
    response = client.get(demo_page("agenda", "en").url)
    assert response.status_code == 200
    return response


def test_the_page_loads_no_leaflet(agenda_response):
    tree = lxml.html.fromstring(agenda_response.content)

    stylesheets = tree.xpath("//link[@rel='stylesheet']/@href")
    scripts = tree.xpath("//script/@src")
    assert not [href for href in stylesheets if "leaflet" in href]
    assert not [src for src in scripts if "leaflet" in src]
    assert tree.xpath("//*[@data-agenda-map]"), "the map section is still there to fill"


def test_the_map_script_knows_where_leaflet_is(agenda_response):
    tree = lxml.html.fromstring(agenda_response.content)

    [script] = tree.xpath("//script[contains(@src, 'agenda-map')]")

    assert script.get("defer") is not None
    assert script.get("data-leaflet-css") == static(LEAFLET_CSS)
    assert script.get("data-leaflet-js") == static(LEAFLET_JS)
    assert finders.find(LEAFLET_CSS) and finders.find(LEAFLET_JS)


def test_the_policy_lets_the_page_load_leaflet_from_the_site(agenda_response):
    policy = dict(
        (directive.split()[0], directive.split()[1:])
        for directive in agenda_response["Content-Security-Policy"].split(";")
    )
    assert "'self'" in policy["script-src"]
    assert "'self'" in policy["style-src"]
    assert static(LEAFLET_JS).startswith("/"), "from the site itself"


def test_the_dates_are_listed_without_javascript(agenda_response):
    tree = lxml.html.fromstring(agenda_response.content)

    assert len(tree.find_class("agenda-item")) >= 2
    assert tree.xpath("//*[@data-agenda-map]/@hidden") == [""]


def test_an_install_without_tile_server_shows_no_map(client, settings):
    settings.CSTI_MAP_TILE_URL = ""
    response = client.get(demo_page("agenda", "en").url)
    assert response.status_code == 200
    tree = lxml.html.fromstring(response.content)
    assert not tree.xpath("//*[@data-agenda-map]")
    assert not tree.xpath("//script[contains(@src, 'agenda-map')]")
    assert tree.xpath("//*[contains(@class, 'agenda-item')]"), "the dates are listed"
