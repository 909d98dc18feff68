"""A public holiday is entered once: the centre is closed on it every year from then on.

Before, each closure held for its dates only: a year later the site said "open" on
25 December, the school booking form took the date, and nothing warned the editor.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time
from wagtail.models import Site

from csti_cms.visit.closed_event_dates import upcoming_closures
from csti_cms.visit.models import Closure, ClosureReason
from csti_cms.visit.opening import State, closed_to_groups, opening_status
from tests.conftest import demo_page

from .helpers import replace_opening_hours

pytestmark = pytest.mark.django_db

CHRISTMAS = {
    "start_date": date(2026, 12, 25),
    "end_date": date(2026, 12, 25),
    "reason": ClosureReason.PUBLIC_HOLIDAY,
    "every_year": True,
}
#: Over New Year, from 31 December to 1 January, every year.
NEW_YEAR = {**CHRISTMAS, "start_date": date(2026, 12, 31), "end_date": date(2027, 1, 1)}


@pytest.fixture
def site(db):
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours(site, closures=[CHRISTMAS, NEW_YEAR])
    return site


def state_on(site, day):
    """The opening state at 11:00 in Brussels on ``day``."""
    now = datetime(day.year, day.month, day.day, 10, tzinfo=UTC)
    return opening_status(site, now=now)


def test_the_centre_is_closed_on_the_holiday_every_year(site):
    for year in (2026, 2027, 2031):
        status = state_on(site, date(year, 12, 25))
        assert status.state == State.CLOSED_TODAY, year
        assert status.today.closure.reason == ClosureReason.PUBLIC_HOLIDAY
    assert state_on(site, date(2027, 12, 24)).state == State.OPEN


def test_a_closure_over_new_year_holds_on_both_sides(site):
    assert state_on(site, date(2027, 12, 31)).state == State.CLOSED_TODAY
    assert state_on(site, date(2028, 1, 1)).state == State.CLOSED_TODAY
    assert state_on(site, date(2028, 1, 2)).state == State.OPEN  # a Sunday


def test_it_holds_from_its_first_year_only(site):
    assert state_on(site, date(2025, 12, 25)).state == State.OPEN


def test_a_closure_for_its_dates_only_does_not_come_back(site):
    replace_opening_hours(site, closures=[{**CHRISTMAS, "every_year": False}])
    assert state_on(site, date(2026, 12, 25)).state == State.CLOSED_TODAY
    assert state_on(site, date(2027, 12, 25)).state == State.OPEN


def test_school_groups_cannot_book_the_holiday_of_a_later_year(site):
    closed = closed_to_groups(site, date(2028, 12, 20), date(2029, 1, 5))
    assert {date(2028, 12, 25), date(2028, 12, 31), date(2029, 1, 1)} <= closed
    assert date(2028, 12, 27) not in closed  # a Wednesday


def test_a_closure_over_the_end_of_february_keeps_its_dates_in_a_leap_year(site):
    works = {**CHRISTMAS, "start_date": date(2027, 2, 20), "end_date": date(2027, 3, 10)}
    replace_opening_hours(site, closures=[works])
    assert state_on(site, date(2028, 3, 10)).state == State.CLOSED_TODAY
    assert state_on(site, date(2028, 3, 11)).state == State.OPEN  # a Saturday


def test_editors_are_warned_of_a_closure_on_its_own_dates_however_far_ahead(site):
    """Events are announced years ahead: a one-off closure is not cut at the agenda's horizon."""
    far = date(2026, 1, 10) + timedelta(days=700)
    replace_opening_hours(site, closures=[{"start_date": far, "end_date": far}])
    found = [c.start_date for c in upcoming_closures(site, date(2026, 1, 10))]
    assert found == [far]


@freeze_time("2027-11-20 10:00")
def test_the_practical_page_announces_this_years_dates(client, site):
    html = client.get(demo_page("practical-info", "en").url).content.decode()
    assert "Friday 25 December 2026" not in html
    assert "25 December 2027" in html
    assert "From 31 December 2027 to 1 January 2028" in html


@freeze_time("2027-11-20 10:00")
def test_editors_are_warned_of_events_on_the_holiday_of_later_years(site):
    found = [(c.start_date, c.end_date) for c in upcoming_closures(site, date(2027, 11, 20))]
    assert found[:3] == [
        (date(2027, 12, 25), date(2027, 12, 25)),
        (date(2027, 12, 31), date(2028, 1, 1)),
        (date(2028, 12, 25), date(2028, 12, 25)),
    ]


@pytest.mark.parametrize(
    "dates, field",
    [
        ((date(2028, 2, 29), date(2028, 2, 29)), "start_date"),
        ((date(2028, 2, 20), date(2028, 2, 29)), "end_date"),
        ((date(2027, 6, 1), date(2028, 6, 1)), "end_date"),
    ],
)
def test_a_closure_every_year_is_on_dates_every_year_has(site, dates, field):
    start, end = dates
    closure = Closure(start_date=start, end_date=end, every_year=True)
    with pytest.raises(ValidationError) as error:
        closure.clean()
    assert field in error.value.message_dict
    Closure(start_date=start, end_date=end).clean()  # for its dates only, accepted
