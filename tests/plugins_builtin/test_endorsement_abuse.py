"""The endorsement form cannot make the centre e-mail a stranger a text of someone's choosing.

The confirmation e-mail, from the centre's name, greets the contact by name and quotes the
organisation, to whatever address was typed: a security review sent a phishing text eight
times in a minute to one victim, from eight addresses of one IPv6 /64.
"""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone, translation
from freezegun import freeze_time

from csti_cms.enquiries.ratelimit import RateLimit
from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page

from .helpers import FORM, MECHELEN, endorse

pytestmark = pytest.mark.django_db

TORONTO = "declarations-toronto-2008"
REFUSAL = (
    "Please leave out web and e-mail addresses: give your organisation's website in the "
    "“Website” field."
)
VICTIM = "victim@example.net"


def field_errors(response, field):
    with translation.override("en"):
        return response.context["form"].errors.get(field, [])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_name", "client, votre compte expire : https://evil.example/login"),
        ("contact_name", "client, allez sur evil.example"),
        ("contact_name", "écrivez à support@evil.example"),
        ("organisation", "Gagnez 500 EUR sur https://evil.example/claim"),
        ("organisation", "Gagnez 500 EUR sur www.evil.example"),
        ("organisation", "Gagnez 500 EUR sur evil.example/claim"),
        ("organisation", "Écrivez à support@evil.example"),
        # A mail client makes a link of a host with a query, a fragment or a port too.
        ("organisation", "Gagnez 500 EUR sur evil.com?claim=1"),
        ("organisation", "Gagnez 500 EUR sur evil.com#x"),
        ("organisation", "Gagnez 500 EUR sur evil.com:8080"),
        # Browsers read a scheme with one slash as with two.
        ("organisation", "Gagnez 500 EUR sur http:/evil.com"),
        ("organisation", "Gagnez 500 EUR sur HXXPS:/evil.com"),
        ("contact_name", "client, allez sur Evil.example.com"),
    ],
)
def test_an_address_in_the_name_or_organisation_is_refused(client, field, value):
    response = endorse(client, demo_page(MECHELEN, "en"), email=VICTIM, **{field: value})
    assert response.status_code == 200
    assert field_errors(response, field) == [REFUSAL]
    assert not Endorsement.objects.filter(email=VICTIM).exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("organisation", "contact_name"),
    [
        ("Sciences.be", "J.P. Dupont"),
        ("Science Centre A.S.B.L.", "J.-P.Dupont"),
        ("Technopolis A.S.B.L./V.Z.W.", "Dr. Anne Lambert"),
        # Names are written with capitals; a host mail clients make a link of ends in lowercase.
        ("Univ.Gent/UGent", "Dr.Dupont"),
        ("Asbl.Bruxelles/Brussel vzw", "Mr.Smith"),
        ("Sciences.be: le musée", "Prof.Janssens"),
        ("Musée des Sciences", "Sté.Générale"),
    ],
)
def test_names_with_dots_are_welcome(client, organisation, contact_name):
    page = demo_page(MECHELEN, "en")
    response = endorse(client, page, organisation=organisation, contact_name=contact_name)
    assert response.status_code == 302
    assert Endorsement.objects.filter(organisation=organisation, contact_name=contact_name)
    assert len(mail.outbox) == 1


def test_the_contact_name_is_one_line_and_bounded(client):
    page = demo_page(MECHELEN, "en")
    too_long = endorse(client, page, contact_name="A" * 151)
    assert list(too_long.context["form"].errors) == ["contact_name"]
    assert endorse(client, page, contact_name="Anne\r\n\r\nLambert").status_code == 302
    assert Endorsement.objects.get(email=FORM["email"]).contact_name == "Anne Lambert"
    assert mail.outbox[0].body.startswith("Hello Anne Lambert,")


def test_an_address_gets_one_confirmation_per_declaration_and_period(client, settings):
    settings.DECLARATIONS_ENDORSEMENT_RATE_LIMIT = 100
    page = demo_page(MECHELEN, "en")
    first = endorse(client, page, organisation="Lab A", email=VICTIM)
    assert len(mail.outbox) == 1

    again = endorse(client, page, organisation="Lab B", email=VICTIM.upper())
    assert again.status_code == 302
    assert again["Location"].startswith(first["Location"] + "?delivery=withheld&until=")
    assert len(mail.outbox) == 1, "no second e-mail to the same address"
    withheld = Endorsement.objects.get(organisation="Lab B")
    assert withheld.confirmation_failed, "nobody holds a link to confirm it"

    # Another declaration is another request, another address another person.
    assert endorse(client, demo_page(TORONTO, "en"), email=VICTIM).status_code == 302
    assert endorse(client, page, organisation="Lab C", email="other@example.net")
    assert [message.to for message in mail.outbox[1:]] == [[VICTIM], ["other@example.net"]]


@pytest.mark.parametrize(
    ("language", "period", "time"),
    [
        ("en", "less than 1\xa0hour ago", "send the form again after 14:31, if"),
        ("fr", "1\xa0heure", "14:31"),
        ("nl", "1\xa0uur", "14:31"),
    ],
)
def test_a_contact_whose_link_was_withheld_is_told_when_to_try_again(
    client, settings, language, period, time
):
    """A contact correcting a typo within the hour gets no e-mail, and is told so truly."""
    settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD = 3600
    page = demo_page(MECHELEN, language)
    # 13:30:10 in Brussels (the site's time zone): the address may ask again from 14:30:10,
    # said as the next minute, in the visitor's language.
    with freeze_time(datetime.datetime(2026, 3, 19, 12, 30, 10, tzinfo=datetime.UTC)):
        endorse(client, page, organisation="Musée des Sciencse", email=VICTIM)
    with freeze_time(datetime.datetime(2026, 3, 19, 12, 40, tzinfo=datetime.UTC)):
        again = endorse(client, page, organisation="Musée des Sciences", email=VICTIM)
        response = client.get(again["Location"])
    assert len(mail.outbox) == 1
    assert response.context["delivery_withheld"]
    thanks = response.content.decode()
    assert "We have sent you an e-mail" not in thanks, "no e-mail was sent this time"
    assert period in thanks and time in thanks


def test_the_time_to_try_again_is_only_shown_within_the_period(client, settings):
    """The thank-you page's address can be altered: a far or past time is not shown."""
    settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD = 3600
    sent = demo_page(MECHELEN, "en").url + "endorse/sent/?delivery=withheld&until="
    now = int(timezone.now().timestamp())
    for until in (now + 7200, now - 60, "tomorrow", 10**20):
        thanks = client.get(f"{sent}{until}").content.decode()
        assert "less than 1\xa0hour ago" in thanks and "send the form again" not in thanks
    assert "send the form again after" in client.get(f"{sent}{now + 1800}").content.decode()


def test_after_the_period_a_new_request_is_sent_and_replaces_the_withheld_one(client, settings):
    settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD = 3600
    page = demo_page(MECHELEN, "en")
    endorse(client, page, organisation="Lab A", email=VICTIM)
    endorse(client, page, organisation="Lab B", email=VICTIM)
    assert len(mail.outbox) == 1
    withheld = Endorsement.objects.get(organisation="Lab B")

    with freeze_time(timezone.now() + datetime.timedelta(seconds=3601)):
        assert endorse(client, page, organisation="Lab B", email=VICTIM).status_code == 302
    assert len(mail.outbox) == 2 and mail.outbox[1].to == [VICTIM]
    replaced = Endorsement.objects.get(organisation="Lab B")
    assert replaced.pk == withheld.pk and not replaced.confirmation_failed


def test_an_email_that_could_not_be_sent_does_not_count(client):
    page = demo_page(MECHELEN, "en")
    with mock.patch(
        "csti_cms.plugins.declarations.endorsements.send_mail", side_effect=OSError("down")
    ):
        failed = endorse(client, page, email=VICTIM)
    assert failed["Location"].endswith("?delivery=failed")
    assert endorse(client, page, email=VICTIM).status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [VICTIM]


def test_the_addresses_of_one_ipv6_64_share_one_allowance(client, settings):
    settings.DECLARATIONS_ENDORSEMENT_RATE_LIMIT = 5
    page = demo_page(MECHELEN, "en")
    answers = [
        client.post(
            page.url + "endorse/",
            {**FORM, "organisation": f"Lab {number}", "email": f"lab{number}@example.org"},
            REMOTE_ADDR=f"2001:db8:1:2::{number}",
        ).status_code
        for number in range(1, 9)
    ]
    assert answers == [302] * 5 + [429] * 3
    assert len(mail.outbox) == 5
    other_network = client.post(
        page.url + "endorse/", {**FORM, "organisation": "Lab 9"}, REMOTE_ADDR="2001:db8:1:3::1"
    )
    assert other_network.status_code == 302


def test_the_client_is_its_ipv6_64_behind_a_proxy_too_and_its_ipv4_address(settings):
    settings.CSTI_CLIENT_ADDRESS_HEADER = "X-Real-IP"

    def allowance(address):
        request = RequestFactory().post("/", REMOTE_ADDR="", HTTP_X_REAL_IP=address)
        return RateLimit(request, "declarations.endorsement", limit=1, period=60)

    assert allowance("2001:db8:1:2::1").consume() is True
    assert allowance("2001:db8:1:2:ffff:ffff:ffff:ffff").consume() is False
    assert allowance("2001:db8:1:3::1").consume() is True
    assert allowance("192.0.2.1").consume() is True
    assert allowance("192.0.2.2").consume() is True, "an IPv4 client is its address"
    assert allowance("::ffff:192.0.2.1").consume() is False, "IPv4 written as IPv6"
