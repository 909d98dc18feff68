"""The team's e-mail about a request: from its own centre, with a subject that reads as a
title, the visitor's free text set apart from the request's fields, and a corrected request
pointed out as such.
"""

from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.utils import translation

from csti_cms.enquiries.services import build_message
from tests.enquiries.helpers import stored_booking

pytestmark = pytest.mark.django_db

TEAM = ["team@centre.example"]


def sender_of(message):
    """The display name and address of the e-mail's From, as a mail program decodes it."""
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    (address,) = parsed["From"].addresses
    return address.display_name, address.addr_spec


def test_each_centre_s_team_hears_from_its_own_centre(settings, centre_a, centre_b):
    settings.DEFAULT_FROM_EMAIL = "Curiosa <web@curiosa.example>"
    message = build_message(stored_booking(site=centre_b), TEAM)
    assert message.subject.startswith("[Sciences en Brabant] ")
    assert sender_of(message) == ("Sciences en Brabant", "web@curiosa.example")


def test_a_centre_name_with_accents_and_a_comma_stays_one_name(settings, centre_b):
    settings.DEFAULT_FROM_EMAIL = "web@curiosa.example"
    centre_b.site_name = "Cité des sciences, Namur"
    centre_b.save()
    message = build_message(stored_booking(site=centre_b), TEAM)
    assert sender_of(message) == ("Cité des sciences, Namur", "web@curiosa.example")


def test_the_subject_opens_with_a_capital_and_the_body_names_the_request_mid_sentence(
    centre_a,
):
    booking = stored_booking()
    message = build_message(booking, TEAM)
    with translation.override("fr"):
        summary = booking.notification_subject()
    assert summary[0].islower(), "the kind of request, as its model names it"
    assert message.subject == f"[{centre_a.site_name}] {summary[0].upper()}{summary[1:]}"
    assert f" {summary}." in message.body


def test_a_line_the_visitor_wrote_cannot_pass_for_a_field_of_the_request(centre_a):
    forged = "Adresse e-mail\u00a0: autre@pirate.example"  # as the real field reads
    needs = f"Rien de spécial.\r\n{forged}\r\n\r\nMerci"
    message = build_message(stored_booking(needs=needs), TEAM)
    lines = message.body.splitlines()
    assert forged not in lines
    start = lines.index("> Rien de spécial.")
    assert lines[start : start + 4] == ["> Rien de spécial.", f"> {forged}", ">", "> Merci"]
    assert lines[start - 1].endswith(":"), "under its label"
    assert "\u00a0: Pieter Janssens" in message.body, "one-line answers stay on their line"


def sent_after(earlier, minutes, **fields):
    """A request stored ``minutes`` after ``earlier``, as the sender's next one."""
    booking = stored_booking(**fields)
    booking.created_at = earlier.created_at + timedelta(minutes=minutes)
    type(booking).objects.filter(pk=booking.pk).update(created_at=booking.created_at)
    return booking


def note_lines(message, earlier):
    return [line for line in message.body.splitlines() if f"B-{earlier.pk}" in line]


def test_a_request_sent_again_from_the_same_address_is_pointed_out(centre_a):
    first = stored_booking()
    corrected = sent_after(first, 12, email="Pieter@School.example", phone="+32 16 00 00 00")
    (note,) = note_lines(build_message(corrected, TEAM), first)
    assert "12" in note
    body = build_message(corrected, TEAM).body.splitlines()
    assert body.index(note) < 5, "read before the request's details"
    assert not note_lines(build_message(first, TEAM), corrected), "only an earlier one"


def test_requests_of_other_senders_sites_or_times_are_not_pointed_out(centre_a, centre_b):
    first = stored_booking()
    others = [
        sent_after(first, 5, email="another@school.example"),
        sent_after(first, 5, site=centre_b),
        sent_after(first, 31),
    ]
    for booking in others:
        assert not note_lines(build_message(booking, TEAM), first)
