"""Audience paths in a real Chromium: one click from home to each hub, accessible, filterable
with and without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import url_with

pytestmark = pytest.mark.browser

LANGUAGES = ("fr", "nl", "en")
EXHIBITIONS = {"fr": "/fr/visiter/expositions/", "en": "/en/visit/exhibitions/"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_hub_is_one_click_from_home(page, demo_server, axe_violations, language):
    page.goto(f"{demo_server}/{language}/")
    assert axe_violations(page) == []
    entry_points = page.locator(".main-nav__audience a")
    assert entry_points.count() == 3
    for index in range(3):
        page.goto(f"{demo_server}/{language}/")
        link = page.locator(".main-nav__audience a").nth(index)
        title = link.inner_text()
        link.click()
        expect(page.locator("h1")).to_have_text(title)
        assert page.get_attribute("html", "lang") == language
        expect(page.locator(".main-nav__audience a[aria-current=page]")).to_have_text(title)
        assert axe_violations(page) == [], page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_pages_are_accessible(page, demo_server, axe_violations, language):
    page.goto(f"{demo_server}/{language}/")
    page.locator(".main-nav__audience a").first.click()
    hub_links = page.locator(".hub-nav a")
    expect(hub_links).to_have_count(2)  # exhibitions, practical information
    targets = [hub_links.nth(i).get_attribute("href") for i in range(2)]
    for href in targets:
        page.goto(demo_server + href)
        assert axe_violations(page) == [], href
    page.goto(demo_server + targets[0])
    page.locator(".card__title a").first.click()
    expect(page.locator(".exhibition-facts")).to_be_visible()
    assert axe_violations(page) == [], page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_exhibition_filters_work_with_and_without_javascript(browser, demo_server, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo_server + EXHIBITIONS["en"])
    expect(page.locator(".card")).to_have_count(4)
    page.get_by_label("Show").select_option("upcoming")
    page.get_by_role("button", name="Show exhibitions").click()
    page.wait_for_url(url_with("when=upcoming"))
    expect(page.locator(".card__title")).to_have_text(["All connected"])
    page.get_by_label("Show").select_option("")
    page.get_by_label("Age of a visitor").fill("7")
    page.get_by_role("button", name="Show exhibitions").click()
    page.wait_for_url(url_with("age=7"))
    expect(page.locator(".card__title")).to_have_text(["Matter in all its states"])
    context.close()


def test_hub_type_filter_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_server}/en/visit/")
    everything = page.locator(".teaser").count()
    page.locator(".filter-links a[href='?type=exhibitionpage']").click()
    page.wait_for_url(url_with("type=exhibitionpage"))
    titles = page.locator(".teaser__title").all_inner_texts()
    assert 0 < len(titles) < everything
    assert "Matter in all its states" in titles
    context.close()


def test_a_filter_error_is_announced_and_accessible(page, demo_server, axe_violations):
    page.goto(demo_server + EXHIBITIONS["fr"] + "?age=-3")
    age = page.locator("input[name=age]")
    assert age.get_attribute("aria-invalid") == "true"
    assert "_error" in age.get_attribute("aria-describedby")
    assert axe_violations(page) == []


def test_open_today_is_shown_on_the_visitors_hub(page, demo_server):
    page.goto(f"{demo_server}/fr/visiter/")
    expect(page.locator(".opening-status__now")).to_be_visible()
    expect(page.locator(".opening-week tbody tr")).to_have_count(7)
