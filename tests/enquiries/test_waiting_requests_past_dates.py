"""A new request whose every day asked for has gone by no longer waits for the team.

The dashboard counted a booking left "new" for a visit two years past among the requests
to handle. It now counts those asking for some day from today on (the centre's today,
whatever the time zone a team member reads the admin in), and the listings tell upcoming
requests from past ones with a filter on the day asked for.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time
from wagtail.users.models import UserProfile

from csti_cms.enquiries.models import EnquiryStatus
from tests.enquiries.helpers import (
    BOOKINGS,
    QUOTES,
    dashboard,
    dashboard_link,
    stored_booking,
    stored_quote,
)

pytestmark = pytest.mark.django_db

#: 00:30 on 15 June 2027 in Brussels, where the demo centre is: still 14 June in UTC,
#: and 18:30 on 14 June in New York.
AFTER_MIDNIGHT_IN_BRUSSELS = "2027-06-14 22:30:00"
CENTRE_TODAY = date(2027, 6, 15)


def listed(client, site, url, **filters):
    response = client.get(url, filters, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_a_request_whose_days_have_all_gone_by_is_not_counted(team_member, centre_a):
    today = timezone.localdate()
    two_years_ago = today - timedelta(days=730)
    stored_booking(site=centre_a, preferred_date=two_years_ago, notified=True)
    stored_booking(
        site=centre_a,
        preferred_date=two_years_ago,
        alternative_date=two_years_ago + timedelta(days=7),
    )
    # The preferred day went by; the other one is still ahead.
    stored_booking(site=centre_a, preferred_date=today - timedelta(days=1), alternative_date=today)
    stored_booking(site=centre_a, preferred_date=today + timedelta(days=30), notified=True)
    stored_quote(site=centre_a, event_date=two_years_ago, end_date=two_years_ago)
    html = dashboard(team_member, centre_a)
    # Each count opens the listing of the requests it counts.
    waiting = f"{BOOKINGS}?status=new&amp;date=upcoming"
    assert dashboard_link(waiting, "2 new requests").search(html)
    untold = f"{BOOKINGS}?status=new&amp;notified=false&amp;date=upcoming"
    assert dashboard_link(untold, "1 new request the team was not e-mailed about").search(html)
    assert f"{QUOTES}?status" not in html, "the only quote was for an event two years ago"


def test_an_event_still_under_way_waits_for_the_team(team_member, centre_a):
    today = timezone.localdate()
    stored_quote(site=centre_a, event_date=today - timedelta(days=3), end_date=today)
    assert dashboard_link(f"{QUOTES}?status=new", "1 new request").search(
        dashboard(team_member, centre_a)
    )


@freeze_time(AFTER_MIDNIGHT_IN_BRUSSELS)
def test_past_means_before_the_centre_s_today_in_any_admin_time_zone(team_member, centre_a):
    member = get_user_model().objects.get(username="equipe")
    team_member.force_login(member)  # signed in on the frozen day, not months before it
    profile = UserProfile.get_for_user(member)
    profile.current_time_zone = "America/New_York"
    profile.save()
    yesterday = CENTRE_TODAY - timedelta(days=1)
    stored_booking(site=centre_a, school_name="École d’hier", preferred_date=yesterday)
    stored_booking(site=centre_a, school_name="École du jour", preferred_date=CENTRE_TODAY)
    html = dashboard(team_member, centre_a)
    assert dashboard_link(f"{BOOKINGS}?status=new&amp;date=upcoming", "1 new request").search(html)
    upcoming = listed(team_member, centre_a, BOOKINGS, date="upcoming")
    assert "École du jour" in upcoming and "École d’hier" not in upcoming
    past = listed(team_member, centre_a, BOOKINGS, date="past")
    assert "École d’hier" in past and "École du jour" not in past


def test_the_listings_filter_requests_on_the_day_they_ask_for(team_member, centre_a):
    today = timezone.localdate()
    last_year = today - timedelta(days=365)
    stored_booking(site=centre_a, school_name="Athénée Royal", preferred_date=last_year)
    stored_booking(
        site=centre_a,
        school_name="Basisschool De Linde",
        preferred_date=last_year,
        alternative_date=today + timedelta(days=10),
    )
    stored_booking(
        site=centre_a, school_name="École des Tilleuls", preferred_date=today + timedelta(days=3)
    )
    upcoming = listed(team_member, centre_a, BOOKINGS, date="upcoming")
    assert "De Linde" in upcoming and "Tilleuls" in upcoming and "Athénée" not in upcoming
    past = listed(team_member, centre_a, BOOKINGS, date="past")
    assert "Athénée" in past and "De Linde" not in past and "Tilleuls" not in past
    everything = listed(team_member, centre_a, BOOKINGS)
    assert all(school in everything for school in ("Athénée", "De Linde", "Tilleuls"))
    assert 'name="date" value="upcoming"' in everything, "the filter is offered"

    stored_quote(site=centre_a, organisation="Gentse Haven NV", event_date=last_year)
    stored_quote(
        site=centre_a,
        organisation="Biotech Namur SA",
        event_date=today - timedelta(days=1),
        end_date=today + timedelta(days=1),
    )
    upcoming = listed(team_member, centre_a, QUOTES, date="upcoming")
    assert "Biotech Namur" in upcoming and "Gentse Haven" not in upcoming
    past = listed(team_member, centre_a, QUOTES, date="past")
    assert "Gentse Haven" in past and "Biotech Namur" not in past


def test_filtering_on_the_day_costs_no_query_more(team_member, centre_a):
    for days in (-400, -1, 5, 40):
        stored_booking(site=centre_a, preferred_date=timezone.localdate() + timedelta(days=days))
    listed(team_member, centre_a, BOOKINGS)  # the admin's caches filled

    def queries(**filters):
        with CaptureQueriesContext(connection) as captured:
            listed(team_member, centre_a, BOOKINGS, status=EnquiryStatus.NEW, **filters)
        return len(captured)

    assert queries(date="upcoming") == queries() == queries(date="past")
