"""The language a visitor chooses in the switcher is remembered, without the page cache
ever setting a cookie: the visitor's browser sets it (``language-choice.js``)."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from tests.core.language_centres import TECHNOPOLIS, get, technopolis

pytestmark = pytest.mark.django_db

COOKIE_OF_LINK = re.compile(r'hreflang="([a-z]{2})" data-language-cookie="([^"]+)"')
SCRIPT = "csti_cms/js/language-choice.js"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60


def switcher_cookies(response):
    """``{language: the cookie its switcher link sets}``."""
    return {
        code: unescape(cookie) for code, cookie in COOKIE_OF_LINK.findall(response.content.decode())
    }


def as_browser_sets(cookie, client):
    """Set ``cookie`` (as ``document.cookie`` is given it) on ``client``; its attributes."""
    pair, *attributes = cookie.split("; ")
    name, value = pair.split("=", 1)
    client.cookies[name] = value
    return dict(attribute.partition("=")[::2] for attribute in attributes)


def test_each_switcher_link_carries_the_cookie_choosing_its_language(client):
    technopolis()
    cookies = switcher_cookies(get(client, TECHNOPOLIS, "/nl/"))
    assert set(cookies) == {"fr"}
    pair, *attributes = cookies["fr"].split("; ")
    assert pair == f"{settings.LANGUAGE_COOKIE_NAME}=fr"
    assert dict(attribute.partition("=")[::2] for attribute in attributes) == {
        "path": "/",
        "max-age": str(365 * 24 * 60 * 60),
        "samesite": "Lax",
    }


def test_the_language_chosen_in_the_switcher_is_where_slash_sends_the_visitor(client):
    technopolis()
    chosen = switcher_cookies(get(client, TECHNOPOLIS, "/nl/"))["fr"]
    visitor = Client()
    as_browser_sets(chosen, visitor)
    response = get(visitor, TECHNOPOLIS, "/", **{"accept-language": "nl-BE,nl;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_pages_from_the_cache_set_no_cookie_and_carry_the_same_links(client):
    first = client.get("/fr/")
    again = Client().get("/fr/")
    chooser = Client()
    chooser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    chosen = chooser.get("/fr/")
    for response in (first, again, chosen):
        assert response.status_code == 200
        assert not response.cookies, "no Set-Cookie, least of all someone else's"
    assert first.content == again.content == chosen.content
    assert switcher_cookies(first)["nl"].startswith(f"{settings.LANGUAGE_COOKIE_NAME}=nl;")


def test_the_script_is_the_sites_own_as_the_content_security_policy_asks(client):
    response = client.get("/fr/")
    html = response.content.decode()
    assert re.search(rf'<script src="/static/{re.escape(SCRIPT)}" defer></script>', html)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    script = Path(finders.find(SCRIPT)).read_text()
    assert "document.cookie" in script and "data-language-cookie" in script


def test_hreflang_and_switcher_links_stay_the_pages_own_addresses(client):
    html = client.get("/fr/").content.decode()
    assert re.search(r'<a href="/nl/" hreflang="nl" data-language-cookie=', html)
    assert '<link rel="alternate" hreflang="nl" href="http://testserver/nl/">' in html
