"""The teacher and venue-hire paths in a real Chromium: accessible, filterable with and without
JavaScript, and their requests reach the admin."""

import secrets
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, url_with
from tests.browser.helpers import VENUES, a_tuesday, fill_in_a_booking

pytestmark = pytest.mark.browser

SCHOOLS = {
    "fr": "/fr/enseignants/activites-scolaires/",
    "nl": "/nl/leerkrachten/schoolactiviteiten/",
    "en": "/en/teachers/school-activities/",
}


@pytest.fixture(scope="module")
def admin_login(demo_env):
    """A superuser on the demo server's own database."""
    password = secrets.token_urlsafe(12)
    subprocess.run(
        [sys.executable, "manage.py", "ensure_demo_admin", "--username", "editor"],
        cwd=ROOT,
        env={**demo_env, "DEMO_ADMIN_PASSWORD": password},
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=120,
    )
    return "editor", password


def log_in(page, demo_server, admin_login):
    username, password = admin_login
    page.goto(f"{demo_server}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{demo_server}/admin/")


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_pages_and_forms_are_accessible(page, demo_server, axe_violations, language):
    page.goto(demo_server + SCHOOLS[language])
    assert page.get_attribute("html", "lang") == language
    assert axe_violations(page) == [], "activity listing"
    page.locator(".listing-card__title a").first.click()
    assert axe_violations(page) == [], "activity page"
    page.locator(".detail__actions a.button").click()
    assert axe_violations(page) == [], "booking form"
    page.locator(".enquiry-form button[type=submit]").click()
    expect(page.locator(".form-summary")).to_be_visible()
    # The teacher starts again from the list of what to correct.
    expect(page.locator(".form-summary")).to_be_focused()
    assert axe_violations(page) == [], "booking form with errors"

    page.goto(demo_server + VENUES[language])
    assert axe_violations(page) == [], "venue comparison"
    page.locator(".listing-card__title a").first.click()
    assert axe_violations(page) == [], "space page"
    page.locator(".detail__actions a.button").first.click()
    assert axe_violations(page) == [], "quote form"
    page.locator(".enquiry-form button[type=submit]").click()
    expect(page.locator(".form-summary")).to_be_visible()
    assert axe_violations(page) == [], "quote form with errors"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_listing_filters_work_with_and_without_javascript(browser, demo_server, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(demo_server + SCHOOLS["en"])
    everything = page.locator(".listing-card").count()
    page.get_by_label("Class level").select_option(label="Primary year 3")
    page.get_by_role("combobox", name="Language").select_option("nl")
    page.get_by_role("button", name="Show activities").click()
    page.wait_for_url(url_with("level=", "language=nl"))
    titles = page.locator(".listing-card__title").all_inner_texts()
    assert 0 < len(titles) < everything
    assert "Workshop: the chemistry of colour" in titles
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(demo_server + SCHOOLS["en"])
    page.get_by_label("Type of activity").select_option("show")
    page.get_by_label("Duration").select_option("short")
    page.get_by_role("button", name="Show activities").click()
    page.wait_for_url(url_with("type=show", "duration=short"))
    expect(page.locator(".listing-card__title")).to_have_text(
        ["Show: a journey through the solar system"]
    )

    page.goto(demo_server + VENUES["en"])
    page.get_by_label("Number of guests").fill("100")
    page.get_by_label("Layout").select_option("banquet")
    page.get_by_role("button", name="Show spaces").click()
    page.wait_for_url(url_with("guests=100", "layout=banquet"))
    expect(page.locator(".listing-card__title")).to_have_text(["Discovery atrium"])
    expect(page.locator("table.comparison tbody tr")).to_have_count(1)
    context.close()


def test_a_booking_refused_then_sent_reaches_the_admin(page, demo_server, admin_login):
    fill_in_a_booking(
        page,
        demo_server,
        school="Browser Primary School",
        town="Dinant",
        teacher="Anna Peeters",
        email="anna.peeters@school.example",
        phone="+32 81 22 33 44",
        pupils=40,
        adults=3,
    )
    expect(page.locator(".form-summary")).to_contain_text("at most 25 pupils")
    expect(page.get_by_label("Number of pupils")).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Number of pupils").fill("24")
    page.get_by_role("button", name="Send my booking request").click()
    expect(page.locator("h1")).to_have_text("Thank you, your booking request has been sent")

    log_in(page, demo_server, admin_login)
    page.goto(f"{demo_server}/admin/booking_requests/")
    row = page.locator("tr", has_text="Browser Primary School")
    expect(row).to_have_count(1)
    # Booked in English, listed under the activity's name in the centre's language, French.
    expect(row).to_contain_text("Atelier\u00a0: la chimie des couleurs")


def test_a_quote_request_reaches_the_admin(page, demo_server, admin_login):
    page.goto(demo_server + VENUES["nl"])
    page.locator(".listing-card__title a", has_text="Seminariezaal Newton").click()
    page.locator(".detail__actions a.button").first.click()
    expect(page.locator("input[name=spaces]:checked")).to_have_count(1)
    page.locator("#id_organisation").fill("Vereniging Browsertest")
    page.locator("#id_contact_name").fill("Jan Willems")
    page.locator("#id_email").fill("jan@vereniging.example")
    page.locator("#id_event_type").select_option("meeting")
    page.locator("#id_event_date").fill(a_tuesday(8))
    page.locator("#id_guests").fill("20")
    page.locator("#id_layout").select_option("boardroom")
    page.locator("input[name=catering][value=lunch]").check()
    page.locator(".enquiry-form button[type=submit]").click()
    expect(page.locator(".confirmation")).to_be_visible()

    log_in(page, demo_server, admin_login)
    page.goto(f"{demo_server}/admin/quote_requests/")
    expect(page.locator("tr", has_text="Vereniging Browsertest")).to_have_count(1)
