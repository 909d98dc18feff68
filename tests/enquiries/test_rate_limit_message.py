"""A visitor over the allowance is told how long to wait and how else to reach the centre."""

import pytest
from django.utils import translation
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.enquiries.forms import when_to_try_again
from csti_cms.enquiries.ratelimit import RateLimit
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def set_contact(phone, email):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone, contact.email = phone, email
    contact.save()


def refusal(client, activity):
    """The error of a second request, once the allowance (one request) is used up."""
    assert client.post(booking_url(activity), booking_data(activity)).status_code == 302
    response = client.post(booking_url(activity), booking_data(activity))
    (error,) = response.context["form"].non_field_errors().as_data()
    assert error.code == "rate"
    with translation.override("en"):
        return " ".join(error.messages)


def test_the_teachers_of_one_school_may_book_a_workshop_for_each_class(rf):
    assert RateLimit(rf.post("/"), "csti_schools.bookingrequest").limit == 20


@pytest.mark.parametrize(
    ("period", "words"),
    [
        (3600, "Please try again in 1 hour."),
        (7200, "Please try again in 2 hours."),
        (1800, "Please try again in 30 minutes."),
        (60, "Please try again in 1 minute."),
        (90, "Please try again later."),
        (30, "Please try again later."),
    ],
)
def test_the_wait_is_the_allowance_period_in_plain_words(period, words):
    with translation.override("en"):
        assert when_to_try_again(period) == words


def test_the_refusal_gives_the_real_wait_and_the_centres_phone_and_email(
    client, activity, settings
):
    settings.CSTI_ENQUIRY_RATE_LIMIT = 1
    settings.CSTI_ENQUIRY_RATE_PERIOD = 1800
    set_contact("+32 81 00 11 22", "info@curiosa.example")
    assert refusal(client, activity) == (
        "We have received several requests from your connection in a short time. "
        "Please try again in 30 minutes. "
        "You can also call us at +32 81 00 11 22 or write to info@curiosa.example."
    )


@pytest.mark.parametrize(
    ("phone", "email", "other_ways"),
    [
        ("+32 81 00 11 22", "", " You can also call us at +32 81 00 11 22."),
        ("", "info@curiosa.example", " You can also write to us at info@curiosa.example."),
        ("", "", ""),
    ],
)
def test_the_refusal_names_only_the_contact_details_the_site_has(
    client, activity, settings, phone, email, other_ways
):
    settings.CSTI_ENQUIRY_RATE_LIMIT = 1
    set_contact(phone, email)
    assert refusal(client, activity) == (
        "We have received several requests from your connection in a short time. "
        "Please try again in 1 hour." + other_ways
    )
