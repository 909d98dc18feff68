"""An activity's price is what a class pays: nothing at the least, never below."""

import pytest
from django.core.exceptions import ValidationError

from csti_cms.schools.models import SchoolActivityPage

from .helpers import form_errors, post_new_activity, publish_activity

pytestmark = pytest.mark.django_db

AT_LEAST_NOTHING = "Ensure this value is greater than or equal to 0."


def test_a_negative_price_is_refused_in_the_admin(english_admin_client):
    response = post_new_activity(english_admin_client, "atelier-prix-negatif", price="-2.50")
    assert response.status_code == 200, "the activity was published"
    assert form_errors(response)["price"] == [AT_LEAST_NOTHING]
    assert not SchoolActivityPage.objects.filter(slug="atelier-prix-negatif").exists()


def test_a_free_activity_is_published(english_admin_client):
    response = post_new_activity(english_admin_client, "atelier-gratuit", price="0")
    assert response.status_code == 302, response.context["form"].errors
    assert SchoolActivityPage.objects.get(slug="atelier-gratuit").price == 0


def test_model_validation_refuses_a_negative_price():
    with pytest.raises(ValidationError) as error:
        publish_activity(price=-1)
    assert error.value.message_dict["price"] == [AT_LEAST_NOTHING]
    assert publish_activity(price=None).price is None, "a price on request"
