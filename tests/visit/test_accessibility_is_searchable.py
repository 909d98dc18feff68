"""Visitors find the practical information page by the aids it lists and its quiet hours,
in the words the page shows them, in its own language."""

import pytest
from django.urls import reverse
from django.utils import translation

from csti_cms.visit.models import PracticalInfoPage
from tests.conftest import demo_page
from tests.core.test_search_and_sitemap import result_links

pytestmark = pytest.mark.django_db


def found(client, language, words):
    with translation.override(language):
        search = reverse("search")
    return result_links(client.get(search, {"q": words}).content.decode())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", "casques antibruit"),
        ("fr", "heures calmes"),
        ("nl", "gehoorbeschermers"),
        ("nl", "rustruimte"),
        ("en", "ear defenders"),
        ("en", "quiet room"),
    ],
)
def test_an_aid_or_quiet_hours_find_the_practical_information(client, language, words):
    assert demo_page("practical-info", language).url in found(client, language, words)


def test_the_words_are_the_pages_own_language():
    dutch = PracticalInfoPage.objects.get(pk=demo_page("practical-info", "nl").pk)
    text = dutch.accessibility_search_text()
    assert "Een rustruimte" in text and "rustige uren" in text
    assert "quiet" not in text.lower()


def test_a_page_without_aids_has_nothing_to_add():
    page = PracticalInfoPage.objects.get(pk=demo_page("practical-info", "en").pk)
    page.accessibility_aids = []
    page.wheelchair_access = ""
    page.quiet_hours.all().delete()
    assert page.accessibility_search_text() == ""


def test_a_draft_is_not_found_before_it_is_published(client):
    page = PracticalInfoPage.objects.get(pk=demo_page("practical-info", "en").pk)
    page.accessibility_notes = "Zorblax lift, planned for next spring."
    page.save_revision()
    assert demo_page("practical-info", "en").url not in found(client, "en", "zorblax")

    page.get_latest_revision().publish()
    assert demo_page("practical-info", "en").url in found(client, "en", "zorblax")
