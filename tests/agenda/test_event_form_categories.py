"""The event form offers the categories of the page's language only.

The list mixed the three languages' categories ("Ateliers, Workshops, Festivals,
Festivals, Festivals..."), so editors could not tell which one they ticked.
"""

import pytest
from django.urls import reverse

from csti_cms.agenda.models import EventCategory, EventPage
from tests.agenda.helpers import event_form, refused, within
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def offered(response):
    assert response.status_code == 200
    return set(response.context["form"].fields["categories"].queryset)


def categories(language):
    return set(EventCategory.objects.filter(locale__language_code=language))


def test_a_french_event_offers_french_categories_only(english_admin_client):
    page = demo_page("little-chemists", "fr")
    response = english_admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert offered(response) == categories("fr")
    html = response.content.decode()
    assert "Ateliers" in html and "Workshops" not in html


def test_a_new_event_offers_the_categories_of_its_agenda_language(english_admin_client):
    agenda = demo_page("agenda", "nl")
    url = reverse("wagtailadmin_pages:add", args=["csti_agenda", "eventpage", agenda.pk])
    assert offered(english_admin_client.get(url)) == categories("nl")


def test_a_translation_ticks_its_categories_in_its_own_language(admin_user):
    """Translations keep the source's (French) categories: the form ticks the Dutch ones.

    wagtail-localize edits synchronised translations in its own editor; the page form
    meets them once a translation is edited on its own.
    """
    page = demo_page("little-chemists", "nl")
    assert [category.locale.language_code for category in page.categories.all()] == ["fr"]
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent().specific, for_user=admin_user)
    workshops = EventCategory.objects.get(locale__language_code="nl", name="Workshops")
    assert set(form.fields["categories"].queryset) == categories("nl")
    assert form["categories"].value() == [workshops.pk]


def post_with_categories(client, slug, *chosen):
    agenda = demo_page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_agenda", "eventpage", agenda.pk])
    data = {**event_form(slug), "categories": [str(category.pk) for category in chosen]}
    with within(20):
        return client.post(url, data)


def test_a_category_of_another_language_is_refused(english_admin_client):
    english = EventCategory.objects.get(locale__language_code="en", name="Workshops")
    response = post_with_categories(english_admin_client, "categorie-anglaise", english)
    refused(response, "categories", "Select a valid choice.")
    assert not EventPage.objects.filter(slug="categorie-anglaise").exists()


def test_a_category_of_the_page_language_is_published(english_admin_client):
    french = EventCategory.objects.get(locale__language_code="fr", name="Ateliers")
    response = post_with_categories(english_admin_client, "categorie-francaise", french)
    assert response.status_code == 302
    page = EventPage.objects.get(slug="categorie-francaise")
    assert list(page.categories.all()) == [french]
