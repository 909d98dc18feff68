"""A page copied in the admin stays in its language's tree.

Wagtail copies a French event under the Dutch agenda if asked: it would go live at a
``/nl/`` address in French, in the Dutch agenda and feeds. The copy form refuses, and
points the editor to "Translate".
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def copy_page(admin_client, source, parent, slug):
    return admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {
            "new_title": "Webinaire (copie)",
            "new_slug": slug,
            "new_parent_page": parent.pk,
            "publish_copies": "on",
        },
    )


def test_a_copy_into_another_languages_tree_is_refused_with_the_way_to_translate(
    english_admin_client,
):
    event = demo_page("teachers-webinar", "fr")
    dutch_agenda = demo_page("agenda", "nl")

    response = copy_page(english_admin_client, event, dutch_agenda, "webinaire-copie")

    assert response.status_code == 200
    error = response.context["form"].errors["new_parent_page"][0]
    assert "A copy stays in the language of its page (French)" in error
    assert "(Dutch)" in error
    assert "Translate" in error
    assert not Page.objects.filter(slug="webinaire-copie").exists()


def test_a_copy_in_the_pages_own_language_is_made_as_before(english_admin_client):
    event = demo_page("teachers-webinar", "fr")
    french_agenda = demo_page("agenda", "fr")

    response = copy_page(english_admin_client, event, french_agenda, "webinaire-copie")

    assert response.status_code == 302
    copy = Page.objects.get(slug="webinaire-copie")
    assert copy.locale_id == event.locale_id
    assert copy.live
