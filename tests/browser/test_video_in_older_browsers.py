"""The video block in browsers older than the Chromium of the other tests: without
Element.replaceChildren (Safari before 14, Chrome before 86) and without CSS aspect-ratio
(Firefox before 89, Safari before 15), the Play button still plays a player of the video's
shape. Chromium stands in for them with the missing parts taken away."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_video_block_privacy import is_outside, video_page  # noqa: F401

pytestmark = pytest.mark.browser

WITHOUT_REPLACE_CHILDREN = "delete Element.prototype.replaceChildren;"

#: video-player.js asks CSS.supports() whether the browser knows aspect-ratio.
WITHOUT_ASPECT_RATIO_SUPPORT = """
const supports = CSS.supports.bind(CSS);
CSS.supports = (...asked) => !String(asked[0]).includes("aspect-ratio") && supports(...asked);
"""

#: What a browser without aspect-ratio lays out: the property ignored, and the style sheet's
#: @supports not (aspect-ratio: 1) rules applied (a constructed style sheet: the
#: Content-Security-Policy refuses a <style> element).
LAY_OUT_WITHOUT_ASPECT_RATIO = """() => {
    const fallback = [];
    for (const sheet of document.styleSheets) {
        for (const rule of sheet.cssRules) {
            const forOlder = rule.conditionText && rule.conditionText.includes("not (aspect-ratio");
            if (rule instanceof CSSSupportsRule && forOlder) {
                fallback.push(...Array.from(rule.cssRules, inner => inner.cssText));
            }
        }
    }
    const old = new CSSStyleSheet();
    old.replaceSync("* { aspect-ratio: auto !important; }\\n" + fallback.join("\\n"));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, old];
    return fallback.length;
}"""


@pytest.fixture
def older_browser_tab(browser):
    """A tab whose scripts see no replaceChildren and a CSS without aspect-ratio."""
    older = browser.new_context()
    older.add_init_script(WITHOUT_REPLACE_CHILDREN + WITHOUT_ASPECT_RATIO_SUPPORT)
    older.route(is_outside, lambda route: route.abort())
    tab = older.new_page()
    yield tab
    older.close()


def test_play_shows_the_player_without_replace_children(older_browser_tab, video_page):  # noqa: F811
    errors = []
    older_browser_tab.on("pageerror", lambda error: errors.append(str(error)))
    older_browser_tab.goto(video_page)
    older_browser_tab.get_by_role("button", name=re.compile("Play video")).click()
    player = older_browser_tab.locator(".block-video__player iframe")
    expect(player).to_have_count(1)
    expect(player).to_be_focused()
    expect(older_browser_tab.locator(".block-video__start")).to_have_count(0)
    assert errors == []


def test_the_player_keeps_the_videos_shape_without_aspect_ratio(older_browser_tab, video_page):  # noqa: F811
    older_browser_tab.goto(video_page)
    assert older_browser_tab.evaluate(LAY_OUT_WITHOUT_ASPECT_RATIO) > 0
    older_browser_tab.get_by_role("button", name=re.compile("Play video")).click()
    box = older_browser_tab.locator(".block-video__player iframe").bounding_box()
    # The demo's video is 200 × 113, not 16:9: its own shape, not the default's.
    assert box["width"] > 200
    assert box["height"] == pytest.approx(box["width"] * 113 / 200, abs=1)
