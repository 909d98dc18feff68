"""The dashboard tells a centre's team what waits for them among its visitors' requests.

New requests, and those of them the team was not e-mailed about, counted per kind the
member may open, on their own site, each count a link to the listing showing them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.enquiries.models import EnquiryStatus
from tests.enquiries.helpers import (
    BOOKINGS,
    QUOTES,
    dashboard,
    dashboard_link,
    stored_booking,
    stored_quote,
)
from tests.helpers import sign_in_team_member

pytestmark = pytest.mark.django_db

HEADING = "Requests to follow up"


def test_a_team_member_sees_their_sites_new_requests_and_those_nobody_was_told_of(
    team_member, centre_a, centre_b
):
    stored_booking(site=centre_a, notified=True)
    stored_booking(site=centre_a)  # the e-mail to the team failed
    stored_booking(site=centre_a, status=EnquiryStatus.CONFIRMED)
    stored_booking(site=centre_b)
    stored_quote(site=centre_b)
    html = dashboard(team_member, centre_a)
    assert HEADING in html
    assert dashboard_link(f"{BOOKINGS}?status=new", "2 new requests").search(html)
    untold = f"{BOOKINGS}?status=new&amp;notified=false"
    assert dashboard_link(untold, "1 new request the team was not e-mailed about").search(html)
    assert f"{QUOTES}?status" not in html, "centre B's quote is not centre A's business"


def test_each_count_opens_the_listing_of_the_requests_it_counts(team_member, centre_a):
    stored_booking(site=centre_a, school_name="École des Tilleuls", notified=True)
    stored_booking(site=centre_a, school_name="Basisschool De Linde")
    stored_booking(site=centre_a, school_name="Athénée Royal", status=EnquiryStatus.DECLINED)
    new = team_member.get(BOOKINGS, {"status": "new"}, HTTP_HOST=centre_a.hostname)
    assert "Tilleuls" in new.content.decode() and "Athénée" not in new.content.decode()
    untold = team_member.get(
        BOOKINGS, {"status": "new", "notified": "false"}, HTTP_HOST=centre_a.hostname
    ).content.decode()
    assert "De Linde" in untold and "Tilleuls" not in untold and "Athénée" not in untold


def test_only_the_kinds_a_member_may_open_are_counted(client, centre_a):
    member = sign_in_team_member(client, ["view_bookingrequest"], ["csti_schools"])
    stored_booking(site=centre_a)
    stored_quote(site=centre_a)
    html = dashboard(member, centre_a)
    assert f"{BOOKINGS}?status=new" in html and f"{QUOTES}?status" not in html


def test_nothing_is_said_when_nothing_waits(team_member, centre_a):
    stored_booking(site=centre_a, status=EnquiryStatus.CONFIRMED)
    assert HEADING not in dashboard(team_member, centre_a)


def test_one_query_per_kind_however_many_requests(team_member, centre_a):
    for _count in range(3):
        stored_booking(site=centre_a)
        stored_quote(site=centre_a)
    with CaptureQueriesContext(connection) as queries:
        dashboard(team_member, centre_a)
    for table in ("csti_schools_bookingrequest", "csti_venues_quoterequest"):
        reading = [query for query in queries if f'FROM "{table}"' in query["sql"]]
        assert len(reading) == 1, table
