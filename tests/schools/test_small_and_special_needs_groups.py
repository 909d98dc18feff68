"""A group the form refuses for its size is told a way forward that works.

A special-needs class of 6 pupils, under an activity's minimum of 10, is told whom to call or
write to; a class of 12 pupils with 14 adults is sent once the teacher explains under
"Anything else?", and refused only while nothing is explained there.
"""

import pytest
from django.utils import translation
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import translated
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db

TOO_SMALL = "This activity needs a group of at least 10 pupils."
SMALLER_GROUP = "For a smaller group (a special-needs class, for instance), "
CAN_DO = ": we will see what we can do."
MORE_ADULTS = (
    "There are more adults than pupils. If that is right (a special-needs class, for "
    "instance), tell us about your group under “Anything else?”, then send the request again."
)


@pytest.fixture
def activity():
    """The demo's colour workshop: 10 to 25 pupils."""
    page = demo_page("activity-colour-chemistry", "en")
    assert (page.min_pupils, page.max_pupils) == (10, 25)
    return page


def set_contact(phone, email):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone, contact.email = phone, email
    contact.save()


def pupils_error(client, activity, **data):
    response = client.post(booking_url(activity), booking_data(activity, pupils="6", **data))
    assert response.status_code == 200
    assert not BookingRequest.objects.exists()
    with translation.override("en"):
        (error,) = response.context["form"].errors["pupils"]
    return error


@pytest.mark.parametrize(
    ("phone", "email", "way_forward"),
    [
        (
            "+32 81 00 11 22",
            "ecoles@curiosa.example",
            "call us at +32 81 00 11 22 or write to ecoles@curiosa.example",
        ),
        ("+32 81 00 11 22", "", "call us at +32 81 00 11 22"),
        ("", "ecoles@curiosa.example", "write to us at ecoles@curiosa.example"),
        ("", "", "contact us"),
    ],
)
def test_a_group_under_the_minimum_is_told_whom_to_ask(client, activity, phone, email, way_forward):
    set_contact(phone, email)
    assert pupils_error(client, activity) == f"{TOO_SMALL} {SMALLER_GROUP}{way_forward}{CAN_DO}"


def test_the_way_forward_is_in_the_visitors_language(client):
    set_contact("+32 81 00 11 22", "")
    activity = demo_page("activity-colour-chemistry", "nl")
    msgid = f"{SMALLER_GROUP}call us at %(phone)s{CAN_DO}"
    dutch = (
        "Voor een kleinere groep (een klas buitengewoon onderwijs bijvoorbeeld), bel ons op "
        "%(phone)s: we bekijken wat kan."
    )
    with translated("nl", msgid, dutch):
        response = client.post(booking_url(activity), booking_data(activity, pupils="6"))
    assert dutch % {"phone": "+32 81 00 11 22"} in response.content.decode()


def test_more_adults_than_pupils_with_nothing_explained_says_what_lets_it_through(client, activity):
    response = client.post(
        booking_url(activity), booking_data(activity, pupils="12", adults="14", needs="")
    )
    assert not BookingRequest.objects.exists()
    with translation.override("en"):
        assert response.context["form"].errors == {"adults": [MORE_ADULTS]}


def test_more_adults_than_pupils_are_sent_once_the_teacher_explains(client, activity):
    needs = "Classe d’enseignement spécialisé : un adulte par élève, et deux éducateurs."
    response = client.post(
        booking_url(activity), booking_data(activity, pupils="12", adults="14", needs=needs)
    )
    assert response.status_code == 302
    booking = BookingRequest.objects.get()
    assert (booking.pupils, booking.adults, booking.needs) == (12, 14, needs)


def test_spaces_alone_explain_nothing(client, activity):
    client.post(
        booking_url(activity), booking_data(activity, pupils="12", adults="14", needs="   ")
    )
    assert not BookingRequest.objects.exists()
