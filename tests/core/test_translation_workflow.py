"""Submitting a page for translation gives drafts, not pages in the wrong language.

wagtail-localize publishes a new translation at once when its source is live, with the
source's text under the other language's address. The translator publishes it instead,
once the text is theirs.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from csti_cms.core.models import ContentPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def test_a_submitted_translation_stays_a_draft_until_the_translator_publishes_it(
    client, english_admin_client, django_capture_on_commit_callbacks
):
    page = demo_page("home", "fr").add_child(
        instance=ContentPage(
            title="Nos animations d’hiver",
            slug="animations-hiver",
            introduction="Des ateliers au chaud pendant les vacances.",
        )
    )
    page.save_revision().publish()
    dutch = Locale.objects.get(language_code="nl")

    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = english_admin_client.post(url, {"locales": [dutch.pk]})
    assert response.status_code == 302

    translation = Page.objects.get(translation_key=page.translation_key, locale=dutch)
    assert not translation.live
    assert translation.title == "Nos animations d’hiver"
    assert client.get("/nl/animations-hiver/").status_code == 404
    # Nor does the French page offer it in its language switcher or hreflang links.
    assert "/nl/animations-hiver/" not in client.get(page.url).content.decode()

    translation.specific.save_revision().publish()
    assert client.get("/nl/animations-hiver/").status_code == 200
    assert "/nl/animations-hiver/" in client.get(page.url).content.decode()
