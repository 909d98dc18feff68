"""A refused endorsement, as a keyboard or screen reader user meets it in Chromium.

After sending the form empty, the visitor must land on the summary of what to
correct, in the page's language, and reach each field from it: the consent
checkbox included, the robot trap never.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

#: The French endorsement form of the Mechelen declaration, as the demo spells it.
MALINES_FORM = "/fr/declarations/malines-2014/signer/"


def linked_ids(summary):
    """The ids the summary's links point to, in order."""
    hrefs = summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(href.startswith("#") for href in hrefs), hrefs
    return [href[1:] for href in hrefs]


def test_an_empty_endorsement_brings_the_focus_to_the_summary(page, demo_server):
    page.goto(demo_server + MALINES_FORM)
    page.locator("form.endorse__form button[type=submit]").click()
    page.wait_for_load_state("load")

    summary = page.locator(".form-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Veuillez accepter la publication")

    ids = linked_ids(summary)
    assert "id_consent" in ids
    assert "id_extra_info" not in ids
    for field_id in ids:
        expect(page.locator(f"form.endorse__form [id='{field_id}']")).to_have_count(1)

    # The link takes the visitor straight to the checkbox left unticked.
    summary.locator("a[href='#id_consent']").click()
    expect(page.locator("#id_consent")).to_be_focused()

    # Whoever lands on the summary hears first, in French, that nothing was sent.
    expect(summary.get_by_role("heading", level=2)).to_have_text(
        "Votre soutien n’a pas encore été envoyé"
    )
