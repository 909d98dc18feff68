"""The agenda map in a real Chromium: nothing reaches the tile server before the visitor asks.

The demo draws OpenStreetMap's tiles, from another server, which would receive the
visitor's IP address: the page fetches neither Leaflet nor a tile until the click, then
remembers the choice for the tab (sessionStorage), not beyond it.
"""

import base64

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import show_the_map

pytestmark = pytest.mark.browser

TILE_HOST = "tile.openstreetmap.org"
#: A transparent pixel: the tiles are answered here, so the tests need no network.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def requests_made(page):
    """Every address the page asks for; tiles are answered without reaching the server."""
    made = []
    page.on("request", lambda request: made.append(request.url))
    page.route(
        f"https://{TILE_HOST}/**",
        lambda route: route.fulfill(status=200, content_type="image/png", body=PIXEL),
    )
    return made


def tiles(made):
    return [url for url in made if TILE_HOST in url]


def leaflet(made):
    return [url for url in made if "leaflet" in url]


def test_the_map_waits_for_the_visitor(page, demo_server, requests_made, axe_violations):
    page.goto(demo_server + "/en/whats-on/")
    page.locator(".agenda-map").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")

    ask = page.locator(".agenda-map__ask")
    expect(ask).to_be_visible()
    expect(ask.locator(".agenda-map__notice")).to_contain_text(TILE_HOST)
    expect(page.locator(".agenda-map__canvas")).to_be_hidden()
    assert leaflet(requests_made) == [], "no Leaflet before the click"
    assert tiles(requests_made) == [], "no tile before the click"
    assert page.evaluate("typeof window.L") == "undefined"

    page.locator(".agenda-map__show").click()

    page.wait_for_selector(".agenda-map .leaflet-marker-icon")
    expect(ask).to_be_hidden()
    expect(page.locator(".leaflet-tile-loaded").first).to_be_attached()
    assert leaflet(requests_made) and tiles(requests_made)
    # The button is gone: focus is on the map, and the next Tab reaches its first marker.
    canvas = page.locator(".agenda-map__canvas")
    expect(canvas).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".leaflet-marker-icon").first).to_be_focused()
    assert axe_violations(page) == []


def test_the_choice_lasts_for_the_tab(page, demo_server, requests_made):
    page.goto(demo_server + "/en/whats-on/")
    show_the_map(page)
    page.wait_for_selector(".agenda-map .leaflet-marker-icon")

    # Another agenda page in the same tab: the map loads as the visitor nears it, unasked.
    requests_made.clear()
    page.goto(demo_server + "/fr/agenda/")
    page.wait_for_load_state("load")
    expect(page.locator(".agenda-map__ask")).to_be_hidden()
    page.locator(".agenda-map").scroll_into_view_if_needed()
    page.wait_for_selector(".agenda-map .leaflet-marker-icon")
    assert tiles(requests_made)


def test_a_new_tab_asks_again(page, demo_server, requests_made):
    page.goto(demo_server + "/en/whats-on/")
    show_the_map(page)
    page.wait_for_selector(".agenda-map .leaflet-marker-icon")

    other_tab = page.context.new_page()
    other_requests = []
    other_tab.on("request", lambda request: other_requests.append(request.url))
    other_tab.goto(demo_server + "/nl/activiteiten/")
    other_tab.locator(".agenda-map").scroll_into_view_if_needed()
    other_tab.wait_for_load_state("networkidle")

    expect(other_tab.locator(".agenda-map__show")).to_be_visible()
    assert leaflet(other_requests) == [] and tiles(other_requests) == []
    assert other_tab.context.cookies() == [], "the choice is no cookie"
