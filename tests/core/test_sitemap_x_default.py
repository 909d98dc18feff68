"""The sitemap's language versions name the same ``x-default`` as the pages' own
``hreflang`` links: the version in the site's language."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from tests.conftest import demo_page
from tests.core.helpers import head_links
from tests.core.language_centres import TECHNOPOLIS, get, technopolis

pytestmark = pytest.mark.django_db

URL_ENTRY = re.compile(r"<url>(.*?)</url>", re.DOTALL)
ALTERNATE = re.compile(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>')


def sitemap_alternates(xml, location):
    """``{hreflang: address}`` of the sitemap entry for ``location``."""
    (entry,) = [entry for entry in URL_ENTRY.findall(xml) if f"<loc>{location}</loc>" in entry]
    return {code: unescape(url) for code, url in ALTERNATE.findall(entry)}


def paths(alternates):
    """``alternates`` without their host: the sitemap writes the site's, the page the request's."""
    return {code: urlsplit(url).path for code, url in alternates.items()}


def test_the_sitemap_names_the_same_x_default_as_the_page(client):
    about = demo_page("about", "nl")
    xml = client.get("/sitemap.xml").content.decode()
    alternates = sitemap_alternates(xml, about.full_url)
    assert paths(alternates) == paths(head_links(client, about.url)["alternates"])
    assert alternates["x-default"] == demo_page("about", "fr").full_url


def test_the_sitemap_of_a_dutch_first_centre_names_its_dutch_page_x_default(client):
    technopolis()
    xml = get(client, TECHNOPOLIS, "/sitemap.xml").content.decode()
    alternates = sitemap_alternates(xml, f"https://{TECHNOPOLIS}/fr/")
    assert alternates["x-default"] == alternates["nl"] == f"https://{TECHNOPOLIS}/nl/"
