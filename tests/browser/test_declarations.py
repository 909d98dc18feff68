"""Endorsing a declaration end to end in a real Chromium, and the plugins' pages with axe.

The endorsement test runs its own demo server, whose e-mail goes to files (see
tests/plugins_builtin/mail_settings.py): the visitor's part runs without
JavaScript, the editor's in the admin.
"""

import email
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from email import policy
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ROOT, _free_port, _manage, _wait_until_up

pytestmark = pytest.mark.browser

MEMBERSHIPS = {"fr": "/fr/affiliations/", "nl": "/nl/lidmaatschappen/", "en": "/en/memberships/"}
TIMELINES = {"fr": "/fr/declarations/", "nl": "/nl/verklaringen/", "en": "/en/declarations/"}
MECHELEN = "/en/declarations/mechelen-2014/"


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_memberships_and_declarations_are_accessible(page, demo_server, axe_violations, language):
    page.goto(demo_server + MEMBERSHIPS[language])
    expect(page.locator("h3", has_text="ASTC")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(demo_server + TIMELINES[language])
    expect(page.locator(".declaration-timeline__item")).to_have_count(3)
    assert axe_violations(page) == []
    page.locator(".declaration-card__title a").last.click()
    expect(page.locator("#endorse")).to_be_visible()
    assert axe_violations(page) == []
    page.locator("#endorse a.button").click()
    expect(page.locator("form.endorse__form")).to_be_visible()
    assert axe_violations(page) == [], "endorsement form"
    page.locator("form.endorse__form button[type=submit]").click()
    expect(page.locator(".form-summary")).to_be_visible()
    assert axe_violations(page) == [], "endorsement form with errors"


@pytest.fixture(scope="module")
def mail_server(demo_env):
    """A demo server whose e-mail lands in a folder, and an editor's login on it."""
    data_dir = tempfile.mkdtemp(prefix="csti-browser-mail-")
    mail_dir = Path(data_dir) / "mail"
    port = _free_port()
    password = secrets.token_urlsafe(12)
    env = {
        **demo_env,
        "DJANGO_SETTINGS_MODULE": "tests.plugins_builtin.mail_settings",
        "CSTI_DATA_DIR": data_dir,
        "CSTI_TEST_MAIL_DIR": str(mail_dir),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DEMO_ADMIN_PASSWORD": password,
    }
    _manage(env, "migrate", "--no-input")
    _manage(env, "load_demo_content")
    _manage(env, "ensure_demo_admin", "--username", "moderator")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base_url}/robots.txt", process)
        yield base_url, mail_dir, ("moderator", password)
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(data_dir, ignore_errors=True)


def confirmation_link(mail_dir, recipient):
    for path in sorted(mail_dir.glob("*.log")):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not raw.strip():
                continue
            message = email.message_from_bytes(raw, policy=policy.default)
            if recipient in message["To"]:
                body = message.get_body(preferencelist=("plain",)).get_content()
                return re.search(r"https?://\S+/confirm/\?token=\S+", body)[0]
    raise AssertionError(f"no e-mail to {recipient} in {mail_dir}")


def public_count(page):
    return int(page.locator(".endorsements__count").get_attribute("data-count"))


def test_an_organisation_endorses_a_declaration_end_to_end(browser, mail_server):
    base_url, mail_dir, (username, password) = mail_server
    organisation = f"Hypothèse Lab {secrets.token_hex(3)}"
    contact = f"lab-{secrets.token_hex(3)}@example.org"

    # The visitor, without JavaScript: the form, then the link from the e-mail.
    visitor = browser.new_context(java_script_enabled=False)
    page = visitor.new_page()
    page.goto(base_url + TIMELINES["en"])
    page.get_by_role("link", name="Mechelen Declaration").click()
    page.wait_for_url(base_url + MECHELEN)
    before = public_count(page)
    page.get_by_role("link", name="Endorse on behalf of my organisation").click()
    page.get_by_label("Organisation:", exact=True).fill(organisation)
    page.get_by_label("Country:", exact=True).fill("Belgium")
    page.get_by_label("Contact name:", exact=True).fill("Noor Peeters")
    page.get_by_label("E-mail:", exact=True).fill(contact)
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Endorse").click()
    expect(page.get_by_role("heading", name="Thank you for your endorsement")).to_be_visible()

    page.goto(confirmation_link(mail_dir, contact))
    page.get_by_role("button", name="Confirm the endorsement").click()
    expect(page.get_by_role("heading", name="Endorsement confirmed")).to_be_visible()
    page.goto(base_url + MECHELEN)
    assert public_count(page) == before, "not public before an editor approves it"

    # The editor approves it in the admin.
    editor = browser.new_context()
    admin = editor.new_page()
    admin.goto(f"{base_url}/admin/login/")
    admin.fill("input[name=username]", username)
    admin.fill("input[name=password]", password)
    admin.locator("form button[type=submit]").click()
    admin.wait_for_url(f"{base_url}/admin/")
    admin.goto(f"{base_url}/admin/endorsements/?status=pending&confirmed=true")
    admin.get_by_role("link", name=organisation).click()
    admin.select_option("select[name=status]", "approved")
    admin.locator("#w-editor-form button[type=submit]").click()
    admin.wait_for_url(re.compile(r".*/admin/endorsements/$"))

    page.goto(base_url + MECHELEN)
    assert public_count(page) == before + 1
    expect(page.locator(".endorsements__list", has_text=organisation)).to_be_visible()
    visitor.close()
    editor.close()
