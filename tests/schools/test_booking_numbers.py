"""Group sizes out of range: the activity's rule, never the database's limits."""

import re

import pytest
from django.utils import translation

from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db

#: What a database column would let through: Django's own message names these.
DATABASE_LIMITS = ("32767", "9223372036854775807", "2147483647")
TOO_MANY_ADULTS = (
    "There are more adults than pupils. If that is right (a special-needs class, for "
    "instance), tell us about your group under “Anything else?”, then send the request again."
)


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def number_input(html, name):
    return re.search(rf'<input type="number" name="{name}"[^>]*>', html).group(0)


def errors_for(client, activity, **data):
    response = client.post(booking_url(activity), booking_data(activity, **data))
    assert response.status_code == 200
    assert not BookingRequest.objects.exists()
    html = response.content.decode()
    assert not any(limit in html for limit in DATABASE_LIMITS)
    return response.context["form"].errors


@pytest.mark.parametrize("adults", ["0", "-1", "-32768"])
def test_any_number_of_adults_below_one_gets_the_same_message(client, activity, adults):
    errors = errors_for(client, activity, adults=adults)
    with translation.override("en"):
        expected = translation.gettext("A class comes with at least one accompanying adult.")
    assert errors["adults"] == [expected]


def adults_over_the_group(activity):
    return f"This activity welcomes at most {activity.max_pupils} adults per group."


def test_an_absurd_number_of_adults_is_refused_even_when_the_pupils_are_wrong(client, activity):
    errors = errors_for(client, activity, pupils="-3", adults="99999999999999999999")
    assert errors["adults"] == [adults_over_the_group(activity)]


def test_adults_over_the_group_size_are_not_told_they_outnumber_the_pupils(client, activity):
    """30 adults with 450 pupils do not outnumber them: both are over the group size."""
    over = activity.max_pupils + 5
    errors = errors_for(client, activity, pupils=str(over * 15), adults=str(over))
    assert errors["adults"] == [adults_over_the_group(activity)]
    assert errors.as_data()["pupils"][0].code == "capacity"


def test_more_adults_than_pupils_in_a_group_are_told_so(client, activity):
    pupils = activity.min_pupils or 1
    errors = errors_for(client, activity, pupils=str(pupils), adults=str(pupils + 1), needs="")
    assert errors["adults"] == [TOO_MANY_ADULTS]


def test_an_absurd_group_is_told_the_activitys_capacity(client, activity):
    errors = errors_for(client, activity, pupils="99999999999999999999")
    assert list(errors) == ["pupils"]
    assert errors.as_data()["pupils"][0].code == "capacity"


def test_the_inputs_ask_for_what_the_server_accepts(client, activity):
    html = client.get(booking_url(activity)).content.decode()
    adults = number_input(html, "adults")
    assert 'min="1"' in adults and f'max="{activity.max_pupils}"' in adults
    pupils = number_input(html, "pupils")
    assert f'min="{activity.min_pupils}"' in pupils and f'max="{activity.max_pupils}"' in pupils
