"""On a phone, Dutch compound words in headings and long words anywhere wrap instead of
widening the page, and the menu closes with Escape like any other disclosure a keyboard
user has opened."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 800}

ACTIVITIES = "/nl/leerkrachten/schoolactiviteiten/"


@pytest.mark.parametrize(
    "path",
    [
        # "Reservatieaanvraag: …", under both spellings of the booking route.
        f"{ACTIVITIES}show-zonnestelsel/reserveren/",
        f"{ACTIVITIES}kleine-onderzoekers-water/book/",
        f"{ACTIVITIES}workshop-robot-programmeren/reserveren/",
        "/nl/activiteiten/wetenschapsfestival/",
    ],
)
def test_dutch_headings_never_make_the_page_scroll_sideways(page, demo_server, path):
    page.set_viewport_size(PHONE)
    response = page.goto(f"{demo_server}{path}")
    assert response.status == 200
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"{path} scrolls sideways ({scroll_width}px)"


#: What an editor may paste into a title or an introduction: a web address with no space.
LONG_WORD = "https://www.example.org/" + "tentoonstellingsbezoekersinformatie" * 8


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("/fr/visiter/", "p.lead"),
        ("/fr/enseignants/activites-scolaires/atelier-chimie-des-couleurs/", ".breadcrumbs span"),
        ("/fr/agenda/", ".agenda-item__summary"),
        ("/fr/enseignants/", ".hub-nav a"),
    ],
)
def test_a_long_word_outside_headings_never_makes_the_page_scroll_sideways(
    page, demo_server, path, selector
):
    """Titles and introductions show in breadcrumbs, leads, summaries and hub links too.

    The word is written into the page as the editor's text would be, rather than saved in
    the demo content the other browser tests share.
    """
    page.set_viewport_size(PHONE)
    assert page.goto(f"{demo_server}{path}").status == 200
    page.locator(selector).first.evaluate(
        "(element, word) => element.textContent = word", LONG_WORD
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"{selector} on {path} scrolls sideways ({scroll_width}px)"
    )


def _menu_is_open(page):
    return page.evaluate("document.querySelector('.site-menu').open")


def test_escape_closes_the_phone_menu_and_gives_focus_back_to_its_button(page, demo_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{demo_server}/nl/")
    summary = page.locator(".site-menu > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert _menu_is_open(page)

    # From inside the menu, where a keyboard user goes next.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-menu') !== null")
    page.keyboard.press("Escape")
    assert not _menu_is_open(page)
    assert page.evaluate("document.activeElement.matches('.site-menu > summary')")

    # From the button itself.
    page.keyboard.press("Enter")
    assert _menu_is_open(page)
    page.keyboard.press("Escape")
    assert not _menu_is_open(page)
    assert page.evaluate("document.activeElement.matches('.site-menu > summary')")


def test_escape_in_the_search_field_of_a_closed_menu_does_nothing_odd(page, demo_server):
    """On wide screens the menu is always shown and never open: Escape must not move focus."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{demo_server}/nl/")
    field = page.locator("#site-search-input")
    field.focus()
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
