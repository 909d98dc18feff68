"""The team answers each visitor in the language they wrote in.

A teacher writing in Dutch to a French-speaking centre gets an answer in Dutch: the
team's e-mail opens with the language to answer in, the request's address starts an
answer whose subject is already in the visitor's language, and the listings name each
request's language and filter by it, so a Dutch-speaking colleague finds the Dutch ones.
"""

import re
from urllib.parse import quote

import pytest
from django.core import mail
from django.utils import translation

from csti_cms.enquiries.services import notify
from tests.enquiries.helpers import BOOKINGS, QUOTES, stored_booking, stored_quote, translated

pytestmark = pytest.mark.django_db

BOOKING_SUBJECT = "Your booking request %(reference)s"
QUOTE_SUBJECT = "Your quote request %(reference)s"
LANGUAGE_LINE = "Language to answer in: %(language)s"


def mailto(address, subject):
    return f'href="mailto:{address}?subject={quote(subject)}"'


@pytest.mark.parametrize("view", ["inspect", "edit"])
def test_a_dutch_teachers_address_starts_an_answer_in_dutch(team_member, centre_a, view):
    booking = stored_booking(site=centre_a, language="nl")
    with translated("nl", BOOKING_SUBJECT, "Je reservatieaanvraag %(reference)s"):
        response = team_member.get(f"{BOOKINGS}{view}/{booking.pk}/", HTTP_HOST=centre_a.hostname)
    assert response.status_code == 200
    subject = f"Je reservatieaanvraag B-{booking.pk}"
    assert mailto("pieter@school.example", subject) in response.content.decode()


def test_a_quote_is_answered_in_french_from_an_admin_in_english(team_member, centre_a):
    quote_request = stored_quote(site=centre_a, language="fr")
    with translated("fr", QUOTE_SUBJECT, "Votre demande de devis %(reference)s"):
        response = team_member.get(
            f"{QUOTES}inspect/{quote_request.pk}/", HTTP_HOST=centre_a.hostname
        )
    subject = f"Votre demande de devis Q-{quote_request.pk}"
    assert mailto("sophie.lambert@biotech.example", subject) in response.content.decode()


def test_an_erased_address_is_no_link(team_member, centre_a):
    booking = stored_booking(site=centre_a, email="")
    html = team_member.get(
        f"{BOOKINGS}inspect/{booking.pk}/", HTTP_HOST=centre_a.hostname
    ).content.decode()
    assert "mailto:" not in html


def test_the_listings_name_the_visitors_language_and_filter_by_it(team_member, centre_a):
    stored_booking(site=centre_a, language="nl", school_name="Basisschool De Linde")
    stored_booking(site=centre_a, language="fr", school_name="École des Tilleuls")
    stored_quote(site=centre_a, language="nl", organisation="Gentse Haven NV")
    listing = team_member.get(BOOKINGS, HTTP_HOST=centre_a.hostname).content.decode()
    assert re.search(r">\s*Dutch\s*</td>", listing) and re.search(r">\s*French\s*</td>", listing)
    assert re.search(r'name="language"[^>]*value="nl"', listing), "the filter offers Dutch"
    for url, kept, left_out in (
        (BOOKINGS, "Basisschool De Linde", "École des Tilleuls"),
        (QUOTES, "Gentse Haven NV", "Biotech Namur SA"),
    ):
        html = team_member.get(url, {"language": "nl"}, HTTP_HOST=centre_a.hostname)
        html = html.content.decode()
        assert kept in html and left_out not in html, url


def test_the_team_email_opens_with_the_language_to_answer_in(notifications):
    with translated("fr", LANGUAGE_LINE, "Langue de réponse\u00a0: %(language)s"):
        # The activity in French: the only Dutch is the teacher's.
        assert notify(stored_booking(language="nl", activity_language="fr")) is True
    (message,) = mail.outbox
    with translation.override("fr"):  # the demo centre's team reads French
        dutch = str(translation.get_language_info("nl")["name_translated"])
    first_line, _blank, *rest = message.body.splitlines()
    assert first_line == f"Langue de réponse\u00a0: {dutch}"
    assert not [line for line in rest if dutch in line], "said once, at the top"
