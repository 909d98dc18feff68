"""What visitors see at 400% zoom, on paper and in a contrast theme, and the agenda map's
zoom buttons, which speak the page's language."""

from urllib.parse import urljoin

import pytest
from django.utils import translation

from tests.browser.conftest import show_the_map

pytestmark = pytest.mark.browser

# A 1280 px wide window at 400% zoom: the page gets 320 CSS pixels (WCAG 1.4.10, reflow).
ZOOMED_IN = {"viewport": {"width": 320, "height": 800}, "device_scale_factor": 4}

AGENDAS = {"fr": "/fr/agenda/", "nl": "/nl/activiteiten/"}
CALENDARS = {"fr": "/fr/agenda/calendrier/", "nl": "/nl/activiteiten/kalender/"}

# One page of each type the sitemap lists, with the agenda's views and the request forms.
PAGES_OF_EVERY_TYPE = [
    "/fr/",
    "/nl/bezoeken/",
    "/fr/enseignants/",
    "/nl/evenement-organiseren/",
    "/fr/a-propos/",
    "/nl/bezoeken/praktische-info/",
    "/fr/visiter/expositions/",
    "/nl/bezoeken/tentoonstellingen/chemie-van-alledag/",
    AGENDAS["fr"],
    AGENDAS["nl"],
    CALENDARS["fr"],
    CALENDARS["nl"],
    "/fr/agenda/archives/",
    "/nl/activiteiten/wetenschapsfestival/",
    "/fr/enseignants/activites-scolaires/",
    "/fr/enseignants/activites-scolaires/atelier-chimie-des-couleurs/",
    "/nl/leerkrachten/schoolactiviteiten/show-zonnestelsel/reserveren/",
    "/fr/organiser-un-evenement/espaces-a-louer/",
    "/nl/evenement-organiseren/zalen-te-huur/seminariezaal-newton/",
    "/fr/organiser-un-evenement/espaces-a-louer/devis/",
    "/fr/declarations/toronto-2008/",
    "/nl/lidmaatschappen/",
]

SPACES_FOR_HIRE = {
    "en": "/en/host-an-event/spaces-for-hire/",
    # The longest headings: Dutch compounds such as "Boardroomopstelling".
    "nl": "/nl/evenement-organiseren/zalen-te-huur/",
}


@pytest.fixture
def zoomed_in_page(browser):
    context = browser.new_context(**ZOOMED_IN)
    yield context.new_page()
    context.close()


# 400% zoom


@pytest.mark.parametrize("path", PAGES_OF_EVERY_TYPE)
def test_pages_fit_a_window_zoomed_to_400_percent(zoomed_in_page, demo_server, path):
    page = zoomed_in_page
    assert page.goto(demo_server + path).status == 200
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    width = ZOOMED_IN["viewport"]["width"]
    assert scroll_width <= width, f"{path} scrolls sideways ({scroll_width}px)"


@pytest.mark.parametrize("path", [*AGENDAS.values(), *CALENDARS.values()])
def test_agenda_filters_stay_inside_their_panel_at_400_percent(zoomed_in_page, demo_server, path):
    page = zoomed_in_page
    page.goto(demo_server + path)
    sticking_out = page.evaluate(
        """() => {
            const panel = document.querySelector('.agenda-filters').getBoundingClientRect();
            const controls = '.agenda-filters :is(label, input, select, button)';
            return [...document.querySelectorAll(controls)]
                .filter(control => control.getBoundingClientRect().right > panel.right + 0.5)
                .map(control => control.id || control.textContent.trim());
        }"""
    )
    assert sticking_out == []


# Print


def _measure_on_a4_paper(page, measure):
    """Lay the page out for a real A4 PDF and return what ``measure`` (a JavaScript function)
    found while it was laid out for paper: the PDF itself cannot be read back."""
    page.evaluate(
        f"""() => {{
            const print = matchMedia('print');
            print.addEventListener('change', () => {{
                if (print.matches) window.measuredOnPaper = ({measure})();
            }});
        }}"""
    )
    page.pdf(format="A4")
    return page.evaluate("window.measuredOnPaper")


@pytest.mark.parametrize("language", SPACES_FOR_HIRE)
def test_the_printed_space_comparison_keeps_every_column(page, demo_server, language):
    page.goto(demo_server + SPACES_FOR_HIRE[language])
    columns = page.locator(".comparison thead th").count()
    assert columns >= 8  # the space, its area, and six layouts down to "Boardroom"
    cut_off = _measure_on_a4_paper(
        page,
        """() => {
            const pageWidth = document.documentElement.clientWidth;
            const frame = document.querySelector('.table-scroll').getBoundingClientRect();
            const right = Math.min(pageWidth, frame.right) + 0.5;
            return [...document.querySelectorAll('.comparison thead th')]
                .filter(heading => heading.getBoundingClientRect().right > right)
                .map(heading => heading.textContent.trim());
        }""",
    )
    assert cut_off == []


@pytest.mark.parametrize("path", [AGENDAS["fr"], CALENDARS["nl"]])
def test_the_agenda_filters_are_not_printed(page, demo_server, path):
    page.goto(demo_server + path)
    assert page.locator(".agenda-filters").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".agenda-filters").is_hidden()


def _open_the_month_with_a_rescheduled_date(page, demo_server):
    """The demo reschedules a workshop two weeks ahead: this month or the next."""
    page.goto(demo_server + CALENDARS["fr"])
    if not page.locator(".agenda-calendar .status--rescheduled").count():
        next_month = page.get_attribute(".agenda-months a[rel='next']", "href")
        page.goto(urljoin(page.url, next_month))
    assert page.locator(".agenda-calendar .status--rescheduled").count()


# Words of a status whose letters are laid out on more than one line.
WORDS_CUT_IN_STATUSES = """() => [...document.querySelectorAll('.agenda-calendar .status')]
  .flatMap(status => {
    const text = status.firstChild;
    return [...text.data.matchAll(/\\S+/g)].filter(word => {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size > 1;
    }).map(word => word[0]);
})"""


def test_calendar_statuses_are_not_cut_inside_a_word_on_paper(page, demo_server):
    _open_the_month_with_a_rescheduled_date(page, demo_server)
    assert _measure_on_a4_paper(page, WORDS_CUT_IN_STATUSES) == []


@pytest.mark.parametrize("width", [800, 1024])
def test_calendar_statuses_are_not_cut_inside_a_word_on_screen(page, demo_server, width):
    """Below 48rem the calendar is a list; just above, its days are as narrow as on paper."""
    page.set_viewport_size({"width": width, "height": 900})
    _open_the_month_with_a_rescheduled_date(page, demo_server)
    assert page.evaluate(WORDS_CUT_IN_STATUSES) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# Forced colours (contrast themes)

# What a contrast theme leaves to the page: its colours and backgrounds are the theme's.
MARKERS = [
    "text-decoration-line",
    "border-top-width",
    "outline-style",
    "outline-width",
    "font-weight",
]


def _markers_of_current_and_other_links(page, links):
    return page.evaluate(
        """([selector, markers]) => {
            const style = (link) => markers.map(
                name => getComputedStyle(link).getPropertyValue(name));
            const all = [...document.querySelectorAll(selector)];
            return {
                current: all.filter(link => link.hasAttribute('aria-current')).map(style),
                others: all.filter(link => !link.hasAttribute('aria-current')).map(style),
            };
        }""",
        [links, MARKERS],
    )


@pytest.mark.parametrize(
    "path,links",
    [
        (AGENDAS["fr"], ".agenda-views a"),
        (CALENDARS["nl"], ".agenda-views a"),
        ("/fr/agenda/archives/", ".agenda-views a"),
        # The visitors' hub, then a page inside it: aria-current "page", then "true".
        ("/fr/visiter/", ".main-nav__audience a"),
        ("/nl/bezoeken/tentoonstellingen/", ".main-nav__audience a"),
    ],
)
def test_the_current_link_stands_out_in_forced_colours(page, demo_server, path, links):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.emulate_media(forced_colors="active")
    page.goto(demo_server + path)
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    found = _markers_of_current_and_other_links(page, links)
    assert len(found["current"]) == 1 and found["others"]
    for other in found["others"]:
        assert found["current"][0] != other, f"{MARKERS} are the same for the current link"


# The agenda map's buttons


@pytest.mark.parametrize("language", AGENDAS)
def test_map_zoom_buttons_speak_the_page_language(page, demo_server, language):
    page.goto(demo_server + AGENDAS[language])
    show_the_map(page)
    page.wait_for_selector(".agenda-map .leaflet-control-zoom-in")
    with translation.override(language):
        expected = {"in": translation.gettext("Zoom in"), "out": translation.gettext("Zoom out")}
    for direction, title in expected.items():
        button = page.locator(f".agenda-map .leaflet-control-zoom-{direction}")
        assert button.get_attribute("title") == title
        assert button.get_attribute("aria-label") == title
    # The titles come from the page, where translators reach them, not from Leaflet.
    canvas = page.locator(".agenda-map__canvas")
    assert canvas.get_attribute("data-zoom-in-label") == expected["in"]
    assert canvas.get_attribute("data-zoom-out-label") == expected["out"]
