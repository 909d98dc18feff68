"""Every page and form leads to the centre's privacy policy and legal notice, and every page
to its eco-design statement, in its language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from tests.conftest import demo_page
from tests.schools.helpers import booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

LEGAL_NAV = re.compile(r'<nav class="site-footer__legal"[^>]*>(.*?)</nav>', re.S)


def legal_links(html):
    """``{label: address}`` of the footer's legal links, their label without the language a
    page in another one is said to be in; empty without them."""
    return {text.split(" (")[0]: href for href, _hreflang, text in legal_link_parts(html)}


def legal_link_parts(html):
    """``(address, hreflang, text)`` of each of the footer's legal links."""
    found = LEGAL_NAV.search(html)
    pattern = r'<a href="([^"]+)"(?: hreflang="([^"]+)")?>([^<]+)</a>'
    return re.findall(pattern, found[1]) if found else []


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "privacy", "notice", "ecodesign"),
    [
        ("fr", "Politique de confidentialité", "Mentions légales", "Déclaration d’écoconception"),
        ("nl", "Privacybeleid", "Wettelijke vermeldingen", "Ecodesignverklaring"),
        ("en", "Privacy policy", "Legal notice", "Eco-design statement"),
    ],
)
def test_the_footer_links_each_language_to_its_own_translation(
    client, language, privacy, notice, ecodesign
):
    links = legal_links(html_of(client, demo_page("about", language).url))
    assert links == {
        privacy: demo_page("privacy", language).url,
        notice: demo_page("legal-notice", language).url,
        ecodesign: demo_page("ecodesign-statement", language).url,
    }


def test_a_language_whose_translation_is_unpublished_links_to_the_original(client):
    """The policy must be reachable from every page: in French rather than not at all."""
    demo_page("privacy", "nl").unpublish()
    links = legal_link_parts(html_of(client, demo_page("about", "nl").url))
    assert (demo_page("privacy", "fr").url, "fr") in [(href, lang) for href, lang, _ in links]


def test_a_link_to_a_page_in_another_language_says_which_one(client):
    """WCAG 3.1.2: the label stays in the visitor's language, the page's language is said in
    it and marked for browsers and screen readers, rather than a Dutch address under a
    French label."""
    demo_page("privacy", "fr").unpublish()
    links = legal_link_parts(html_of(client, demo_page("about", "fr").url))
    privacy = demo_page("privacy", "nl").url
    [(hreflang, text)] = [(lang, text) for href, lang, text in links if href == privacy]
    assert hreflang == "nl"
    assert text == "Politique de confidentialité (en néerlandais)"
    notice = demo_page("legal-notice", "fr").url
    assert (notice, "", "Mentions légales") in links, "a page in French is linked as before"


def test_an_unpublished_policy_is_not_linked(client):
    """A link to a page nobody can open would answer 404."""
    for language in ("fr", "nl", "en"):
        demo_page("privacy", language).unpublish()
    links = legal_links(html_of(client, demo_page("about", "nl").url))
    assert links == {
        "Wettelijke vermeldingen": demo_page("legal-notice", "nl").url,
        "Ecodesignverklaring": demo_page("ecodesign-statement", "nl").url,
    }


def test_without_legal_pages_the_footer_has_no_legal_links(client):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.privacy_page = contact.legal_notice_page = contact.ecodesign_statement_page = None
    contact.save()
    html = html_of(client, demo_page("about", "en").url)
    assert 'class="site-footer__legal"' not in html


def test_the_legal_links_cost_no_query_once_read(client):
    """Every page's footer shows them: read once per publication, not per visit."""
    url = demo_page("about", "en").url
    html_of(client, url)
    with CaptureQueriesContext(connection) as with_links:
        html_of(client, url)
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.privacy_page = contact.legal_notice_page = contact.ecodesign_statement_page = None
    contact.save()
    html_of(client, url)
    with CaptureQueriesContext(connection) as without_links:
        html_of(client, url)
    assert len(with_links) == len(without_links)


def test_the_booking_form_links_to_the_privacy_policy(client):
    html = html_of(client, booking_url(demo_page("activity-colour-chemistry", "nl")))
    privacy = demo_page("privacy", "nl").url
    assert f'<a href="{privacy}">Hoe we je persoonsgegevens beschermen</a>' in html


def test_the_quote_form_links_to_the_privacy_policy(client):
    html = html_of(client, quote_url("en"))
    privacy = demo_page("privacy", "en").url
    assert f'<a href="{privacy}">How we protect your personal data</a>' in html


def test_the_endorsement_form_links_to_the_privacy_policy(client):
    declaration = demo_page("declarations-toronto-2008", "fr")
    html = html_of(client, declaration.url + declaration.reverse_subpage("endorse"))
    privacy = demo_page("privacy", "fr").url
    assert f'<a href="{privacy}">Comment nous protégeons vos données personnelles</a>' in html


def test_a_form_linking_to_a_policy_in_another_language_says_which_one(client):
    """The forms' privacy links follow the footer's: a Dutch reader of the booking form is
    told the policy they are sent to is in French (WCAG 3.1.2)."""
    demo_page("privacy", "nl").unpublish()
    html = html_of(client, booking_url(demo_page("activity-colour-chemistry", "nl")))
    privacy = demo_page("privacy", "fr").url
    text = "Hoe we je persoonsgegevens beschermen (in het Frans)"
    assert f'<a href="{privacy}" hreflang="fr">{text}</a>' in html
