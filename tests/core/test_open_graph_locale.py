"""Social networks read a page's language as a locale (``fr_BE``), never a bare ``fr``."""

import lxml.html
import pytest
from wagtail.models import Site

from csti_cms.core.i18n import open_graph_locale
from csti_cms.core.models import ContactSettings
from tests.conftest import demo_page


@pytest.mark.parametrize(
    ("code", "country", "locale"),
    [
        ("fr", "BE", "fr_BE"),
        ("nl", "be", "nl_BE"),
        ("fr", "FR", "fr_FR"),
        ("nl", "", "nl_NL"),
        ("en", "BE", "en_GB"),  # a pair networks do not list falls back to the usual one
        ("en", "", "en_GB"),
    ],
)
def test_a_language_is_named_in_the_centre_s_country(code, country, locale):
    assert open_graph_locale(code, country) == locale


def open_graph(client, shared):
    tree = lxml.html.fromstring(client.get(shared.url).content)
    own = tree.xpath("//meta[@property='og:locale']/@content")
    alternates = tree.xpath("//meta[@property='og:locale:alternate']/@content")
    return own, sorted(alternates)


@pytest.mark.django_db
def test_a_page_names_its_locale_and_its_translations(client):
    """The demo centre is in Belgium: its Dutch page is nl_BE, its translations fr_BE and
    en_GB."""
    assert open_graph(client, demo_page("about", "nl")) == (["nl_BE"], ["en_GB", "fr_BE"])


@pytest.mark.django_db
def test_an_unpublished_translation_is_no_alternate(client):
    demo_page("about", "en").unpublish()
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.country = "FR"
    contact.save()
    assert open_graph(client, demo_page("about", "fr")) == (["fr_FR"], ["nl_NL"])
