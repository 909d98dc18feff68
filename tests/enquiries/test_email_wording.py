"""The team's e-mail and the forms' e-mail errors speak as the rest of the site does.

French sets a no-break space before a colon, so every "label: value" of the e-mail
is a sentence translators shape; the visitor's language is named in the e-mail's
language; and an invalid address is explained with the site's word "e-mail".
"""

import pytest
from django.core import mail
from django.utils import translation
from django.utils.text import capfirst

from csti_cms.enquiries.forms import INVALID_EMAIL
from csti_cms.enquiries.services import notify
from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import stored_booking, translated
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

SUBJECT = "%(kind)s %(reference)s: %(request)s"
LINE = "%(label)s: %(value)s"


def test_the_subject_and_each_line_follow_the_translators_punctuation(notifications):
    booking = stored_booking()
    with (
        translated("fr", SUBJECT, "%(kind)s %(reference)s\u00a0: %(request)s"),
        translated("fr", LINE, "%(label)s\u00a0: %(value)s"),
    ):
        assert notify(booking) is True
    (message,) = mail.outbox
    with translation.override("fr"):  # the booking's date too is written in French
        kind = capfirst(BookingRequest._meta.verbose_name)
        expected = f"{kind} B-{booking.pk}\u00a0: {booking}"
    assert expected in message.subject
    assert "\u00a0: Basisschool De Linde\n" in message.body
    assert "\u00a0: Pieter Janssens\n" in message.body


def test_the_visitors_language_is_named_in_the_emails_language(notifications):
    assert notify(stored_booking(language="nl", activity_language="fr")) is True
    (message,) = mail.outbox
    assert "Nederlands" not in message.body
    with translation.override("fr"):
        dutch = str(translation.get_language_info("nl")["name_translated"])
    assert f": {dutch}\n" in message.body


def invalid_email_errors(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 200
    return response.context["form"].errors["email"]


def test_booking_and_quote_forms_explain_an_invalid_address_in_the_sites_words(client):
    activity = demo_page("activity-colour-chemistry", "en")
    with translation.override("en"):
        expected = [str(INVALID_EMAIL)]
        booking = invalid_email_errors(
            client, booking_url(activity), booking_data(activity, email="claire@")
        )
        quote = invalid_email_errors(client, quote_url("en"), quote_data(email="sophie@"))
    assert booking == expected and quote == expected
    assert expected == ["Enter a valid e-mail address, such as name@example.org."]
