"""The team finds a request by what they type naturally: any case, with or without
accents, a postcode, a phone number written their own way."""

from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone

from csti_cms.enquiries.retention import erase_personal_data
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.enquiries.helpers import BOOKINGS, QUOTES, stored_booking, stored_quote

pytestmark = pytest.mark.django_db


def found(client, url, typed):
    """The listing's page for the search ``typed``, as the team reads it."""
    response = client.get(url, {"q": typed})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("typed", ["école", "ÉCOLE", "ecole", "Ecole des TILLEULS"])
def test_a_school_is_found_in_any_case_with_or_without_accents(english_admin_client, typed):
    """SQLite folds the case of ASCII letters only: "école" missed "École" there."""
    stored_booking(school_name="École des Tilleuls")
    stored_booking(school_name="Basisschool De Linde")
    html = found(english_admin_client, BOOKINGS, typed)
    assert "École des Tilleuls" in html and "Basisschool De Linde" not in html


@pytest.mark.parametrize("typed", ["müller", "MÜLLER", "muller"])
def test_a_contact_is_found_in_any_case_with_or_without_accents(english_admin_client, typed):
    stored_booking(school_name="Athénée royal", contact_name="Anna Müller")
    stored_booking(school_name="Basisschool De Linde", contact_name="Pieter Janssens")
    html = found(english_admin_client, BOOKINGS, typed)
    assert "Athénée royal" in html and "Basisschool De Linde" not in html


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [("athenee", "Athénée des Sciences"), ("ecureuils", "Les Écureuils asbl")],
)
def test_an_organisation_is_found_without_its_accents(english_admin_client, typed, wanted):
    stored_quote(organisation="Athénée des Sciences")
    stored_quote(organisation="Les Écureuils asbl")
    stored_quote(organisation="Biotech Namur SA")
    html = found(english_admin_client, QUOTES, typed)
    others = {"Athénée des Sciences", "Les Écureuils asbl", "Biotech Namur SA"} - {wanted}
    assert wanted in html and not any(other in html for other in others)


def test_every_word_typed_must_match(english_admin_client):
    stored_booking(school_name="École des Tilleuls", school_locality="Namur")
    stored_booking(school_name="École du Parc", school_locality="Leuven")
    html = found(english_admin_client, BOOKINGS, "ecole namur")
    assert "École des Tilleuls" in html and "École du Parc" not in html


def test_a_school_is_found_by_its_postcode(english_admin_client):
    stored_booking(school_name="École des Tilleuls", school_postal_code="7911")
    stored_booking(school_name="Basisschool De Linde", school_postal_code="3000")
    html = found(english_admin_client, BOOKINGS, "7911")
    assert "École des Tilleuls" in html and "Basisschool De Linde" not in html


@pytest.mark.parametrize(
    "typed", ["+32 81 44 55 66", "081/44.55.66", "0032 81 445566", "44 55 66", "+32.81.44.55.66"]
)
def test_a_phone_number_is_found_however_it_is_written(english_admin_client, typed):
    """The GDPR steps of the editor guide have the team find a person through search."""
    stored_quote(organisation="Biotech Namur SA", phone="+32 81 44 55 66")
    stored_quote(organisation="Les Écureuils asbl", phone="+32 2 123 45 67")
    html = found(english_admin_client, QUOTES, typed)
    assert "Biotech Namur SA" in html and "Les Écureuils asbl" not in html


@pytest.mark.parametrize("typed", ["+32 472 12 34 56", "0032 472 123 456", "0472/12.34.56"])
def test_a_number_written_nationally_is_found_by_its_international_form(
    english_admin_client, typed
):
    """Visitors write "0472…"; a caller's number shows as "+32 472…"."""
    stored_quote(organisation="Biotech Namur SA", phone="0472 12 34 56")
    stored_quote(organisation="Les Écureuils asbl", phone="0473 12 34 56")
    html = found(english_admin_client, QUOTES, typed)
    assert "Biotech Namur SA" in html and "Les Écureuils asbl" not in html


def test_the_reference_still_finds_its_request(english_admin_client):
    wanted = stored_booking(school_name="École des Tilleuls")
    stored_booking(school_name="Basisschool De Linde")
    html = found(english_admin_client, BOOKINGS, wanted.reference)
    assert "École des Tilleuls" in html and "Basisschool De Linde" not in html


def test_erased_details_are_no_longer_found(english_admin_client):
    """The search text repeats the contact's details: it forgets them with the request."""
    booking = stored_booking(contact_name="Anna Müller", phone="+32 81 44 55 66")
    old = timezone.now().replace(year=2000)
    BookingRequest.objects.filter(pk=booking.pk).update(created_at=old, preferred_date=old.date())
    erase_personal_data(timezone.now())
    booking.refresh_from_db()
    assert "muller" not in booking.search_text and "4455" not in booking.search_text
    # The school, kept for the centre's counts, is still found, and after a save too.
    assert "basisschool de linde" in booking.search_text
    assert "Basisschool De Linde" in found(english_admin_client, BOOKINGS, "linde")
    booking.status = "confirmed"
    booking.save()
    assert "muller" not in booking.search_text and "basisschool de linde" in booking.search_text
    assert "Basisschool De Linde" in found(english_admin_client, BOOKINGS, "linde")
    assert "Basisschool De Linde" not in found(english_admin_client, BOOKINGS, "muller")
    assert not erase_personal_data(timezone.now()), "an erased request is not erased again"


def test_requests_received_before_the_search_text_are_found(english_admin_client):
    stored_booking(school_name="École des Tilleuls", phone="081 44 55 66")
    stored_quote(organisation="Les Écureuils asbl")
    BookingRequest.objects.update(search_text="")
    QuoteRequest.objects.update(search_text="")
    import_module("csti_cms.schools.migrations.0010_bookingrequest_search_text").fold_booking_texts(
        apps, None
    )
    import_module("csti_cms.venues.migrations.0007_quoterequest_search_text").fold_quote_texts(
        apps, None
    )
    assert "École des Tilleuls" in found(english_admin_client, BOOKINGS, "ecole 081 44")
    assert "Les Écureuils asbl" in found(english_admin_client, QUOTES, "ecureuils")
