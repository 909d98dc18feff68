"""The team's e-mail writes dates as the site and the form wrote them to the visitor
("vendredi 1er janvier 2027"), not "1 janvier 2027" in the body and "2027-03-29" in the subject."""

from datetime import date

import pytest
from django.core import mail

from csti_cms.enquiries.services import notify
from tests.enquiries.helpers import stored_booking, stored_quote

pytestmark = pytest.mark.django_db


def test_the_body_gives_each_date_its_weekday_and_the_first_of_the_month(notifications):
    booking = stored_booking(preferred_date=date(2027, 3, 29), alternative_date=date(2027, 1, 1))
    assert notify(booking) is True
    (message,) = mail.outbox
    assert "lundi 29 mars 2027\n" in message.body
    assert "vendredi 1er janvier 2027\n" in message.body
    assert "2027-" not in message.body


def test_the_subject_names_the_day_in_words_without_the_weekday(notifications):
    assert notify(stored_booking(preferred_date=date(2027, 3, 29))) is True
    assert notify(stored_quote(event_date=date(2027, 1, 1), guests=150)) is True
    booking, quote = (message.subject for message in mail.outbox)
    assert booking.endswith("(29 mars 2027)")
    assert quote.endswith("(1er janvier 2027, 150 invités)")
