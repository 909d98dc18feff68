"""Editors can edit every page type, translate pages and brand their site in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import Translation

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

DEMO_KEYS = ["home", "about", "our-networks", "plan-your-visit", "schools", "venue-hire", "contact"]


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@curiosa.example", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_every_demo_page_opens_in_the_editor(editor_client, language):
    for key in DEMO_KEYS:
        page = demo_page(key, language)
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, f"{key} ({language})"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_translated_pages_open_in_the_translation_editor(editor_client, language):
    page = demo_page("about", language)
    assert Translation.objects.filter(
        source__object_id=page.translation_key, target_locale__language_code=language
    ).exists()
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    # wagtail-localize replaces the page editor with its translation editor.
    templates = {template.name for template in response.templates}
    assert "wagtail_localize/admin/edit_translation.html" in templates


@pytest.mark.parametrize("setting", ["brandingsettings", "contactsettings"])
def test_site_settings_open_per_site(editor_client, setting):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_core", setting, site.pk])
    assert editor_client.get(url).status_code == 200


def test_editor_gets_a_clear_error_for_an_unreadable_brand_colour(editor_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_core", "brandingsettings", site.pk])
    response = editor_client.post(
        url,
        {
            "centre_name": "Curiosa",
            "primary_colour": "#ffd700",
            "accent_colour": "#a3286c",
            "font": "system",
        },
    )
    assert response.status_code == 200
    assert "contrast" in response.content.decode()


class TestEditingRoundTrip(WagtailPageTestCase):
    """The edit form of each page type saves and previews what the editor sees."""

    @staticmethod
    def post_data(page, **extra):
        return nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "introduction": "Une introduction revue par l’équipe.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Horaires", "level": "h2"}),
                        ("paragraph", rich_text("<p>Ouvert du mardi au dimanche.</p>")),
                    ]
                ),
                **extra,
            }
        )

    def test_home_page_saves_and_previews(self):
        page = demo_page("home", "fr")
        data = self.post_data(page, hero_alt_text=page.hero_alt_text)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_content_page_saves_and_previews(self):
        page = demo_page("about", "fr")
        data = self.post_data(page)
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)
