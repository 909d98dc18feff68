"""The booking form asks for a phone number, to reach a class held up on the way, and says
the date chosen is a wish until the team answers. A venue quote keeps the phone optional."""

import pytest
from django.utils import translation

from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def test_a_booking_without_a_phone_number_is_refused(client, activity):
    response = client.post(booking_url(activity), booking_data(activity, phone=""))
    assert response.status_code == 200
    assert not BookingRequest.objects.exists()
    assert list(response.context["form"].errors) == ["phone"]


def test_the_form_says_why_it_asks_for_a_phone_number(client, activity):
    form = client.get(booking_url(activity)).context["form"]
    assert form.fields["phone"].required
    with translation.override("en"):
        assert "to reach you on the day of the visit" in str(form.fields["phone"].help_text).lower()


def test_the_preferred_date_is_said_to_be_a_wish_answered_within_three_working_days(
    client, activity
):
    html = client.get(booking_url(activity)).content.decode()
    assert "It is a wish: we tell you within three working days whether it is free." in html


def test_a_quote_may_still_be_asked_without_a_phone_number(client):
    auditorium = demo_page("space-auditorium", "en")
    data = quote_data(phone="", spaces=[str(auditorium.pk)])
    assert client.post(quote_url("en"), data).status_code == 302
    assert QuoteRequest.objects.get().phone == ""
