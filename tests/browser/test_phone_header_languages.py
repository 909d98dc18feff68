"""On a phone, the header's language links stay on one line, and the page never scrolls sideways."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 320, 390])
@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_language_links_sit_on_one_line_on_phones(page, demo_server, width, language):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{demo_server}/{language}/")
    boxes = [
        page.locator(".language-switcher li > *").nth(index).bounding_box()
        for index in range(page.locator(".language-switcher li > *").count())
    ]
    assert len(boxes) == 3
    assert len({round(box["y"]) for box in boxes}) == 1, f"languages wrap at {width}px: {boxes}"
    assert len({round(box["height"]) for box in boxes}) == 1, f"a name wraps at {width}px: {boxes}"
    menu_button = page.locator(".site-menu > summary").bounding_box()
    assert menu_button["y"] < boxes[0]["y"] + boxes[0]["height"], "the menu button went down"
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"the page scrolls sideways at {width}px ({scroll_width}px)"
