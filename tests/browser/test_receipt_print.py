"""The receipt after a booking: its "Print this page" button prints, shows only where it can,
and the printed page keeps the reference and the answers, without the button."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import fill_in_a_booking

pytestmark = pytest.mark.browser


def send_a_booking(page, demo_server):
    fill_in_a_booking(
        page,
        demo_server,
        school="Receipt Primary School",
        town="Ciney",
        teacher="Marc Lenoir",
        email="marc.lenoir@school.example",
        phone="+32 83 22 33 44",
        pupils=20,
        adults=2,
    )
    expect(page.locator("h1")).to_have_text("Thank you, your booking request has been sent")


def test_the_print_button_prints_the_receipt_and_is_not_printed(page, demo_server):
    send_a_booking(page, demo_server)
    button = page.get_by_role("button", name="Print this page")
    expect(button).to_be_visible()
    # Headless Chromium has no print dialogue: count the calls instead.
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button.click()
    assert page.evaluate("window.printed") == 1

    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(page.locator(".receipt__reference")).to_be_visible()
    expect(page.locator(".receipt__reference")).to_contain_text("B-")
    expect(page.locator(".receipt .facts")).to_contain_text("Receipt Primary School")
    expect(page.locator(".breadcrumbs")).to_be_hidden()


def test_without_javascript_the_button_that_cannot_print_is_not_shown(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    send_a_booking(tab, demo_server)
    expect(tab.locator(".receipt__reference")).to_be_visible()
    expect(tab.locator("[data-print-page]")).to_be_hidden()
    context.close()
