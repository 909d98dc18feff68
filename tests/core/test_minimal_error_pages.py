"""The minimal error pages look like the site and lead on to its home.

A bad request and a form refused for its missing security token answer minimal pages
(csti_cms.core.errors): without the theme's stylesheet the CSRF page was raw black text on
white, and the 400 page told the visitor to check the address without a way on.
"""

import re

import pytest
from django.test import Client

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

STYLESHEET = '<link rel="stylesheet" href="/static/csti_cms/css/theme.css">'


@pytest.fixture(autouse=True)
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.core.error_urls"


def home_links(html):
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', main)


HOME_LINK_TEXT = {
    "fr": "Aller à la page d’accueil",
    "nl": "Naar de startpagina",
    "en": "Go to the home page",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_refused_for_its_security_token_has_the_stylesheet_and_a_way_home(language):
    response = Client(enforce_csrf_checks=True).post(f"/{language}/", {"q": "robots"})
    assert response.status_code == 403
    html = response.content.decode()
    assert STYLESHEET in html
    assert home_links(html) == [("/", HOME_LINK_TEXT[language])]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_request_has_the_stylesheet_and_a_way_home(client, settings, language):
    settings.ALLOWED_HOSTS = ["curiosa.example"]
    response = client.get(f"/{language}/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert STYLESHEET in html
    assert home_links(html) == [("/", HOME_LINK_TEXT[language])]
