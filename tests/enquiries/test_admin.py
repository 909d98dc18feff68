"""Editors follow requests up in the admin: list, filter, change the status, export."""

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtail.users.models import UserProfile

from csti_cms.core.exports import BYTE_ORDER_MARK
from csti_cms.enquiries.models import EnquiryStatus
from csti_cms.enquiries.services import recipients_for
from csti_cms.schools.models import BookingRequest
from tests.enquiries.helpers import (
    BOOKINGS,
    csv_rows,
    read_only_values,
    stored_booking,
    stored_quote,
    xlsx_rows,
)
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


def test_requests_are_listed_newest_first_and_filtered_by_status(english_admin_client):
    stored_booking(school_name="École des Tilleuls")
    stored_booking(school_name="Basisschool De Linde", status=EnquiryStatus.CONFIRMED)
    html = english_admin_client.get(BOOKINGS).content.decode()
    assert html.index("Basisschool De Linde") < html.index("École des Tilleuls")
    confirmed = english_admin_client.get(BOOKINGS, {"status": "confirmed"}).content.decode()
    assert "Basisschool De Linde" in confirmed and "École des Tilleuls" not in confirmed


def test_nobody_adds_a_request_in_the_admin(english_admin_client):
    """Requests come from visitors: Wagtail sends even a superuser back to the dashboard."""
    assert f"{BOOKINGS}new/" not in english_admin_client.get(BOOKINGS).content.decode()
    requests = BookingRequest.objects.count()
    dashboard = reverse("wagtailadmin_home")
    for response in (
        english_admin_client.get(f"{BOOKINGS}new/"),
        english_admin_client.post(f"{BOOKINGS}new/", {"school_name": "École des Tilleuls"}),
    ):
        assert (response.status_code, response.headers.get("Location")) == (302, dashboard)
    assert BookingRequest.objects.count() == requests


def test_editors_change_the_status_and_notes_but_not_what_the_visitor_sent(english_admin_client):
    booking = stored_booking()
    response = english_admin_client.post(
        f"{BOOKINGS}edit/{booking.pk}/",
        {
            "status": "confirmed",
            "internal_notes": "Confirmé par téléphone, mardi 9 h.",
            "pupils": "99",
            "school_name": "Autre école",
        },
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == EnquiryStatus.CONFIRMED
    assert booking.internal_notes.startswith("Confirmé")
    assert booking.pupils == 20 and booking.school_name == "Basisschool De Linde"


def test_the_csv_export_has_every_request_and_no_formulas(english_admin_client):
    stored_booking(needs='=HYPERLINK("http://evil.example","click")')
    stored_booking(school_name="École des Tilleuls", status=EnquiryStatus.DECLINED)
    # The file is written after the view returns, in the request's language.
    response = english_admin_client.get(
        BOOKINGS, {"export": "csv", "status": "new"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert 'filename="booking-requests.csv"' in response["Content-Disposition"]
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(BYTE_ORDER_MARK.encode()), "Excel reads the accents as UTF-8"
    rows = content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2, "the header and the one new request"
    header, row = rows
    assert header.startswith(
        "Reference,Received (Europe/Brussels),Status,Site,Language,Activity requested"
    )
    assert "School" in header and "Preferred date" in header
    assert "Basisschool De Linde" in row
    assert "'=HYPERLINK" in row


def test_every_admin_view_of_both_kinds_of_request_opens(english_admin_client, client):
    booking = stored_booking()
    assert client.post(quote_url(), quote_data()).status_code == 302
    quote_pk = english_admin_client.get("/admin/quote_requests/").context["object_list"][0].pk
    for url in (
        f"{BOOKINGS}edit/{booking.pk}/",
        f"{BOOKINGS}inspect/{booking.pk}/",
        "/admin/quote_requests/",
        f"/admin/quote_requests/edit/{quote_pk}/",
        f"/admin/quote_requests/inspect/{quote_pk}/",
    ):
        response = english_admin_client.get(url)
        assert response.status_code == 200, url
    html = english_admin_client.get(f"/admin/quote_requests/edit/{quote_pk}/").content.decode()
    assert "Auditorium Marie Curie" in html and "Biotech Namur SA" in html
    export = english_admin_client.get(
        "/admin/quote_requests/", {"export": "csv"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    rows = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert "Spaces" in rows[0] and "Auditorium Marie Curie" in rows[1]
    assert "Coffee breaks, Cocktail reception" in rows[1]


def test_the_notification_addresses_are_set_per_site(english_admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse(
        "wagtailsettings:edit", args=["csti_enquiries", "enquirynotificationsettings", site.pk]
    )
    assert english_admin_client.get(url).status_code == 200
    response = english_admin_client.post(
        url,
        {
            "school_booking_recipients": "ecoles@curiosa.example, animation@curiosa.example",
            "venue_quote_recipients": "",
            "recipients": "reservations@curiosa.example",
        },
    )
    assert response.status_code == 302
    assert recipients_for(stored_booking()) == [
        "ecoles@curiosa.example",
        "animation@curiosa.example",
    ]
    assert recipients_for(stored_quote()) == ["reservations@curiosa.example"]


# What the team reads: words in the admin's language, the admin's local time.


def test_the_edit_view_shows_what_the_visitor_sent_in_words(english_admin_client):
    booking = stored_booking(language="fr", activity_language="nl", notified=True)
    html = english_admin_client.get(f"{BOOKINGS}edit/{booking.pk}/").content.decode()
    values = read_only_values(html)
    assert "French" in values and "Dutch" in values, "the request's and the activity's language"
    assert "Yes" in values
    assert "—" in values, "the other possible date, left empty"
    assert not {"fr", "nl", "True", "False", "None", "", "---------"} & set(values)


def test_a_quote_left_mostly_empty_shows_no_code_nor_none(english_admin_client):
    quote = stored_quote()
    html = english_admin_client.get(f"/admin/quote_requests/edit/{quote.pk}/").content.decode()
    values = read_only_values(html)
    assert {"Conference", "French", "No", "—"} <= set(values)
    assert not {"conference", "fr", "False", "None", "", "---------"} & set(values)


def test_the_admin_in_french_says_oui_and_non(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    booking = stored_booking(language="nl", notified=True, notification_error="")
    values = read_only_values(admin_client.get(f"{BOOKINGS}edit/{booking.pk}/").content.decode())
    assert "Néerlandais" in values and "Oui" in values
    quote = stored_quote(language="fr", event_type="meeting")
    html = admin_client.get(f"/admin/quote_requests/edit/{quote.pk}/").content.decode()
    assert {"Français", "Non"} <= set(read_only_values(html))
    (row,) = csv_rows(admin_client, "/admin/quote_requests/")
    assert row["Statut"] == "Nouvelle" and row["Équipe prévenue"] == "Non"
    assert row["Langue"] == "Français"


def test_the_csv_export_reads_as_the_admin_does(english_admin_client):
    booking = stored_booking(language="fr", activity_language="nl", notified=True)
    (row,) = csv_rows(english_admin_client, BOOKINGS)
    assert row["Reference"] == f"B-{booking.pk}"
    assert row["Status"] == "New" and row["Language"] == "French"
    assert row["Language of the activity"] == "Dutch"
    assert row["Team notified"] == "Yes"
    assert row["E-mail"] == "pieter@school.example"
    received = timezone.localtime(booking.created_at).replace(microsecond=0)
    assert row["Received (Europe/Brussels)"] == received.isoformat()
    quote = stored_quote()
    (row,) = csv_rows(english_admin_client, "/admin/quote_requests/")
    assert row["Type of event"] == "Conference" and row["Team notified"] == "No"
    assert row["Layout"] == "" and row["Budget in euros"] == ""
    assert row["Reference"] == f"Q-{quote.pk}"


def test_the_xlsx_export_reads_as_the_admin_does(english_admin_client):
    quote = stored_quote(layout="theatre", notified=True)
    (row,) = xlsx_rows(english_admin_client, "/admin/quote_requests/")
    assert row["Reference"] == f"Q-{quote.pk}"
    assert row["Status"] == "New" and row["Language"] == "French"
    assert row["Type of event"] == "Conference" and row["Layout"] == "Theatre"
    assert row["Team notified"] == "Yes"
    received = timezone.localtime(quote.created_at)
    cell = row["Received (Europe/Brussels)"]
    assert cell.replace(microsecond=0) == received.replace(tzinfo=None, microsecond=0)
    assert cell.hour == received.hour != quote.created_at.astimezone(UTC).hour


# Where and when a request came in, as the centre's team reads it in an export.

#: 02:30 in Brussels twice on 25 October 2026: in summer time, then an hour later in winter time.
SUMMER_TIME_0230 = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
WINTER_TIME_0230 = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def received_at(enquiry, moment):
    """``enquiry`` as received at ``moment``: ``created_at`` is only ever set on creation."""
    type(enquiry).objects.filter(pk=enquiry.pk).update(created_at=moment)


def test_the_csv_export_tells_the_repeated_hour_apart_and_names_the_centre(english_admin_client):
    received_at(stored_booking(school_name="École des Tilleuls"), SUMMER_TIME_0230)
    received_at(stored_booking(school_name="Basisschool De Linde"), WINTER_TIME_0230)
    received_at(stored_quote(), WINTER_TIME_0230)
    bookings = csv_rows(english_admin_client, BOOKINGS)
    (quote,) = csv_rows(english_admin_client, "/admin/quote_requests/")
    assert [(row["School"], row["Received (Europe/Brussels)"]) for row in bookings] == [
        ("Basisschool De Linde", "2026-10-25T02:30:00+01:00"),
        ("École des Tilleuls", "2026-10-25T02:30:00+02:00"),
    ]
    assert quote["Received (Europe/Brussels)"] == "2026-10-25T02:30:00+01:00"
    site = Site.objects.get(is_default_site=True)
    assert site.site_name == "Curiosa" and str(site) != "Curiosa"
    assert [row["Site"] for row in [*bookings, quote]] == ["Curiosa"] * 3


def test_the_xlsx_export_keeps_times_as_dates_in_the_time_zone_its_heading_names(
    english_admin_client,
):
    received_at(stored_quote(organisation="Biotech Namur SA"), SUMMER_TIME_0230)
    received_at(stored_quote(organisation="Lumière Events"), WINTER_TIME_0230)
    received_at(stored_booking(), SUMMER_TIME_0230)
    quotes = xlsx_rows(english_admin_client, "/admin/quote_requests/")
    (booking,) = xlsx_rows(english_admin_client, BOOKINGS)
    assert [(row["Organisation"], row["Received (Europe/Brussels)"]) for row in quotes] == [
        ("Lumière Events", datetime(2026, 10, 25, 2, 30)),
        ("Biotech Namur SA", datetime(2026, 10, 25, 2, 30)),
    ]
    assert booking["Received (Europe/Brussels)"] == datetime(2026, 10, 25, 2, 30)
    assert [row["Site"] for row in [*quotes, booking]] == ["Curiosa"] * 3


def test_the_export_follows_the_time_zone_the_admin_chose(english_admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "America/Toronto"
    profile.save()
    received_at(stored_booking(), WINTER_TIME_0230)
    (row,) = csv_rows(english_admin_client, BOOKINGS)
    assert row["Received (America/Toronto)"] == "2026-10-24T21:30:00-04:00"
    (row,) = xlsx_rows(english_admin_client, BOOKINGS)
    assert row["Received (America/Toronto)"] == datetime(2026, 10, 24, 21, 30)


def test_a_site_without_a_name_is_exported_by_its_host_name(english_admin_client):
    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(site_name="")
    stored_quote()
    (row,) = csv_rows(english_admin_client, "/admin/quote_requests/")
    assert row["Site"] == site.hostname
    (row,) = xlsx_rows(english_admin_client, "/admin/quote_requests/")
    assert row["Site"] == site.hostname


def test_the_inspect_view_names_the_visitors_language(english_admin_client):
    booking = stored_booking(language="nl")
    html = english_admin_client.get(f"{BOOKINGS}inspect/{booking.pk}/").content.decode()
    assert "Dutch" in html


def test_the_listing_and_the_edit_view_name_the_site_as_the_centre_does(english_admin_client):
    booking = stored_booking()
    site = Site.objects.get(is_default_site=True)
    listing = english_admin_client.get(BOOKINGS).content.decode()
    assert re.search(rf">\s*{re.escape(site.site_name)}\s*</td>", listing)
    assert str(site) not in listing
    edit = english_admin_client.get(f"{BOOKINGS}edit/{booking.pk}/").content.decode()
    assert site.site_name in read_only_values(edit)
    assert str(site) not in edit


def test_a_request_whose_site_was_deleted_is_still_listed(english_admin_client):
    booking = stored_booking()
    type(booking).objects.filter(pk=booking.pk).update(site=None)
    response = english_admin_client.get(BOOKINGS)
    assert response.status_code == 200
    assert booking.school_name in response.content.decode()


@pytest.mark.parametrize("typed", ["B-{pk}", "b{pk}", " B - {pk} "])
def test_a_reference_read_out_on_the_phone_finds_its_request(english_admin_client, typed):
    """A teacher calling about "B-12" is found by it, as the thank-you page and the e-mail
    give it, not only by the school's name."""
    wanted = stored_booking(school_name="École des Tilleuls")
    stored_booking(school_name="Basisschool De Linde")
    query = typed.format(pk=wanted.pk)
    html = english_admin_client.get(BOOKINGS, {"q": query}).content.decode()
    assert "École des Tilleuls" in html and "Basisschool De Linde" not in html


def test_a_quote_reference_finds_no_booking(english_admin_client):
    """Q-7 is the seventh quote, not the seventh booking."""
    booking = stored_booking(school_name="École des Tilleuls")
    html = english_admin_client.get(BOOKINGS, {"q": f"Q-{booking.pk}"}).content.decode()
    assert "École des Tilleuls" not in html
