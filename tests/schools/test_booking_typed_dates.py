"""A teacher whose browser shows no date picker types the dates as they write them:
"15.01.2027" and "15-01-2027" are 15 January in every language, and a date the form cannot
read says what to type."""

import pytest

from csti_cms.schools.models import BookingRequest
from tests.conftest import LANGUAGES, demo_page
from tests.core.test_typed_dates import date_not_read
from tests.schools.helpers import booking_data, booking_url, next_weekday

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_typed_day_first_are_the_days_the_teacher_meant(client, language):
    activity = demo_page("activity-colour-chemistry", language)
    preferred, alternative = next_weekday(14), next_weekday(21)
    data = booking_data(
        activity,
        preferred_date=preferred.strftime("%d.%m.%Y"),
        alternative_date=alternative.strftime("%d-%m-%Y"),
    )
    response = client.post(booking_url(activity), data)
    assert response.status_code == 302, response.context["form"].errors
    booking = BookingRequest.objects.get()
    assert (booking.preferred_date, booking.alternative_date) == (preferred, alternative)


def test_a_date_not_read_says_what_to_type(client):
    activity = demo_page("activity-colour-chemistry", "en")
    data = booking_data(activity, school_name="", preferred_date="next Tuesday")
    response = client.post(booking_url(activity), data)
    assert response.status_code == 200
    assert response.context["form"].errors["preferred_date"] == [date_not_read()]
