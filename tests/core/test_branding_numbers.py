"""The contrast error reads its numbers the way the editor's language writes them."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

#: Blue of a well-known interface: 4.499:1 behind white, a hair short of 4.5:1.
JUST_SHORT = "#0078d7"


@pytest.fixture
def french_admin_client(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    return admin_client


def colour_error(client, colour):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_core", "brandingsettings", site.pk])
    data = {
        "centre_name": "Curiosa",
        "primary_colour": colour,
        "accent_colour": "#a3286c",
        "font": "system",
    }
    response = client.post(url, data)
    assert response.status_code == 200, "the unreadable colour was saved"
    # Messages were put in the admin's language during the request.
    [message] = response.context["form"].errors["primary_colour"]
    return str(message)


def test_the_french_admin_writes_decimal_commas(french_admin_client):
    message = colour_error(french_admin_client, "#ffffff")
    assert "1,00:1" in message
    assert "4,5:1" in message
    assert "1.00" not in message and "4.5" not in message


def test_the_english_admin_writes_decimal_points(english_admin_client):
    assert colour_error(english_admin_client, "#ffffff") == (
        "White text on this colour has a contrast of 1.00:1; at least 4.5:1 is needed to be "
        "readable. Choose a darker colour."
    )


def test_a_ratio_just_short_of_the_minimum_does_not_read_as_reaching_it(english_admin_client):
    message = colour_error(english_admin_client, JUST_SHORT)
    assert "contrast of 4.49:1; at least 4.5:1" in message
