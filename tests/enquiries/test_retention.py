"""After the retention period a request forgets who sent it and keeps what was asked."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst

from csti_cms.enquiries.models import RequestLogEntry
from csti_cms.enquiries.retention import erase_personal_data, retention_period_text
from csti_cms.enquiries.services import enquiry_models, retry_pending
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import (
    BOOKINGS,
    QUOTES,
    read_only_values,
    stored_booking,
    stored_quote,
)
from tests.helpers import run_manage
from tests.schools.helpers import booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

TWO_YEARS_AGO = timedelta(days=731)


def received(enquiry, age):
    """``enquiry`` as if it had arrived ``age`` ago (``created_at`` is set on creation), for
    a visit or an event that day: the period counts from the later of the two."""
    model = type(enquiry)
    moment = timezone.now() - age
    days = dict.fromkeys(model.days_asked_for, timezone.localdate(moment))
    model.objects.filter(pk=enquiry.pk).update(created_at=moment, **days)
    return enquiry


def erase(*args):
    out = io.StringIO()
    call_command("erase_old_personal_data", *args, stdout=out)
    return out.getvalue()


def test_an_old_booking_keeps_its_figures_and_loses_its_sender():
    booking = received(
        stored_booking(
            phone="+32 16 12 34 56",
            needs="Lotte uses a wheelchair.",
            internal_notes="Mrs Janssens prefers mornings.",
            notification_error="SMTPRecipientsRefused: pieter@school.example",
            # A hash of the sender's details, which goes with them.
            submission_fingerprint="f" * 64,
        ),
        TWO_YEARS_AGO,
    )
    erase()
    booking.refresh_from_db()
    personal = [getattr(booking, name) for name in BookingRequest.personal_fields]
    assert personal == ["", "", "", "", "", "", ""]
    assert booking.personal_data_erased_at is not None
    kept = (booking.school_name, booking.school_locality, booking.pupils, booking.adults)
    assert kept == ("Basisschool De Linde", "Leuven", 20, 2)


def test_an_old_quote_loses_its_message_and_keeps_its_event():
    quote = received(
        stored_quote(message="Call me on my mobile, Sophie.", budget=12000), TWO_YEARS_AGO
    )
    erase()
    quote.refresh_from_db()
    assert (quote.contact_name, quote.email, quote.message) == ("", "", "")
    assert (quote.organisation, quote.guests, quote.budget) == ("Biotech Namur SA", 150, 12000)


def test_a_private_celebration_loses_the_family_it_is_named_after():
    family = received(
        stored_quote(event_type="private", organisation="Famille Janssens"), TWO_YEARS_AGO
    )
    company = received(stored_quote(event_type="reception"), TWO_YEARS_AGO)
    erase()
    family.refresh_from_db()
    company.refresh_from_db()
    assert (family.organisation, family.event_type, family.guests) == ("", "private", 150)
    assert company.organisation == "Biotech Namur SA"


def test_a_private_celebration_erased_before_loses_its_family_name_too():
    """Requests erased before the organisation of private events counted as personal."""
    family = received(
        stored_quote(
            event_type="private",
            organisation="Famille Janssens",
            contact_name="",
            email="",
            personal_data_erased_at=timezone.now() - timedelta(days=30),
        ),
        TWO_YEARS_AGO,
    )
    first = QuoteRequest.objects.get(pk=family.pk).personal_data_erased_at
    assert erase().startswith("Erased the personal details of 1 quote request")
    family.refresh_from_db()
    assert family.organisation == "" and family.personal_data_erased_at == first


def test_notes_written_after_the_erasure_are_erased_at_the_next_run(admin_client):
    booking = received(stored_booking(), TWO_YEARS_AGO)
    erase()
    booking.refresh_from_db()
    first = booking.personal_data_erased_at
    admin_client.post(
        f"{BOOKINGS}edit/{booking.pk}/",
        {"status": "confirmed", "internal_notes": "Mrs Janssens called back."},
    )
    assert erase().startswith("Erased the personal details of 1 booking request")
    booking.refresh_from_db()
    assert (booking.internal_notes, booking.status) == ("", "confirmed")
    assert booking.personal_data_erased_at == first


def test_the_history_of_an_erased_request_names_nobody(admin_client):
    family, recent = (
        stored_quote(event_type="private", organisation=name)
        for name in ("Famille Janssens", "Famille Peeters")
    )
    for quote in (family, recent):
        response = admin_client.post(f"{QUOTES}edit/{quote.pk}/", {"status": "confirmed"})
        assert response.status_code == 302
    received(family, TWO_YEARS_AGO)
    erase()
    labels = dict(RequestLogEntry.objects.values_list("object_id", "label"))
    with translation.override("fr"):  # the site's main language, as the team's e-mails
        assert labels[str(family.pk)] == f"{capfirst(QuoteRequest._meta.verbose_name)} #{family.pk}"
    assert labels[str(recent.pk)].startswith("Famille Peeters")


def test_requests_within_the_period_are_left_alone():
    recent = received(stored_booking(), timedelta(days=729))
    erase()
    recent.refresh_from_db()
    assert recent.contact_name == "Pieter Janssens" and recent.personal_data_erased_at is None


def test_a_second_run_finds_nothing_and_keeps_the_first_erasure_date():
    booking = received(stored_booking(), TWO_YEARS_AGO)
    assert erase() != ""
    booking.refresh_from_db()
    first = booking.personal_data_erased_at
    assert erase() == ""  # cron mails what a job prints
    booking.refresh_from_db()
    assert booking.personal_data_erased_at == first


def test_the_command_says_what_it_erased_in_one_line():
    received(stored_booking(), TWO_YEARS_AGO)
    received(stored_booking(), TWO_YEARS_AGO)
    received(stored_quote(), TWO_YEARS_AGO)
    with translation.override("fr"):  # as a command runs: in the site's language
        output = erase()
    assert output.startswith("Erased the personal details of 2 booking requests, 1 quote request")
    assert "received before" in output and output.count("\n") == 1


def test_a_dry_run_counts_and_changes_nothing():
    booking = received(stored_booking(), TWO_YEARS_AGO)
    assert erase("--dry-run").startswith("Would erase the personal details of 1 booking request")
    booking.refresh_from_db()
    assert booking.email == "pieter@school.example"


def test_days_given_to_the_command_replace_the_setting():
    booking = received(stored_booking(), timedelta(days=100))
    erase("--days", "90")
    booking.refresh_from_db()
    assert booking.email == ""


def test_a_negative_number_of_days_is_refused():
    with pytest.raises(CommandError, match="0 or more"):
        erase("--days", "-1")


def test_a_retention_of_zero_keeps_everything(settings):
    settings.CSTI_REQUEST_RETENTION_DAYS = 0
    booking = received(stored_booking(), timedelta(days=3650))
    output = erase("--verbosity", "2")
    assert output == "Retention is off (0 days): requests keep their personal details.\n"
    booking.refresh_from_db()
    assert booking.email == "pieter@school.example"


def test_a_failure_leaves_every_kind_of_request_as_it_was(monkeypatch):
    """One transaction: the kind erased first is restored when the next one fails."""
    requests = {
        BookingRequest: received(stored_booking(), TWO_YEARS_AGO),
        QuoteRequest: received(stored_quote(), TWO_YEARS_AGO),
    }
    first, *_, last = enquiry_models()
    monkeypatch.setattr(last, "personal_fields", ("no_such_field",))
    with pytest.raises(FieldDoesNotExist):
        erase_personal_data(timezone.now())
    unchanged = requests[first]
    unchanged.refresh_from_db()
    assert unchanged.personal_data_erased_at is None and unchanged.email


def test_an_erased_request_is_not_notified_again(notifications):
    booking = received(stored_booking(), TWO_YEARS_AGO)
    BookingRequest.objects.filter(pk=booking.pk).update(notified=False)
    erase()
    assert retry_pending([BookingRequest]) == (0, 0, 0)


def test_the_team_sees_when_a_request_was_erased(admin_client):
    booking = received(stored_booking(), TWO_YEARS_AGO)
    erase()
    booking.refresh_from_db()
    with translation.override("en"):
        response = admin_client.get(f"{BOOKINGS}edit/{booking.pk}/")
        erased_at = date_format(
            timezone.localtime(booking.personal_data_erased_at), "DATETIME_FORMAT"
        )
    assert response.status_code == 200
    assert erased_at in read_only_values(response.content.decode())


def test_an_erased_request_can_still_be_followed_up(admin_client):
    """Its status changes although the contact fields it was sent with are now empty."""
    booking = received(stored_booking(), TWO_YEARS_AGO)
    erase()
    response = admin_client.post(
        f"{BOOKINGS}edit/{booking.pk}/", {"status": "confirmed", "internal_notes": ""}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == "confirmed"


@pytest.mark.parametrize(
    ("days", "words"),
    [(730, "2 years"), (365, "1 year"), (180, "6 months"), (45, "45 days"), (0, "")],
)
def test_the_period_reads_in_the_largest_whole_unit(days, words):
    with translation.override("en"):
        assert retention_period_text(days) == words


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "erase your contact details and messages 2 years after your request or your visit"),
        ("fr", "2\xa0ans après votre demande, ou après votre visite si elle est plus tardive"),
        ("nl", "2 jaar na je aanvraag, of na je bezoek als dat later is"),
    ],
)
def test_the_booking_form_tells_visitors_how_long_their_details_are_kept(
    client, language, expected
):
    html = client.get(booking_url(demo_page("activity-colour-chemistry", language))).content
    assert expected in html.decode()


def test_the_quote_form_says_nothing_of_a_period_when_details_are_kept(client, settings):
    settings.CSTI_REQUEST_RETENTION_DAYS = 0
    html = client.get(quote_url("en")).content.decode()
    assert "We use these details only to answer your request." in html
    assert "erase" not in html


def test_a_negative_period_in_the_environment_stops_the_site_with_its_name():
    result = run_manage("check", CSTI_REQUEST_RETENTION_DAYS="-30")
    assert result.returncode != 0
    assert "CSTI_REQUEST_RETENTION_DAYS='-30' is below 0." in result.stderr


def test_a_request_deleted_by_hand_leaves_no_name_in_the_history(admin_client):
    """Deleting is how the guide says to honour an erasure request: the next run renames
    the history Wagtail kept under the request's title."""
    quote = stored_quote(event_type="private", organisation="Famille Janssens")
    assert (
        admin_client.post(f"{QUOTES}edit/{quote.pk}/", {"status": "confirmed"}).status_code == 302
    )
    assert admin_client.post(f"{QUOTES}delete/{quote.pk}/").status_code == 302
    erase()
    labels = set(
        RequestLogEntry.objects.filter(object_id=str(quote.pk)).values_list("label", flat=True)
    )
    with translation.override("fr"):
        assert labels == {f"{capfirst(QuoteRequest._meta.verbose_name)} #{quote.pk}"}
