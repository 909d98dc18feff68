"""A required answer left empty is refused with what to do, not Django's "This field is required."

Every public form of the site: the booking and quote requests, and the declarations plugin's
endorsement. A field a form comes to require later must bring its own message: these tests
compare every error of a form sent empty.
"""

import pytest
from django.utils import translation

from csti_cms.plugins.declarations.models import Endorsement
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import translated
from tests.plugins_builtin.helpers import FORM as ENDORSEMENT
from tests.plugins_builtin.helpers import MECHELEN
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

BOOKING = {
    "school_name": "Write the name of your school.",
    "school_locality": "Write the town or city of your school.",
    "contact_name": "Write your name.",
    "email": "Write your e-mail address: we send our answer there.",
    "phone": "Give a phone number where we can reach you on the day.",
    "level": "Choose the level of your class.",
    "pupils": "Give the number of pupils in your group.",
    "adults": "Give the number of adults who come with the class.",
    "activity_language": "Choose the language of the activity.",
    "preferred_date": "Choose the day you would like to come.",
}
QUOTE = {
    "organisation": "Write the name of your organisation.",
    "contact_name": "Write your name.",
    "email": "Write your e-mail address: we send our answer there.",
    "event_type": "Choose the type of your event.",
    "event_date": "Choose the date of your event.",
    "guests": "Give the number of guests you expect.",
}
ENDORSEMENT_REQUIRED = {
    "organisation": "Give the name of your organisation.",
    "country": "Write the country of your organisation.",
    "contact_name": "Write your name.",
    "email": "Write your e-mail address: we send you a link there to confirm.",
    "consent": "Please agree to the publication, without which we cannot list your organisation.",
}


def errors_in_english(response):
    with translation.override("en"):
        return {name: list(messages) for name, messages in response.context["form"].errors.items()}


def left_empty(data):
    """``data`` with every answer left empty, as a visitor who pressed "Send" at once: the
    browser sends text boxes empty and unticked boxes not at all."""
    return {name: "" for name, value in data.items() if isinstance(value, str)}


def test_a_booking_sent_empty_says_what_to_write_in_each_field(client):
    activity = demo_page("activity-colour-chemistry", "en")
    response = client.post(booking_url(activity), left_empty(booking_data(activity)))
    assert not BookingRequest.objects.exists()
    assert errors_in_english(response) == {name: [text] for name, text in BOOKING.items()}


def test_a_quote_sent_empty_says_what_to_write_in_each_field(client):
    response = client.post(quote_url("en"), left_empty(quote_data()))
    assert not QuoteRequest.objects.exists()
    assert errors_in_english(response) == {name: [text] for name, text in QUOTE.items()}


def test_an_endorsement_sent_empty_says_what_to_write_in_each_field(client):
    page = demo_page(MECHELEN, "en")
    endorsements = Endorsement.objects.count()
    response = client.post(page.url + "endorse/", left_empty(ENDORSEMENT))
    assert Endorsement.objects.count() == endorsements
    expected = {name: [text] for name, text in ENDORSEMENT_REQUIRED.items()}
    assert errors_in_english(response) == expected


@pytest.mark.parametrize(
    ("language", "translation_"),
    [("fr", "Écrivez le nom de votre école."), ("nl", "Schrijf de naam van je school.")],
)
def test_the_message_is_in_the_visitors_language(client, language, translation_):
    activity = demo_page("activity-colour-chemistry", language)
    with translated(language, BOOKING["school_name"], translation_):
        response = client.post(booking_url(activity), booking_data(activity, school_name=""))
    assert translation_ in response.content.decode()
