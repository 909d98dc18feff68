"""Switching language on a declaration: the e-mailed link keeps working, the endorsers'
list keeps its page."""

import re
from html import unescape

import pytest
from django.core import mail

from csti_cms.plugins.declarations.models import Endorsement
from csti_cms.plugins.declarations.views import ENDORSERS_PER_PAGE
from tests.conftest import demo_page
from tests.core.helpers import absolute, head_links

from .helpers import FORM, MECHELEN, endorse, link_in, make_endorsement, path_of

pytestmark = pytest.mark.django_db

SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="([a-z]{2})"')
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def switcher(html):
    return {code: unescape(url) for url, code in SWITCHER_LINK.findall(html)}


def test_switching_language_on_the_confirmation_page_keeps_the_link_valid(client):
    endorse(client, demo_page(MECHELEN, "fr"))
    shown = client.get(path_of(link_in(mail.outbox[0])))
    assert shown.status_code == 200

    dutch = switcher(shown.content.decode())["nl"]
    assert dutch.startswith(demo_page(MECHELEN, "nl").url + "bevestigen/?token=")
    alternates = dict(HREFLANG.findall(unescape(shown.content.decode())))
    assert alternates["nl"] == f"http://testserver{dutch}"

    followed = client.get(dutch)
    html = followed.content.decode()
    assert followed.status_code == 200
    assert 'name="token"' in html and "Steunbetuiging bevestigen" in html
    token = re.search(r'name="token" value="([^"]+)"', html)[1]
    confirmed = client.post(demo_page(MECHELEN, "nl").url + "bevestigen/", {"token": token})
    assert confirmed.status_code == 200
    endorsement = Endorsement.objects.get(organisation=FORM["organisation"])
    assert endorsement.confirmed_at is not None and endorsement.language == "fr"

    # Switching once confirmed says so in the other language, rather than "invalid link".
    again = client.get(switcher(confirmed.content.decode())["fr"])
    assert again.status_code == 200 and "déjà confirmé" in again.content.decode()


def test_other_views_of_a_declaration_carry_no_token(client):
    page = demo_page(MECHELEN, "fr")
    html = client.get(page.url + "signer/?token=abc").content.decode()
    assert switcher(html)["nl"] == demo_page(MECHELEN, "nl").url + "ondertekenen/"


def test_switching_language_on_a_page_of_endorsers_stays_on_that_page(client):
    """Switching on page 2 of endorsers landed on page 1: the switcher dropped the page.

    Endorsements are listed alike in every language, so page 2 is page 2 everywhere. The
    ``hreflang`` alternates and the canonical address stay the declaration's own.
    """
    french, dutch = demo_page(MECHELEN, "fr"), demo_page(MECHELEN, "nl")
    for number in range(ENDORSERS_PER_PAGE + 5):
        make_endorsement(french, f"Science Centre {number:03d}")
    shown = head_links(client, f"{french.url}?endorsers=2&utm_source=newsletter")

    assert shown["switcher"]["nl"] == f"{dutch.url}?endorsers=2", "no campaign tag carried"
    assert shown["alternates"]["nl"] == absolute(dutch.url), "search engines file page 1"
    assert shown["canonical"] == absolute(french.url)
    followed = client.get(shown["switcher"]["nl"]).content.decode()
    assert 'aria-current="page">2<' in followed and "Science Centre 104" in followed

    first = head_links(client, f"{french.url}?endorsers=1")
    assert first["switcher"]["nl"] == dutch.url, "page 1 is the declaration's own address"
