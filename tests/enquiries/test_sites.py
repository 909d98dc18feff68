"""Centres sharing one install each see only their own visitors' requests in the admin.

The demo site (the default one) and a second centre, ``site-b.test``, both receive
requests. A team member with every request permission reaches the admin on their
centre's host name and sees that centre's requests only: in the listing, the export
and every view of one request, where another centre's request answers 404.
Superusers see every centre's, each row saying which site it came from.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from csti_cms.enquiries.models import EnquiryNotificationSettings, EnquiryStatus
from csti_cms.enquiries.services import notify
from tests.enquiries.helpers import BOOKINGS, QUOTES, stored_booking

pytestmark = pytest.mark.django_db


def listed(client, url, site):
    """The names of the requests the listing shows on ``site``'s host name."""
    response = client.get(url, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return {str(enquiry) for enquiry in response.context["object_list"]}


def exported(client, url, site):
    """The CSV export's rows, read on ``site``'s host name."""
    response = client.get(url, {"export": "csv"}, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode().splitlines()


def test_a_team_lists_only_its_own_centres_booking_requests(
    team_member, bookings, centre_a, centre_b
):
    booking_a, booking_b = bookings
    assert listed(team_member, BOOKINGS, centre_b) == {str(booking_b)}
    assert listed(team_member, BOOKINGS, centre_a) == {str(booking_a)}


def test_a_team_exports_only_its_own_centres_requests(team_member, bookings, quotes, centre_b):
    header, *rows = exported(team_member, BOOKINGS, centre_b)
    assert len(rows) == 1 and "Basisschool De Regenboog" in rows[0]
    assert "École des Tilleuls" not in "".join(rows)
    header, *rows = exported(team_member, QUOTES, centre_b)
    assert len(rows) == 1 and "Gentse Haven NV" in rows[0]
    assert "biotech.example" not in "".join(rows)


def test_a_team_lists_only_its_own_centres_quote_requests(team_member, quotes, centre_a, centre_b):
    quote_a, quote_b = quotes
    assert listed(team_member, QUOTES, centre_b) == {str(quote_b)}
    assert listed(team_member, QUOTES, centre_a) == {str(quote_a)}


def status_of(client, url, site, data=None):
    """The final status of a GET (or a POST with ``data``) on ``site``'s host name.

    Redirects are followed: Django's locale middleware answers a 404 in the admin
    with a redirect to the same path under a language prefix, which then answers 404.
    """
    send = client.post if data is not None else client.get
    return send(url, data, HTTP_HOST=site.hostname, follow=True).status_code


@pytest.mark.parametrize("view", ["edit", "inspect", "delete", "history", "usage"])
def test_another_centres_request_answers_not_found(team_member, bookings, quotes, centre_b, view):
    (booking_a, booking_b), (quote_a, quote_b) = bookings, quotes
    for url, own, other in ((BOOKINGS, booking_b, booking_a), (QUOTES, quote_b, quote_a)):
        assert status_of(team_member, f"{url}{view}/{own.pk}/", centre_b) == 200, url
        assert status_of(team_member, f"{url}{view}/{other.pk}/", centre_b) == 404, url


def test_another_centres_request_cannot_be_changed_or_deleted(team_member, bookings, centre_b):
    booking_a, _booking_b = bookings
    changes = {"status": "declined", "internal_notes": "Pas chez nous."}
    assert status_of(team_member, f"{BOOKINGS}edit/{booking_a.pk}/", centre_b, changes) == 404
    assert status_of(team_member, f"{BOOKINGS}delete/{booking_a.pk}/", centre_b, {}) == 404
    booking_a.refresh_from_db()
    assert booking_a.status == EnquiryStatus.NEW and not booking_a.internal_notes


def test_a_team_listing_names_its_centre_and_offers_no_site_filter(team_member, bookings, centre_b):
    html = team_member.get(BOOKINGS, HTTP_HOST=centre_b.hostname).content.decode()
    assert centre_b.site_name in html
    assert 'name="site"' not in html


def test_superusers_see_every_centres_requests_and_where_each_came_from(
    superuser, bookings, quotes, centre_a, centre_b
):
    assert listed(superuser, BOOKINGS, centre_b) == {str(booking) for booking in bookings}
    assert listed(superuser, QUOTES, centre_b) == {str(quote) for quote in quotes}
    listing = superuser.get(BOOKINGS, HTTP_HOST=centre_a.hostname)
    assert "site" in [column.name for column in listing.context["table"].columns.values()]
    assert re.search(rf"<td\s*>\s*{centre_b.site_name}\s*</td>", listing.content.decode())
    only_b = superuser.get(BOOKINGS, {"site": centre_b.pk}, HTTP_HOST=centre_a.hostname)
    assert {str(enquiry) for enquiry in only_b.context["object_list"]} == {str(bookings[1])}
    _header, *rows = exported(superuser, BOOKINGS, centre_b)
    assert len(rows) == 2
    booking_a = bookings[0]
    assert (
        superuser.get(f"{BOOKINGS}edit/{booking_a.pk}/", HTTP_HOST=centre_b.hostname).status_code
        == 200
    )


def test_requests_of_a_deleted_site_are_left_to_superusers(
    team_member, bookings, centre_a, centre_b
):
    centre_b.delete()
    assert listed(team_member, BOOKINGS, centre_a) == {str(bookings[0])}
    orphan = bookings[1]
    assert status_of(team_member, f"{BOOKINGS}edit/{orphan.pk}/", centre_a) == 404
    root = Client()
    root.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    titles = listed(root, BOOKINGS, centre_a)
    assert str(orphan) in titles  # named in the language the listing left active
    assert status_of(root, f"{BOOKINGS}edit/{orphan.pk}/", centre_a) == 200


def test_the_e_mail_links_to_the_admin_on_the_requests_own_host(settings, centre_a, centre_b):
    EnquiryNotificationSettings.objects.create(site=centre_b, recipients="team@b.example")
    centre_a.hostname = "www.curiosa.example"
    centre_a.save()
    settings.WAGTAILADMIN_BASE_URL = "https://www.curiosa.example"
    booking_a, booking_b = stored_booking(), stored_booking(site=centre_b)
    assert notify(booking_a) and notify(booking_b)
    body_a, body_b = (message.body for message in mail.outbox)
    assert f"https://www.curiosa.example/admin/booking_requests/edit/{booking_a.pk}/" in body_a
    assert f"http://site-b.test/admin/booking_requests/edit/{booking_b.pk}/" in body_b
