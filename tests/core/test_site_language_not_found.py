"""A "page not found" under a language the centre does not publish answers in one it does."""

import pytest
from django.conf import settings

from tests.core.language_centres import TECHNOPOLIS, WALLOON, get, technopolis, walloon_centre

pytestmark = pytest.mark.django_db


def html_language(response):
    return response.content.decode().split('<html lang="', 1)[1].split('"', 1)[0]


def test_an_unpublished_languages_address_answers_in_the_sites_own_language(client):
    technopolis()
    response = get(client, TECHNOPOLIS, "/en/tentoonstellingen/", **{"accept-language": "en"})
    assert response.status_code == 404
    assert html_language(response) == response["Content-Language"] == "nl"


def test_it_answers_in_the_visitors_language_when_the_site_publishes_it(client):
    technopolis()
    response = get(client, TECHNOPOLIS, "/en/nope/", **{"accept-language": "fr-BE,fr;q=0.9"})
    assert response.status_code == 404
    assert html_language(response) == response["Content-Language"] == "fr"


def test_the_language_chosen_before_comes_first(client):
    technopolis()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = get(client, TECHNOPOLIS, "/en/nope/", **{"accept-language": "nl"})
    assert html_language(response) == "fr"


def test_a_published_languages_address_keeps_its_language(client):
    technopolis()
    response = get(client, TECHNOPOLIS, "/fr/nope/", **{"accept-language": "nl"})
    assert response.status_code == 404
    assert html_language(response) == response["Content-Language"] == "fr"


def test_a_french_only_centre_answers_dutch_addresses_in_french(client):
    walloon_centre()
    response = get(client, WALLOON, "/nl/niets/", **{"accept-language": "nl"})
    assert response.status_code == 404
    assert html_language(response) == "fr"
    # Its language switcher offers no Dutch home that would answer 404 too.
    assert 'hreflang="nl"' not in response.content.decode()
