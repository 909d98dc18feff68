"""Event categories: a slug is unique in each language, and editors are told so.

The admin takes a category's language from the address (``?locale=fr``), not from a
form field; the slug check must still see it, or the database refuses a duplicate
with a server error. Translations keep their source's slug in another language.
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from csti_cms.agenda.models import EventCategory

pytestmark = pytest.mark.django_db

TAKEN = "A category with this slug already exists in this language."


def add_url(language):
    return reverse("wagtailsnippets_csti_agenda_eventcategory:add") + f"?locale={language}"


def edit_url(category):
    return reverse("wagtailsnippets_csti_agenda_eventcategory:edit", args=[category.pk])


def slug_errors(response):
    """The form's messages, in English: they are translated when read, and the admin
    leaves the category's language active."""
    assert response.status_code == 200, "the category was saved"
    with translation.override("en"):
        return [str(message) for message in response.context["form"].errors.get("slug", [])]


def french(**fields):
    return EventCategory.objects.filter(locale__language_code="fr", **fields)


def test_a_slug_taken_in_the_language_is_refused_on_add(english_admin_client):
    before = EventCategory.objects.count()
    response = english_admin_client.post(
        add_url("fr"), {"name": "Ateliers bis", "slug": "ateliers"}
    )
    assert slug_errors(response) == [TAKEN]
    assert TAKEN in response.content.decode()
    assert EventCategory.objects.count() == before


def test_a_slug_taken_in_another_language_only_is_accepted(english_admin_client):
    """``workshops`` is the English and Dutch slug of the demo's "Ateliers"."""
    response = english_admin_client.post(add_url("fr"), {"name": "Ateliers", "slug": "workshops"})
    assert response.status_code == 302
    assert french(slug="workshops").get().name == "Ateliers"


def test_a_slug_taken_in_the_language_is_refused_on_edit(english_admin_client):
    shows = EventCategory.objects.create(
        name="Spectacles", slug="spectacles", locale=french_locale()
    )
    response = english_admin_client.post(
        edit_url(shows), {"name": "Spectacles", "slug": "conferences"}
    )
    assert slug_errors(response) == [TAKEN]
    shows.refresh_from_db()
    assert shows.slug == "spectacles"


def test_an_edit_keeping_its_own_slug_is_saved(english_admin_client):
    workshops = french(slug="ateliers").get()
    response = english_admin_client.post(
        edit_url(workshops), {"name": "Ateliers et labos", "slug": "ateliers"}
    )
    assert response.status_code == 302
    workshops.refresh_from_db()
    assert workshops.name == "Ateliers et labos"


def test_a_translation_keeps_the_slug_of_its_source(english_admin_client):
    """wagtail-localize copies the category, slug included, into the other language."""
    response = english_admin_client.post(add_url("fr"), {"name": "Robotique", "slug": "robotique"})
    assert response.status_code == 302
    robotics = french(slug="robotique").get()
    dutch = Locale.objects.get(language_code="nl")
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["csti_agenda", "eventcategory", robotics.pk],
    )
    assert english_admin_client.post(submit, {"locales": [dutch.pk]}).status_code == 302
    translation = EventCategory.objects.get(translation_key=robotics.translation_key, locale=dutch)
    assert translation.slug == "robotique"


def test_model_validation_checks_the_slug_in_the_categorys_language():
    duplicate = EventCategory(name="Ateliers bis", slug="ateliers", locale=french_locale())
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict == {"slug": [TAKEN]}
    duplicate.locale = Locale.objects.get(language_code="nl")
    duplicate.full_clean()


def french_locale():
    return Locale.objects.get(language_code="fr")
