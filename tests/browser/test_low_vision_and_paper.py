"""What low-vision visitors see on a phone-sized window (images that never load, larger
text, wider text spacing, a contrast theme) and what a printed page keeps (WCAG 2.2 AA)."""

import pytest

pytestmark = pytest.mark.browser

# A 1280 px wide window at 400% zoom gives the page 320 CSS pixels (WCAG 1.4.10, reflow).
PHONE = {"viewport": {"width": 320, "height": 800}}

SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > document.documentElement.clientWidth"

# The text spacing WCAG 1.4.12 asks a page to survive, as a visitor's style sheet applies it
# (a constructed style sheet: the Content-Security-Policy refuses a <style> element).
WIDER_TEXT_SPACING = """() => {
    const spacing = new CSSStyleSheet();
    spacing.replaceSync(`
        * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
            word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, spacing];
}"""

# A browser's default text size raised to 24 px. The root element's size stands in for the
# browser setting: rem-based media queries stay at 16 px, which changes nothing at 320 px.
LARGER_TEXT = "document.documentElement.style.fontSize = '24px'"

EXHIBITIONS = ["/fr/visiter/expositions/", "/nl/bezoeken/tentoonstellingen/"]


@pytest.fixture
def phone_page(browser):
    phone = browser.new_context(**PHONE)
    yield phone.new_page()
    phone.close()


# Reflow


@pytest.mark.parametrize("path", ["/fr/", "/nl/", "/fr/visiter/", "/nl/leerkrachten/"])
def test_the_hero_fits_a_phone_when_its_image_does_not_load(phone_page, demo_server, path):
    """The text over a hero image must not run off the screen while the image loads, or
    when it never does (a slow network, images turned off)."""
    phone_page.route("**/media/**", lambda route: route.abort())
    assert phone_page.goto(demo_server + path).status == 200
    assert phone_page.locator(".hero--with-image").count()
    assert not phone_page.evaluate(SCROLLS_SIDEWAYS)


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",  # the footer
        "/nl/bezoeken/",  # an opening-hours block with the coming week
        "/fr/visiter/infos-pratiques/",
        "/nl/zoeken/?q=wetenschap",  # the search form
    ],
)
def test_pages_fit_a_phone_with_larger_text(phone_page, demo_server, path):
    assert phone_page.goto(demo_server + path).status == 200
    phone_page.evaluate(LARGER_TEXT)
    assert not phone_page.evaluate(SCROLLS_SIDEWAYS)


# Labels of the exhibition facts ("Wanneer:") laid out on more than one line.
LABELS_CUT = """() => [...document.querySelectorAll('.exhibition-facts dt')].filter(label => {
    const range = document.createRange();
    range.selectNodeContents(label);
    return new Set([...range.getClientRects()].map(box => Math.round(box.top))).size > 1;
}).map(label => label.textContent.trim())"""


@pytest.mark.parametrize("path", EXHIBITIONS)
def test_exhibitions_fit_a_phone_with_wider_text_spacing(phone_page, demo_server, path):
    phone_page.goto(demo_server + path)
    phone_page.evaluate(WIDER_TEXT_SPACING)
    assert not phone_page.evaluate(SCROLLS_SIDEWAYS)
    assert phone_page.evaluate(LABELS_CUT) == []
    phone_page.evaluate(LARGER_TEXT)
    assert not phone_page.evaluate(SCROLLS_SIDEWAYS)


# Forced colours (contrast themes)


def test_the_menu_button_keeps_its_icon_in_forced_colours(phone_page, demo_server):
    """A contrast theme drops backgrounds and shadows: the three bars are borders."""
    phone_page.emulate_media(forced_colors="active")
    phone_page.goto(demo_server + "/fr/")
    icon = phone_page.evaluate(
        """() => {
            const button = document.querySelector('.site-menu > summary');
            const icon = getComputedStyle(button, '::before');
            return {top: [icon.borderTopStyle, parseFloat(icon.borderTopWidth)],
                    bottom: [icon.borderBottomStyle, parseFloat(icon.borderBottomWidth)]};
        }"""
    )
    assert icon["top"][0] == "double" and icon["top"][1] >= 3  # two bars
    assert icon["bottom"][0] == "solid" and icon["bottom"][1] >= 1


# Print


@pytest.mark.parametrize(
    "path,controls",
    [
        ("/fr/agenda/calendrier/", [".breadcrumbs", ".agenda-views", ".agenda-months"]),
        ("/fr/agenda/", [".agenda-views", ".agenda-subscribe"]),
        ("/fr/enseignants/activites-scolaires/atelier-chimie-des-couleurs/", [".detail__actions"]),
        ("/nl/evenement-organiseren/zalen-te-huur/seminariezaal-newton/", [".detail__actions"]),
        ("/nl/bezoeken/praktische-info/", [".practical__toc"]),
        ("/fr/visiter/expositions/", [".listing-filters"]),
        ("/fr/visiter/", [".filter-links"]),
        ("/fr/declarations/toronto-2008/", [".declaration__series"]),
    ],
)
def test_screen_only_controls_are_not_printed(page, demo_server, path, controls):
    page.goto(demo_server + path)
    for control in controls:
        assert page.locator(control).first.is_visible(), control
    page.emulate_media(media="print")
    for control in controls:
        assert page.locator(control).first.is_hidden(), control


def test_printed_links_show_their_address(page, demo_server):
    page.goto(demo_server + "/nl/bezoeken/praktische-info/")
    page.emulate_media(media="print")
    printed = page.evaluate(
        """() => {
            const after = link => getComputedStyle(link, '::after');
            const elsewhere = document.querySelector('main a:not(.breadcrumbs a, [href^="#"])');
            return {
                address: elsewhere.getAttribute('href'),
                after: after(elsewhere).content,
                inPage: after(document.querySelector('main a[href^="#"]')).content,
            };
        }"""
    )
    assert printed["address"] in printed["after"]
    assert printed["inPage"] == "none"
