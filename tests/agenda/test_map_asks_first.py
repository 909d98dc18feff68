"""The agenda map asks before it loads tiles from another server, which would receive the
visitor's IP address; tiles of the site's own host load as the visitor nears the map. The
page says so in its markup, the same for every visitor; the click and the tab's memory of it
are tested in tests/browser/test_agenda_map_asks_first.py."""

import lxml.html
import pytest

from csti_cms.agenda.map_tiles import tile_server_host
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

OPENSTREETMAP = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def agenda_map(client):
    """The map section of the English agenda."""
    response = client.get(demo_page("agenda", "en").url)
    assert response.status_code == 200
    [section] = lxml.html.fromstring(response.content).xpath("//*[@data-agenda-map]")
    return section


def test_tiles_from_another_server_wait_for_the_visitor(client, settings):
    settings.CSTI_MAP_TILE_URL = OPENSTREETMAP

    section = agenda_map(client)

    [ask] = section.xpath(".//*[@data-agenda-map-ask]")
    assert ask.get("data-tiles-host") == "tile.openstreetmap.org"
    [button] = ask.xpath(".//button")
    assert button.get("type") == "button"
    assert button.text_content().strip()
    [notice] = ask.find_class("agenda-map__notice")
    assert "tile.openstreetmap.org" in notice.text_content()
    assert "IP" in notice.text_content()
    # Read before the button, which needs no id of its own to be described.
    assert ask.index(notice) < ask.index(button)
    [canvas] = section.find_class("agenda-map__canvas")
    assert canvas.get("hidden") is not None, "no empty map box before the visitor asks"


def test_the_notice_names_the_server_without_leaflets_placeholders(client, settings):
    settings.CSTI_MAP_TILE_URL = "https://{s}.tiles.example-centre.org/osm/{z}/{x}/{y}.png"

    [notice] = agenda_map(client).find_class("agenda-map__notice")

    assert "tiles.example-centre.org" in notice.text_content()
    assert "{s}" not in notice.text_content()


@pytest.mark.parametrize("on_the_site", ["", "root_url"])
def test_tiles_of_the_site_itself_load_without_asking(client, settings, on_the_site):
    """``/tiles/…`` or the site's own address, as a centre running its own tiles writes it."""
    root_url = demo_page("agenda", "en").get_site().root_url if on_the_site else ""
    settings.CSTI_MAP_TILE_URL = root_url + "/tiles/{z}/{x}/{y}.png"

    section = agenda_map(client)

    assert not section.xpath(".//*[@data-agenda-map-ask]")
    assert not section.xpath(".//button")
    [canvas] = section.find_class("agenda-map__canvas")
    assert canvas.get("hidden") is None
    assert canvas.get("data-tile-url") == settings.CSTI_MAP_TILE_URL


def test_the_page_is_the_same_whoever_asks_for_it(client, settings):
    """No cookie nor header decides: the shared page cache serves one page to everyone."""
    settings.CSTI_MAP_TILE_URL = OPENSTREETMAP
    url = demo_page("agenda", "en").url
    first = client.get(url).content
    client.cookies["sessionid"] = "someone"
    again = client.get(url, HTTP_REFERER="https://elsewhere.example/", HTTP_DNT="1").content

    assert first == again


@pytest.mark.parametrize(
    "tile_url, site_root_url, host",
    [
        (OPENSTREETMAP, "https://curiosa.example", "tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "", "tile.example.org"),
        ("//tiles.example.org/{z}/{x}/{y}.png", "https://curiosa.example", "tiles.example.org"),
        ("/tiles/{z}/{x}/{y}.png", "https://curiosa.example", ""),
        ("https://CURIOSA.example:8443/tiles/{z}/{x}/{y}.png", "https://curiosa.example", ""),
        (
            "https://maps.curiosa.example/{z}/{x}/{y}.png",
            "https://curiosa.example",
            "maps.curiosa.example",
        ),
    ],
)
def test_the_tile_server_host(tile_url, site_root_url, host):
    assert tile_server_host(tile_url, site_root_url) == host
