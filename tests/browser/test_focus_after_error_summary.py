"""After following a link of the error summary, sending again starts from the summary again.

A form that posted back to the address shown would carry the summary link's
``#fragment`` along: Chromium then opens the next page at that field, skips the
summary's autofocus and scrolls the list of what to correct out of sight; the
thank-you page would keep the fragment too.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import VENUES, a_tuesday

pytestmark = pytest.mark.browser


def send_again_from_a_summary_link(page):
    """Send the form, follow the summary's first link, then send the form again."""
    submit = page.locator(".enquiry-form button[type=submit]")
    with page.expect_navigation():
        submit.click()
    page.locator(".form-summary a").first.click()
    assert "#id_" in page.url
    with page.expect_navigation():
        submit.click()


def test_the_summary_takes_the_focus_again_after_one_of_its_links(page, demo_server):
    page.goto(demo_server + VENUES["fr"] + "devis/")
    send_again_from_a_summary_link(page)
    expect(page.locator(".form-summary")).to_be_focused()
    assert "#" not in page.url


def test_the_thank_you_page_opens_at_its_top(page, demo_server):
    page.goto(demo_server + VENUES["en"] + "quote/")
    send_again_from_a_summary_link(page)
    page.locator("#id_organisation").fill("Focus Test Society")
    page.locator("#id_contact_name").fill("Lena Maes")
    page.locator("#id_email").fill("lena@society.example")
    page.locator("#id_event_type").select_option("meeting")
    page.locator("#id_event_date").fill(a_tuesday(9))
    page.locator("#id_guests").fill("20")
    page.locator("input[name=spaces]").first.check()
    with page.expect_navigation():
        page.locator(".enquiry-form button[type=submit]").click()
    expect(page.locator(".confirmation")).to_be_visible()
    assert "#" not in page.url
