"""A refused endorsement shows the core's error summary, in the page's language.

The summary is what keyboard and screen reader users land on after sending the
form: it must speak the visitor's language, link every error to its field (the
consent checkbox included), and never point anyone at the robot trap.
"""

import re
from urllib.parse import urlsplit

import pytest

from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

MECHELEN = "declarations-mechelen-2014"

#: The consent checkbox's error, as visitors read it in each language.
CONSENT_ERRORS = {
    "fr": "Veuillez accepter la publication",
    "nl": "Ga akkoord met de publicatie",
    "en": "Please agree to the publication",
}
#: The summary's heading in each language.
HEADINGS = {
    "fr": "Votre soutien n’a pas encore été envoyé",
    "nl": "Je steunbetuiging is nog niet verstuurd",
    "en": "Your endorsement has not been sent yet",
}


def form_address(language):
    declaration = demo_page(MECHELEN, language)
    return urlsplit(declaration.get_url()).path + declaration.reverse_subpage("endorse")


def summary_of(html):
    """The error summary's markup: the block that takes the focus."""
    found = re.search(r'<div class="form-summary".*?</div>', html, re.S)
    assert found, "no error summary"
    return found[0]


def send_empty_form(client, language, **fields):
    response = client.post(form_address(language), {"extra_info": "", **fields})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_an_empty_endorsement_lists_each_error_in_the_pages_language(client, language):
    endorsements = Endorsement.objects.count()
    html = send_empty_form(client, language)
    summary = summary_of(html)
    assert 'tabindex="-1" autofocus' in summary
    assert CONSENT_ERRORS[language] in summary
    links = re.findall(r'<a href="#([^"]+)"', summary)
    assert set(links) == {
        "id_organisation",
        "id_country",
        "id_contact_name",
        "id_email",
        "id_consent",
    }
    for field_id in links:
        assert f'id="{field_id}"' in html, f"the summary links to a missing field: {field_id}"
    assert "Please correct what is marked below." not in html
    assert Endorsement.objects.count() == endorsements


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_the_summary_is_headed_in_the_pages_language(client, language):
    summary = summary_of(send_empty_form(client, language))
    heading = re.search(r"<h2[^>]*>(.*?)</h2>", summary, re.S)[1]
    assert heading.strip() == HEADINGS[language]


def test_the_robot_trap_is_never_listed(client):
    # A null character is refused by every text field: the trap then has an error too.
    html = send_empty_form(client, "en", extra_info="\x00")
    summary = summary_of(html)
    assert "id_extra_info" not in summary
    assert "Leave this field empty" not in summary
    assert "Null characters are not allowed" not in summary
    assert 'href="#id_consent"' in summary
