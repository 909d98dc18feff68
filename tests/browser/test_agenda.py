"""The agenda in a real Chromium: accessible in every language, usable without JavaScript."""

import pytest

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
    page.locator(".agenda-item__title a").first.click()
    assert page.locator("script[type='application/ld+json']").count() == 1
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", AGENDAS)
def test_the_map_shows_events_with_a_place(page, demo_server, language):
    page.goto(demo_server + AGENDAS[language])
    page.wait_for_selector(".agenda-map .leaflet-marker-icon")
    assert page.locator(".agenda-map").is_visible()
    assert page.locator(".leaflet-marker-icon").count() >= 2


def test_filters_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server + AGENDAS["en"])
    assert page.locator(".agenda-map").is_hidden()
    everything = page.locator(".agenda-item").count()
    page.get_by_label("Free only").check()
    page.get_by_label("For").select_option("schools")
    page.get_by_role("button", name="Show dates").click()
    assert "free=on" in page.url and "audience=schools" in page.url
    titles = page.locator(".agenda-item__title").all_inner_texts()
    assert 0 < len(titles) < everything
    assert "Science Festival" in " ".join(titles) or "Webinar" in " ".join(titles)
    page.get_by_role("link", name="Clear filters").click()
    page.get_by_label("Words").fill("stargazing")
    page.get_by_role("button", name="Show dates").click()
    assert page.locator(".agenda-item__title").all_inner_texts() == ["Stargazing at the Citadel"]
    page.get_by_role("link", name="Calendar", exact=True).click()
    assert page.locator("table.agenda-calendar caption").is_visible()
    page.get_by_role("link", name="Next month").click()
    assert "/calendar/" in page.url
    context.close()
