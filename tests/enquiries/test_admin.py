"""Editors follow requests up in the admin: list, filter, change the status, export."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from csti_cms.enquiries.models import EnquiryStatus
from csti_cms.enquiries.services import recipient_for
from tests.enquiries.test_notifications import stored_booking
from tests.venues.test_quote import quote_data, quote_url

pytestmark = pytest.mark.django_db

INDEX = "/admin/booking_requests/"


def test_requests_are_listed_newest_first_and_filtered_by_status(english_admin_client):
    stored_booking(school_name="École des Tilleuls")
    stored_booking(school_name="Basisschool De Linde", status=EnquiryStatus.CONFIRMED)
    html = english_admin_client.get(INDEX).content.decode()
    assert html.index("Basisschool De Linde") < html.index("École des Tilleuls")
    confirmed = english_admin_client.get(INDEX, {"status": "confirmed"}).content.decode()
    assert "Basisschool De Linde" in confirmed and "École des Tilleuls" not in confirmed


def test_nobody_adds_a_request_in_the_admin(english_admin_client):
    assert f"{INDEX}new/" not in english_admin_client.get(INDEX).content.decode()
    response = english_admin_client.get(f"{INDEX}new/")
    assert response.status_code in (302, 403)


def test_editors_change_the_status_and_notes_but_not_what_the_visitor_sent(english_admin_client):
    booking = stored_booking()
    response = english_admin_client.post(
        f"{INDEX}edit/{booking.pk}/",
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
        INDEX, {"export": "csv", "status": "new"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert 'filename="booking-requests.csv"' in response["Content-Disposition"]
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert len(rows) == 2, "the header and the one new request"
    header, row = rows
    assert header.startswith("Reference,Received,Status,Site,Language,Activity requested")
    assert "School" in header and "Preferred date" in header
    assert "Basisschool De Linde" in row
    assert "'=HYPERLINK" in row


def test_every_admin_view_of_both_kinds_of_request_opens(english_admin_client, client):
    booking = stored_booking()
    assert client.post(quote_url(), quote_data()).status_code == 302
    quote_pk = english_admin_client.get("/admin/quote_requests/").context["object_list"][0].pk
    for url in (
        f"{INDEX}edit/{booking.pk}/",
        f"{INDEX}inspect/{booking.pk}/",
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
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert "Spaces" in rows[0] and "Auditorium Marie Curie" in rows[1]
    assert "Coffee breaks, Cocktail reception" in rows[1]


def test_the_notification_address_is_set_per_site(english_admin_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse(
        "wagtailsettings:edit", args=["csti_enquiries", "enquirynotificationsettings", site.pk]
    )
    assert english_admin_client.get(url).status_code == 200
    response = english_admin_client.post(url, {"recipient_email": "reservations@curiosa.example"})
    assert response.status_code == 302
    assert recipient_for(site) == "reservations@curiosa.example"
