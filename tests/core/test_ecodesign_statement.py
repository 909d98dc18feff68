"""A centre may link every page's footer to its eco-design statement, as French public bodies
do against the RGESN and many European centres do of their own accord: in the visitor's
language, only once chosen, at no cost in queries, and suggested (not required) before launch."""

import pytest

from csti_cms.core.models import ContactSettings
from tests.conftest import LANGUAGES, demo_page
from tests.core.test_accessibility_statement import change_contact, contact_settings
from tests.core.test_launch_checklist import checklist, settings_address
from tests.core.test_legal_pages import html_of, legal_link_parts, legal_links

pytestmark = pytest.mark.django_db

#: The footer's label, in each language (the French and Dutch ones come from the catalogues).
LABEL = {
    "fr": "Déclaration d’écoconception",
    "nl": "Ecodesignverklaring",
    "en": "Eco-design statement",
}


def footer_links(client, language="en"):
    """``{label: address}`` of the footer's legal links on a demo page."""
    return legal_links(html_of(client, demo_page("about", language).url))


def test_the_demo_chooses_its_statement():
    assert contact_settings().ecodesign_statement_page_id == demo_page("ecodesign-statement").pk


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_statement_is_published_in_every_language(client, language):
    statement = demo_page("ecodesign-statement", language)
    html = html_of(client, statement.url)
    assert "RGESN" in html
    assert "info@curiosa.example" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_footer_links_each_language_to_its_own_statement(client, language):
    """The French and Dutch labels need the compiled catalogues."""
    links = footer_links(client, language)
    assert links[LABEL[language]] == demo_page("ecodesign-statement", language).url


def test_the_statement_comes_after_the_other_legal_links(client):
    assert list(footer_links(client)) == ["Privacy policy", "Legal notice", LABEL["en"]]


def test_without_a_statement_the_footer_has_no_link_to_one(client):
    change_contact(ecodesign_statement_page=None)
    assert list(footer_links(client)) == ["Privacy policy", "Legal notice"]


def test_a_statement_unpublished_in_one_language_links_to_another_and_says_so(client):
    demo_page("ecodesign-statement", "en").unpublish()
    html = html_of(client, demo_page("about", "en").url)
    statement = demo_page("ecodesign-statement", "fr").url
    assert (statement, "fr", f"{LABEL['en']} (in French)") in legal_link_parts(html)


def test_a_statement_alone_is_linked_in_the_legal_navigation(client):
    change_contact(privacy_page=None, legal_notice_page=None)
    assert footer_links(client) == {LABEL["en"]: demo_page("ecodesign-statement", "en").url}


def test_deleting_the_chosen_statement_keeps_its_translations_linked(client):
    demo_page("ecodesign-statement", "fr").delete()
    assert (
        contact_settings().ecodesign_statement_page_id == demo_page("ecodesign-statement", "nl").pk
    )
    assert footer_links(client)[LABEL["en"]] == demo_page("ecodesign-statement", "en").url


def test_a_missing_statement_is_suggested_after_the_gaps(english_admin_client):
    change_contact(ecodesign_statement_page=None, email="")
    texts = [text for text, _link in checklist(english_admin_client)]
    assert [text.split(":")[0] for text in texts] == ["No contact e-mail address", "Optional"]
    assert "RGESN" in texts[1]
    assert [link for _text, link in checklist(english_admin_client)] == [
        settings_address(ContactSettings)
    ] * 2


def test_a_missing_statement_alone_keeps_no_checklist_on_the_dashboard(english_admin_client):
    """It is advice, not a gap: a centre that does without one is not reminded for ever."""
    change_contact(ecodesign_statement_page=None)
    assert checklist(english_admin_client) == []


def test_a_statement_unpublished_everywhere_is_suggested(english_admin_client):
    change_contact(email="")
    for language in LANGUAGES:
        demo_page("ecodesign-statement", language).unpublish()
    texts = [text for text, _link in checklist(english_admin_client)]
    assert texts[-1].startswith("Optional: no eco-design statement is chosen")


def test_the_settings_say_what_the_statement_is_for(english_admin_client):
    html = english_admin_client.get(settings_address(ContactSettings)).content.decode()
    assert 'name="ecodesign_statement_page"' in html
    assert "French public bodies publish one against the RGESN" in html
