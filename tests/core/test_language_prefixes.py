"""An address whose first part is a language the site does not publish answers 404 at once.

Django sends an address without a site language to the visitor's language with the
address kept after it: ``/de/`` became ``/fr/de/``, a page that does not exist either, so
a visitor or a crawler trying another language followed a redirect to a 404. Every page
of the site is under its language (``/fr/…``, ``prefix_default_language``): a first part
that looks like a language code names no page. The same language in capitals
(``/FR/agenda/``, typed or from a printed leaflet) leads to its address for good.
"""

import pytest

from csti_cms.core.models import ContentPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "lower_cased"),
    [
        ("/FR/agenda/", "/fr/agenda/"),
        ("/Nl/", "/nl/"),
        ("/EN/agenda/?category=2", "/en/agenda/?category=2"),
    ],
)
def test_a_site_language_in_capitals_leads_to_its_address_for_good(client, address, lower_cased):
    agenda_en = demo_page("agenda", "en")
    address = address.replace("/EN/agenda/", "/EN" + agenda_en.url[3:])
    lower_cased = lower_cased.replace("/en/agenda/", agenda_en.url)
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == lower_cased
    assert client.get(lower_cased).status_code == 200


@pytest.mark.parametrize("address", ["/de/", "/xx-yy/", "/pt-BR/agenda/", "/zh-Hans/", "/DE/"])
@pytest.mark.parametrize("visitor_language", ["fr", "nl", "en"])
def test_a_language_the_site_does_not_have_answers_404_at_once(client, address, visitor_language):
    response = client.get(address, headers={"accept-language": visitor_language})
    assert response.status_code == 404
    assert "Location" not in response
    assert 'href="#main-content"' in response.content.decode(), "the site's own 404 page"
    assert response["Content-Language"] == visitor_language
    assert {"Accept-Language", "Cookie"} <= {name.strip() for name in response["Vary"].split(",")}


def test_a_language_whose_home_is_unpublished_answers_404_in_capitals_too(client):
    demo_page("home", "nl").unpublish()
    response = client.get("/NL/")
    assert response.status_code == 404
    assert "Location" not in response


def test_a_page_with_a_two_letter_slug_answers_under_its_language(client, home_fr):
    two_letters = home_fr.add_child(instance=ContentPage(title="De A à Z", slug="de"))
    assert two_letters.url == "/fr/de/"
    assert client.get("/fr/de/").status_code == 200
    assert client.get("/fr/DE/").status_code == 404, "slugs are in lower case"


def test_an_address_without_a_language_still_leads_to_the_visitors(client):
    """``/agenda/`` (an old link of the site) is no language code: Django's redirect stays."""
    response = client.get("/agenda/?category=2", headers={"accept-language": "nl"})
    assert response.status_code == 302
    assert response["Location"] == "/nl/agenda/?category=2"


@pytest.mark.parametrize("address", ["/admin/xx/", "/documents/0/de.pdf"])
def test_parts_of_the_site_without_languages_keep_their_own_404(admin_client, address):
    assert admin_client.get(address).status_code == 404


def test_the_search_in_capitals_leads_to_its_address_in_that_language(client):
    response = client.get("/NL/zoeken/?q=licht", follow=True)
    assert response.redirect_chain == [("/nl/zoeken/?q=licht", 301)]
    assert response.status_code == 200
