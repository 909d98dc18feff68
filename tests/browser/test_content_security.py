"""The Content-Security-Policy in a real Chromium: the theme works within it, the map too."""

import pytest

from tests.browser.conftest import show_the_map

pytestmark = pytest.mark.browser

#: Records the violations the browser reports, should one not reach the console.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def watched_page(page):
    """The browser page, with the console messages and policy violations it reports."""
    page.console_messages = []
    page.on("console", lambda message: page.console_messages.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    return page


def policy_complaints(page):
    """What the browser said about the Content-Security-Policy on the page."""
    page.wait_for_load_state("networkidle")
    said = [text for text in page.console_messages if "Content Security Policy" in text]
    return said + page.evaluate("window.cspViolations")


@pytest.mark.parametrize("path", ["/fr/", "/nl/", "/en/"])
def test_the_home_page_keeps_to_the_policy(watched_page, demo_server, path):
    response = watched_page.goto(demo_server + path)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The branding colours reach the page: the inline style is allowed by its hash.
    primary = watched_page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--brand-primary')"
    )
    assert primary.strip().startswith("#")
    assert policy_complaints(watched_page) == []


def test_the_agenda_map_keeps_to_the_policy(watched_page, demo_server):
    response = watched_page.goto(demo_server + "/en/whats-on/")
    assert "img-src" in response.headers["content-security-policy"]
    show_the_map(watched_page)
    watched_page.wait_for_selector(".agenda-map .leaflet-marker-icon")
    assert watched_page.locator(".leaflet-tile").count() > 0
    assert policy_complaints(watched_page) == []
