"""Card pictures: the browser picks the smallest size that fills what it shows.

A ``sizes`` attribute wider than the picture shows makes the browser fetch a larger file
than needed (the home page's audience pictures came at 2.7 times their width); one
narrower makes it blurry.
"""

import pytest

pytestmark = pytest.mark.browser

PAGES = ("/fr/", "/fr/visiter/expositions/", "/fr/enseignants/activites-scolaires/")
CARD_PICTURES = ".audience-chooser__image, .card__image, .listing-card__image"

CHOSEN = """(selector) => Array.from(document.querySelectorAll(selector)).map((img) => {
    const candidates = img.srcset.split(",").map((c) => c.trim().split(" "));
    const chosen = candidates.find(([url]) => new URL(url, location.href).href === img.currentSrc);
    return {
        shown: img.getBoundingClientRect().width * window.devicePixelRatio,
        chosen: chosen ? parseInt(chosen[1], 10) : 0,
        candidates: candidates.map(([, width]) => parseInt(width, 10)),
        sizes: img.sizes,
        viewport: window.innerWidth,
    };
})"""


def expected_width(shown, candidates):
    """The smallest candidate at least as wide as shown, else the widest."""
    wide_enough = [width for width in candidates if width >= shown]
    return min(wide_enough) if wide_enough else max(candidates)


@pytest.mark.parametrize("viewport", [(375, 812), (800, 1000), (1366, 900)])
def test_the_browser_picks_the_size_cards_show(page, demo_server, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    for path in PAGES:
        page.goto(demo_server + path)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        pictures = page.evaluate(CHOSEN, CARD_PICTURES)
        assert pictures, path
        for picture in pictures:
            if not picture["chosen"]:
                continue  # not loaded yet (lazy, off screen)
            expected = expected_width(picture["shown"], picture["candidates"])
            assert picture["chosen"] == expected, (path, viewport, picture)
