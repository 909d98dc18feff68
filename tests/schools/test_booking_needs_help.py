"""The booking form asks what to prepare, not who the pupils are."""

import pytest

from tests.conftest import demo_page
from tests.schools.helpers import booking_url

pytestmark = pytest.mark.django_db


def test_the_needs_field_asks_teachers_not_to_name_pupils(client):
    activity = demo_page("activity-colour-chemistry", "en")
    response = client.get(booking_url(activity))
    assert response.status_code == 200
    assert "Please do not give pupils' names or health details" in response.content.decode()
