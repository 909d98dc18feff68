"""An activity's price is what a class pays: nothing at the least, never below."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.schools.models import SchoolActivityPage
from tests.conftest import demo_page

from .helpers import publish_activity

pytestmark = pytest.mark.django_db

AT_LEAST_NOTHING = "Ensure this value is greater than or equal to 0."


def activity_form(slug, price):
    """The admin's form for a new activity, published, at ``price``."""
    data = nested_form_data(
        {
            "title": f"Atelier {slug}",
            "slug": slug,
            "activity_type": "workshop",
            "introduction": "Attirer, repousser, mesurer.",
            "image_alt_text": "",
            "body": streamfield([]),
            "curriculum_links": streamfield([]),
            "duration_minutes": "75",
            "max_pupils": "24",
            "price": price,
            "price_basis": "pupil",
            "resources": streamfield([]),
            "action-publish": "publish",
        }
    )
    data.update(
        languages=["fr"], days_offered=["mon", "tue", "wed", "thu", "fri"], for_schools="on"
    )
    return data


def post_activity(client, slug, price):
    listing = demo_page("school-activities", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_schools", "schoolactivitypage", listing.pk])
    return client.post(url, activity_form(slug, price))


def test_a_negative_price_is_refused_in_the_admin(english_admin_client):
    response = post_activity(english_admin_client, "atelier-prix-negatif", "-2.50")
    assert response.status_code == 200, "the activity was published"
    with translation.override("en"):
        assert [str(error) for error in response.context["form"].errors["price"]] == [
            AT_LEAST_NOTHING
        ]
    assert not SchoolActivityPage.objects.filter(slug="atelier-prix-negatif").exists()


def test_a_free_activity_is_published(english_admin_client):
    response = post_activity(english_admin_client, "atelier-gratuit", "0")
    assert response.status_code == 302, response.context["form"].errors
    assert SchoolActivityPage.objects.get(slug="atelier-gratuit").price == 0


def test_model_validation_refuses_a_negative_price():
    with pytest.raises(ValidationError) as error:
        publish_activity(price=-1)
    assert error.value.message_dict["price"] == [AT_LEAST_NOTHING]
    assert publish_activity(price=None).price is None, "a price on request"
