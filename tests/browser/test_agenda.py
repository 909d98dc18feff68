"""The agenda in a real Chromium: accessible in every language, usable without JavaScript."""

from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import show_the_map, url_with

pytestmark = pytest.mark.browser

AGENDAS = {"fr": "/fr/agenda/", "nl": "/nl/activiteiten/", "en": "/en/whats-on/"}


@pytest.mark.parametrize("language", AGENDAS)
def test_agenda_views_are_accessible(page, demo_server, axe_violations, language):
    url = demo_server + AGENDAS[language]
    for path in ("", "calendar/", "archive/"):
        page.goto(url + path)
        assert page.get_attribute("html", "lang") == language
        assert axe_violations(page) == [], path
    page.goto(url)
    first_event = page.locator(".agenda-item__title a").first
    event_url = urljoin(page.url, first_event.get_attribute("href"))
    first_event.click()
    page.wait_for_url(event_url)
    expect(page.locator("script[type='application/ld+json']")).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", AGENDAS)
def test_the_map_shows_events_with_a_place(page, demo_server, language):
    leaflet = []
    page.on("request", lambda request: "leaflet" in request.url and leaflet.append(request.url))
    page.goto(demo_server + AGENDAS[language])
    page.wait_for_load_state("load")
    assert leaflet == [], "Leaflet waits until the visitor asks for the map"
    assert page.evaluate("typeof window.L") == "undefined"
    show_the_map(page)
    page.wait_for_selector(".agenda-map .leaflet-marker-icon")
    assert page.locator(".agenda-map").is_visible()
    assert page.locator(".leaflet-marker-icon").count() >= 2
    # A function, not an expression: Playwright polls an expression with eval(), which the
    # page's Content-Security-Policy refuses once the markers are still loading.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.leaflet-marker-icon, .leaflet-marker-shadow')]"
        ".every(img => img.complete && img.naturalWidth > 0)"
    )


def test_a_map_popup_is_next_in_the_keyboard_order(page, demo_server):
    """Leaflet draws pop-ups after every marker: opening one from the keyboard moves to its
    links at once, and Escape closes it and returns to its marker."""
    page.goto(demo_server + AGENDAS["en"])
    show_the_map(page)
    first_marker = page.locator(".leaflet-marker-icon").first
    first_marker.wait_for()
    first_marker.focus()
    page.keyboard.press("Enter")
    popup_link = page.locator(".leaflet-popup a").first
    expect(popup_link).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    expect(first_marker).to_be_focused()


def test_filters_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + AGENDAS["en"])
    assert page.locator(".agenda-map").is_hidden()
    everything = page.locator(".agenda-item").count()
    page.get_by_label("Free only").check()
    page.get_by_role("combobox", name="For").select_option("schools")
    page.get_by_role("button", name="Show dates").click()
    page.wait_for_url(url_with("free=on", "audience=schools"))
    titles = page.locator(".agenda-item__title").all_inner_texts()
    assert 0 < len(titles) < everything
    assert "Science Festival" in " ".join(titles) or "Webinar" in " ".join(titles)
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(demo_server + AGENDAS["en"])
    page.get_by_label("Words").fill("stargazing")
    page.get_by_role("button", name="Show dates").click()
    expect(page.locator(".agenda-item__title")).to_have_text(["Stargazing at the Citadel"])
    page.get_by_role("link", name="Calendar", exact=True).click()
    caption = page.locator("table.agenda-calendar caption")
    expect(caption).to_be_visible()
    this_month = caption.inner_text()
    page.get_by_role("link", name="Next month").click()
    expect(caption).not_to_have_text(this_month)
    assert "/calendar/" in page.url
    context.close()
