"""Audience paths in a real Chromium: one click from home to each hub, accessible, filterable
with and without JavaScript."""

import pytest

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
        assert page.get_attribute("html", "lang") == language
        assert page.locator("h1").inner_text() == title
        assert page.locator(".main-nav__audience a[aria-current=page]").inner_text() == title
        assert axe_violations(page) == [], page.url


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_pages_are_accessible(page, demo_server, axe_violations, language):
    page.goto(f"{demo_server}/{language}/")
    page.locator(".main-nav__audience a").first.click()
    hub_links = page.locator(".hub-nav a")
    targets = [hub_links.nth(i).get_attribute("href") for i in range(hub_links.count())]
    assert len(targets) == 2  # exhibitions, practical information
    for href in targets:
        page.goto(demo_server + href)
        assert axe_violations(page) == [], href
    page.goto(demo_server + targets[0])
    page.locator(".card__title a").first.click()
    assert page.locator(".exhibition-facts").is_visible()
    assert axe_violations(page) == [], page.url


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_exhibition_filters_work_with_and_without_javascript(browser, demo_server, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo_server + EXHIBITIONS["en"])
    assert page.locator(".card").count() == 4
    page.get_by_label("Show").select_option("upcoming")
    page.get_by_role("button", name="Show exhibitions").click()
    assert "when=upcoming" in page.url
    assert page.locator(".card__title").all_inner_texts() == ["All connected"]
    page.get_by_label("Show").select_option("")
    page.get_by_label("Age of a visitor").fill("7")
    page.get_by_role("button", name="Show exhibitions").click()
    assert page.locator(".card__title").all_inner_texts() == ["Matter in all its states"]
    context.close()


def test_hub_type_filter_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_server}/en/visit/")
    everything = page.locator(".teaser").count()
    page.locator(".filter-links a[href='?type=exhibitionpage']").click()
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
    assert page.locator(".opening-status__now").is_visible()
    assert page.locator(".opening-week tbody tr").count() == 7
