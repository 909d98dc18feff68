"""Search engines send visitors of no matching language where "/" sends them: to the
site's own language (its home's), not the install's ``LANGUAGE_CODE``."""

import re
from html import unescape

import pytest

from tests.core.helpers import HREFLANG
from tests.core.language_centres import TECHNOPOLIS, get, technopolis

pytestmark = pytest.mark.django_db


def alternates(client, host, path):
    response = get(client, host, path)
    assert response.status_code == 200, path
    return {code: unescape(url) for code, url in HREFLANG.findall(response.content.decode())}


def test_x_default_of_a_dutch_first_centre_is_its_dutch_page(client):
    technopolis()
    links = alternates(client, TECHNOPOLIS, "/fr/")
    assert set(links) == {"nl", "fr", "x-default"}, "English is not published"
    assert links["x-default"] == links["nl"] == f"https://{TECHNOPOLIS}/nl/"


def test_x_default_is_where_a_visitor_without_a_language_is_sent(client):
    technopolis()
    location = get(client, TECHNOPOLIS, "/", **{"accept-language": "de"})["Location"]
    x_default = alternates(client, TECHNOPOLIS, "/nl/")["x-default"]
    assert re.sub(r"^https://[^/]+", "", x_default) == location == "/nl/"


def test_the_french_first_demo_keeps_its_french_x_default(client):
    technopolis()
    links = alternates(client, "localhost", "/nl/")
    assert links["x-default"] == links["fr"]
