"""A request sent again is stored once, and the sender is told so on the thank-you page.

A teacher with two classes who sends the same booking twice must not believe both classes
booked: the team holds one request. A double tap is told the same, harmlessly.
"""

import re

import pytest
from django.utils import translation

from csti_cms.core.dates import time_of_day
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

SENT_AGAIN = re.compile(r'<p class="sent-again"><strong>(.*?)</strong></p>', re.S)


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def told_sent_again(response):
    """What the thank-you page says of a request sent again, or ``None``."""
    found = SENT_AGAIN.findall(response.content.decode())
    return found[0] if found else None


def book(client, activity, **overrides):
    """Send a booking of ``activity``; the thank-you page the browser is sent to."""
    response = client.post(booking_url(activity), booking_data(activity, **overrides))
    assert response.status_code == 302
    return client.get(response["Location"])


def sent_at(enquiry):
    with translation.override("en"):
        return time_of_day(enquiry.created_at)


def test_the_teacher_who_sends_the_same_booking_again_is_told_it_is_stored_once(client, activity):
    """Two classes of 24, the form sent twice with the same answers: one request."""
    book(client, activity, pupils="24")
    again = book(client, activity, pupils="24")
    booking = BookingRequest.objects.get()
    assert told_sent_again(again) == (
        f"You had already sent this request (reference {booking.reference}) at "
        f"{sent_at(booking)}: we have it once. For a second class, send a request again and "
        "say so under “Anything else?”, or ask us to change the number of pupils."
    )


def test_a_first_booking_is_not_told_it_was_sent_before(client, activity):
    assert told_sent_again(book(client, activity)) is None


def test_reloading_the_thank_you_page_says_the_same(client, activity):
    first = book(client, activity)
    assert told_sent_again(client.get(first.request["PATH_INFO"])) is None
    again = book(client, activity)
    reloaded = client.get(again.request["PATH_INFO"])
    assert told_sent_again(reloaded) == told_sent_again(again) is not None


def test_a_booking_changed_after_a_repeat_is_a_new_one_and_not_told(client, activity):
    book(client, activity)
    book(client, activity)
    second_class = book(client, activity, needs="A second class of 24 the same day.")
    assert BookingRequest.objects.count() == 2
    assert told_sent_again(second_class) is None


def ask_quote(client):
    """Ask a quote for the English demo auditorium; the redirect to the thank-you page."""
    auditorium = demo_page("space-auditorium", "en")
    response = client.post(quote_url("en"), quote_data(spaces=[str(auditorium.pk)]))
    assert response.status_code == 302
    return response


def test_the_organiser_who_sends_the_same_quote_again_is_told_it_is_stored_once(client):
    ask_quote(client)
    response = ask_quote(client)
    quote = QuoteRequest.objects.get()
    assert told_sent_again(client.get(response["Location"])) == (
        f"You had already sent this request (reference {quote.reference}) at "
        f"{sent_at(quote)}: we have it once. For a second event, send a request again and "
        "say so in your message."
    )


def test_a_first_quote_is_not_told_it_was_sent_before(client):
    response = ask_quote(client)
    assert told_sent_again(client.get(response["Location"])) is None


def test_the_form_asks_a_larger_group_to_tell_of_the_other_class_rather_than_send_twice(
    client, activity
):
    response = client.post(
        booking_url(activity), booking_data(activity, pupils=str(activity.max_pupils + 1))
    )
    with translation.override("en"):
        (message,) = response.context["form"].errors["pupils"]
    assert "under “Anything else?”" in message
    assert "two sessions" not in message
