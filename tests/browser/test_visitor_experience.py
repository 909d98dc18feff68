"""What a visitor sees and does, in a real Chromium."""

from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

LANGUAGES = ("fr", "nl", "en")
SEARCH = {"fr": "/fr/recherche/", "nl": "/nl/zoeken/", "en": "/en/search/"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_pages_are_accessible(page, demo_server, axe_violations, language):
    page.goto(f"{demo_server}/{language}/")
    assert page.get_attribute("html", "lang") == language
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_pages_and_search_are_accessible(page, demo_server, axe_violations, language):
    page.goto(f"{demo_server}/{language}/")
    menu_links = page.locator(".main-nav a")
    assert menu_links.count() >= 3
    hrefs = [menu_links.nth(i).get_attribute("href") for i in range(menu_links.count())]
    for href in hrefs:
        page.goto(f"{demo_server}{href}")
        assert axe_violations(page) == [], href
    page.goto(f"{demo_server}{SEARCH[language]}?q=science")
    assert axe_violations(page) == []


def test_visitor_lands_in_their_browser_language(browser, demo_server):
    context = browser.new_context(locale="nl-BE")
    page = context.new_page()
    page.goto(f"{demo_server}/")
    assert page.url == f"{demo_server}/nl/"
    assert page.get_attribute("html", "lang") == "nl"
    context.close()


def test_language_switcher_keeps_the_visitor_on_the_same_page(page, demo_server):
    page.goto(f"{demo_server}/fr/")
    first_section = page.locator(".main-nav a").first
    french_url = urljoin(page.url, first_section.get_attribute("href"))
    first_section.click()
    page.wait_for_url(french_url)
    page.locator(".language-switcher a[hreflang=nl]").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert page.url != french_url and "/nl/" in page.url
    page.locator(".language-switcher a[hreflang=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-switcher a[hreflang=fr]").click()
    page.wait_for_url(french_url)


def test_skip_link_moves_keyboard_users_to_the_content(page, demo_server):
    page.goto(f"{demo_server}/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_layout_fits_small_and_large_screens(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{demo_server}/fr/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"


def _expect_all_visible(locator):
    assert locator.count() >= 3
    for index in range(locator.count()):
        expect(locator.nth(index)).to_be_visible()


def test_phones_fold_the_main_navigation_behind_a_menu_button(page, demo_server, axe_violations):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{demo_server}/fr/")
    heading_top = page.locator("h1").first.bounding_box()["y"]
    assert heading_top < 300, f"the page's heading starts {heading_top}px down a phone's screen"
    menu_button = page.locator(".site-menu > summary")
    links = page.locator(".main-nav a")
    expect(links.first).to_be_hidden()
    expect(page.locator(".site-search input")).to_be_hidden()
    expect(page.locator(".language-switcher a[hreflang=nl]")).to_be_visible()
    assert axe_violations(page) == []

    # Keyboard: the button shows where the focus is, and Enter opens and closes the menu.
    menu_button.focus()
    assert menu_button.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    _expect_all_visible(links)
    page.keyboard.press("Enter")
    expect(links.first).to_be_hidden()

    menu_button.click()
    _expect_all_visible(links)
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
    assert axe_violations(page) == []


def test_wide_screens_show_the_main_navigation_without_a_click(page, demo_server, axe_violations):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{demo_server}/fr/")
    expect(page.locator(".site-menu > summary")).to_be_hidden()
    _expect_all_visible(page.locator(".main-nav a"))
    expect(page.locator(".site-search input")).to_be_visible()
    assert axe_violations(page) == []
