"""Every page's footer states how accessible the site is and leads to its accessibility
statement, in the visitor's language, as French and Belgian law ask of a public centre."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.core.models.settings import AccessibilityConformance
from tests.conftest import demo_page
from tests.core.test_launch_checklist import checklist, settings_address

pytestmark = pytest.mark.django_db

FOOTER_LINE = re.compile(
    r'<p class="site-footer__legal site-footer__accessibility">(.*?)</p>', re.S
)
LINK = re.compile(r'<a href="([^"]+)"(?: hreflang="([^"]+)")?>([^<]+)</a>')


def contact_settings():
    return ContactSettings.for_site(Site.objects.get(is_default_site=True))


def change_contact(**fields):
    contact = contact_settings()
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.save()


def footer_line(client, key="about", language="en"):
    """The footer's accessibility line of a demo page, as HTML."""
    response = client.get(demo_page(key, language).url)
    assert response.status_code == 200
    [line] = FOOTER_LINE.findall(response.content.decode())
    return line


def statement_link(client, language):
    """``(address, hreflang, text)`` of the footer's link to the statement."""
    [link] = LINK.findall(footer_line(client, language=language))
    return link


def test_the_demo_has_a_statement_in_every_language():
    contact = contact_settings()
    assert contact.accessibility_conformance == AccessibilityConformance.PARTIALLY
    assert contact.accessibility_statement_page_id == demo_page("accessibility-statement").pk
    titles = {
        demo_page("accessibility-statement", language).title for language in ("fr", "nl", "en")
    }
    assert titles == {
        "Déclaration d'accessibilité",
        "Toegankelijkheidsverklaring",
        "Accessibility statement",
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Accessibilité\u00a0: partiellement conforme"),
        ("nl", "Toegankelijkheid: gedeeltelijk conform"),
        ("en", "Accessibility: partially conforming"),
    ],
)
def test_the_footer_links_each_language_to_its_own_statement(client, language, text):
    statement = demo_page("accessibility-statement", language).url
    assert statement_link(client, language) == (statement, "", text)


def test_without_a_statement_the_footer_still_states_the_conformance(client):
    """The law asks for the state on every page, a statement or not."""
    change_contact(accessibility_statement_page=None)
    assert footer_line(client, language="nl") == "Toegankelijkheid: gedeeltelijk conform"


def test_a_site_never_audited_says_it_does_not_conform(client):
    """The RGAA counts a site without an audit as not conforming: so does a new site."""
    assert ContactSettings().accessibility_conformance == AccessibilityConformance.NOT_CONFORMING
    change_contact(accessibility_conformance=AccessibilityConformance.NOT_CONFORMING)
    assert LINK.findall(footer_line(client, language="fr"))[0][2] == (
        "Accessibilité\u00a0: non conforme"
    )


def test_a_statement_unpublished_in_one_language_links_to_another_and_says_so(client):
    demo_page("accessibility-statement", "nl").unpublish()
    statement = demo_page("accessibility-statement", "fr").url
    assert statement_link(client, "nl") == (
        statement,
        "fr",
        "Toegankelijkheid: gedeeltelijk conform (in het Frans)",
    )


def test_a_statement_unpublished_everywhere_is_not_linked(client):
    for language in ("fr", "nl", "en"):
        demo_page("accessibility-statement", language).unpublish()
    assert footer_line(client) == "Accessibility: partially conforming"


def test_the_other_legal_links_are_unchanged_by_the_statement(client):
    html = client.get(demo_page("about", "en").url).content.decode()
    nav = re.search(r'<nav class="site-footer__legal"[^>]*>(.*?)</nav>', html, re.S)[1]
    assert [text for _href, _lang, text in LINK.findall(nav)] == [
        "Privacy policy",
        "Legal notice",
        "Eco-design statement",
    ]


def test_a_statement_alone_shows_no_empty_legal_navigation(client):
    change_contact(privacy_page=None, legal_notice_page=None, ecodesign_statement_page=None)
    html = client.get(demo_page("about", "en").url).content.decode()
    assert 'class="site-footer__legal"' not in html
    assert "Accessibility: partially conforming" in footer_line(client)


@pytest.mark.parametrize("field", ["accessibility_statement_page", "ecodesign_statement_page"])
def test_the_statement_costs_no_query_once_read(client, field):
    """Every page's footer shows it (the eco-design statement too): read with the other
    legal links, once per publication."""
    url = demo_page("about", "en").url
    client.get(url)
    with CaptureQueriesContext(connection) as with_statement:
        client.get(url)
    change_contact(**{field: None})
    client.get(url)
    with CaptureQueriesContext(connection) as without_statement:
        client.get(url)
    assert len(with_statement) == len(without_statement)


def test_a_missing_statement_is_a_launch_gap(english_admin_client):
    change_contact(accessibility_statement_page=None)
    [(text, link)] = checklist(english_admin_client)
    assert text.startswith("No published accessibility statement is chosen")
    assert link == settings_address(ContactSettings)


def test_a_statement_published_in_one_language_is_no_gap(english_admin_client):
    for language in ("fr", "nl"):
        demo_page("accessibility-statement", language).unpublish()
    assert checklist(english_admin_client) == []


def test_the_settings_offer_the_statement_and_the_conformance(english_admin_client):
    html = english_admin_client.get(settings_address(ContactSettings)).content.decode()
    assert 'name="accessibility_statement_page"' in html
    assert 'name="accessibility_conformance"' in html
    assert "Not conforming, or not audited yet" in html
