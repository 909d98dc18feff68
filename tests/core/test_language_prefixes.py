"""One of the site's languages in capitals leads to its address in lower case for good.

``/FR/agenda/`` (typed from a printed leaflet) went on to ``/fr/FR/agenda/``, a 404. Any other
first part still goes on to the visitor's language, even one that looks like a language code:
``/la-une/`` may be an old link to a French page's slug.
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


@pytest.mark.parametrize("slug", ["ia", "la-une"])
def test_an_old_link_to_a_slug_like_a_language_code_still_leads_to_its_page(client, home_fr, slug):
    home_fr.add_child(instance=ContentPage(title="À la une", slug=slug))
    response = client.get(f"/{slug}/", headers={"accept-language": "fr"}, follow=True)
    assert response.redirect_chain == [(f"/fr/{slug}/", 302)]
    assert response.status_code == 200


def test_a_language_the_site_does_not_have_in_capitals_is_no_page(client):
    response = client.get("/DE/", headers={"accept-language": "nl"}, follow=True)
    assert response.status_code == 404


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
