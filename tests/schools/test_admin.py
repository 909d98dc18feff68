"""Editors create activities with the levels and subjects of the page's language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.schools.models import SchoolActivityPage, SchoolLevel
from tests.conftest import demo_page

from .helpers import post_new_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@curiosa.example", "pw")
    client.force_login(user)
    return client


def add_url(listing):
    return reverse(
        "wagtailadmin_pages:add", args=["csti_schools", "schoolactivitypage", listing.pk]
    )


def test_the_editor_offers_the_page_language_levels_grouped_by_system(editor_client):
    listing = demo_page("school-activities", "fr")
    html = editor_client.get(add_url(listing)).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="levels" value="(\d+)"', html)}
    assert offered == set(
        SchoolLevel.objects.filter(locale=listing.locale).values_list("pk", flat=True)
    )
    assert "Belgium" in html or "Belgique" in html
    # New activities serve schools unless the editor says otherwise.
    assert re.search(r'<input type="checkbox" name="for_schools"[^>]* checked', html)


def test_an_editor_creates_an_activity(editor_client):
    listing = demo_page("school-activities", "fr")
    p3 = SchoolLevel.objects.get(locale=listing.locale, name="3e primaire")
    response = post_new_activity(
        editor_client,
        "atelier-aimants",
        listing,
        curriculum_links=streamfield(
            [("link", {"levels": "3e primaire", "text": "Forces et mouvements."})]
        ),
        levels=[p3.pk],
        languages=["fr", "nl"],
        days_offered=["wed", "sat"],
    )
    assert response.status_code == 302, response.context["form"].errors
    page = SchoolActivityPage.objects.get(slug="atelier-aimants")
    assert page.live and list(page.levels.all()) == [p3]
    assert page.languages == ["fr", "nl"] and page.for_schools
    assert page.days_offered == ["wed", "sat"]
    assert page.curriculum_links[0].value["text"] == "Forces et mouvements."


def test_an_editor_gets_clear_errors_for_inconsistent_values(editor_client):
    listing = demo_page("school-activities", "fr")
    data = nested_form_data(
        {
            "title": "Atelier incohérent",
            "slug": "atelier-incoherent",
            "activity_type": "workshop",
            "body": streamfield([]),
            "curriculum_links": streamfield([]),
            "resources": streamfield([]),
            "duration_minutes": "60",
            "min_pupils": "30",
            "max_pupils": "20",
            "age_min": "12",
            "age_max": "8",
            "price_basis": "pupil",
            "image": demo_page("home").hero_image.pk,
            "image_alt_text": "",
        }
    )
    response = editor_client.post(add_url(listing), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"max_pupils", "age_max", "image_alt_text"}
