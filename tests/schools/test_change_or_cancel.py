"""The thank-you page tells the sender how to change or cancel their request: whom to write
to or call, quoting the reference, with the contact details the centre has set."""

import re

import pytest
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

CHANGE_OR_CANCEL = re.compile(r'<p class="change-or-cancel">(.*?)</p>', re.S)
EMAIL = '<a href="mailto:ecoles@curiosa.example">ecoles@curiosa.example</a>'
PHONE = '<a href="tel:+3281001122">+32 81 00 11 22</a>'


def set_contact(phone, email):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone, contact.email = phone, email
    contact.save()


def how_to_change(response):
    """The line of the thank-you page on changing or cancelling, or ``None``."""
    found = CHANGE_OR_CANCEL.findall(response.content.decode())
    return found[0] if found else None


def booking_sent_page(client):
    activity = demo_page("activity-colour-chemistry", "en")
    response = client.post(booking_url(activity), booking_data(activity))
    assert response.status_code == 302
    return client.get(response["Location"])


def quote_sent_page(client):
    auditorium = demo_page("space-auditorium", "en")
    response = client.post(quote_url("en"), quote_data(spaces=[str(auditorium.pk)]))
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.mark.parametrize(
    ("phone", "email", "way"),
    [
        ("+32 81 00 11 22", "ecoles@curiosa.example", f"write to {EMAIL} (or call {PHONE})"),
        ("", "ecoles@curiosa.example", f"write to {EMAIL}"),
        ("+32 81 00 11 22", "", f"call {PHONE}"),
    ],
)
def test_the_teacher_learns_whom_to_tell_to_change_or_cancel(client, phone, email, way):
    set_contact(phone, email)
    sent = booking_sent_page(client)
    reference = BookingRequest.objects.get().reference
    assert how_to_change(sent) == (
        f"To change the number of pupils or cancel, {way} quoting reference {reference}."
    )


@pytest.mark.parametrize(
    ("phone", "email", "way"),
    [
        ("+32 81 00 11 22", "ecoles@curiosa.example", f"write to {EMAIL} (or call {PHONE})"),
        ("", "ecoles@curiosa.example", f"write to {EMAIL}"),
        ("+32 81 00 11 22", "", f"call {PHONE}"),
    ],
)
def test_the_organiser_learns_whom_to_tell_to_change_or_cancel(client, phone, email, way):
    set_contact(phone, email)
    sent = quote_sent_page(client)
    reference = QuoteRequest.objects.get().reference
    assert how_to_change(sent) == (
        f"To change or cancel your request, {way} quoting reference {reference}."
    )


def test_nothing_is_said_when_the_centre_has_no_contact_details(client):
    set_contact("", "")
    assert how_to_change(booking_sent_page(client)) is None
    assert how_to_change(quote_sent_page(client)) is None


def test_a_visitor_without_a_receipt_is_given_no_reference_to_quote(client):
    set_contact("+32 81 00 11 22", "ecoles@curiosa.example")
    activity = demo_page("activity-colour-chemistry", "en")
    sent = client.get(activity.url + activity.reverse_subpage("booking_sent"))
    assert sent.status_code == 200
    assert how_to_change(sent) is None
