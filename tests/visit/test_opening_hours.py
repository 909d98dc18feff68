"""Is the centre open today? Regular days, seasonal periods, closures, and clock changes.

The clock is frozen in UTC; the centre is in Europe/Brussels (settings.TIME_ZONE),
which moved to summer time on 29 March 2026 and back on 25 October 2026.
"""

from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.formats import date_format
from freezegun import freeze_time
from wagtail.models import Site

from csti_cms.visit.models import ClosureReason, OpeningHours, SeasonalPeriod
from csti_cms.visit.opening import State, opening_status, week_summary

from .helpers import REGULAR, SPRING_HOLIDAYS, replace_opening_hours

pytestmark = pytest.mark.django_db

MAINTENANCE_WEEK = {
    "start_date": date(2026, 9, 1),
    "end_date": date(2026, 9, 6),
    "reason": ClosureReason.MAINTENANCE,
}
STEM_DAY = {
    "start_date": date(2026, 4, 9),
    "end_date": date(2026, 4, 9),
    "reason": ClosureReason.SCHOOL_GROUPS,
}


@pytest.fixture
def site(db):
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours(site, periods=[SPRING_HOLIDAYS], closures=[MAINTENANCE_WEEK, STEM_DAY])
    return site


def status_at(site, utc):
    return opening_status(site, now=datetime.fromisoformat(utc).replace(tzinfo=UTC))


def test_a_regular_weekday_is_open_until_closing_time(site):
    # Tuesday 10 March 2026, 10:00 in Brussels.
    status = status_at(site, "2026-03-10T09:00")
    assert status.state == State.OPEN
    assert (status.today.opens, status.today.closes) == (time(9, 30), time(17))


def test_before_opening_and_after_closing(site):
    assert status_at(site, "2026-03-10T07:00").state == State.OPENS_LATER
    assert status_at(site, "2026-03-10T16:30").state == State.CLOSED_NOW  # 17:30 local


def test_a_regular_closed_day_names_the_next_opening(site):
    status = status_at(site, "2026-03-09T10:00")  # a Monday
    assert status.state == State.CLOSED_TODAY
    assert status.today.closure is None
    assert status.next_opening.day == date(2026, 3, 10)
    assert status.next_opening.opens == time(9, 30)


def test_a_seasonal_period_changes_the_hours(site):
    status = status_at(site, "2026-04-06T09:00")  # Easter Monday holidays, 11:00 local
    assert status.state == State.OPEN
    assert status.today.period is not None
    assert (status.today.opens, status.today.closes) == (time(10), time(18))


def test_an_exceptional_closure_wins_over_a_seasonal_period(site):
    status = status_at(site, "2026-04-09T10:00")  # the STEM day, in the holidays
    assert status.state == State.CLOSED_TODAY
    assert status.today.closure.reason == ClosureReason.SCHOOL_GROUPS
    assert status.next_opening.day == date(2026, 4, 10)


def test_a_closure_of_several_days(site):
    for day in range(1, 7):
        status = status_at(site, f"2026-09-0{day}T10:00")
        assert status.state == State.CLOSED_TODAY, day
        assert status.today.closure.reason == ClosureReason.MAINTENANCE
    # The closure ends on Sunday the 6th; Monday is a regular closed day.
    assert status.next_opening.day == date(2026, 9, 8)


@pytest.mark.parametrize(
    ("utc", "state"),
    [
        # Saturday 28 March, winter time (UTC+1): 16:30 UTC is 17:30, open until 18:00.
        ("2026-03-28T16:30", State.OPEN),
        # Sunday 29 March, summer time (UTC+2): 16:30 UTC is 18:30, closed.
        ("2026-03-29T16:30", State.CLOSED_NOW),
        # Sunday 29 March: 08:30 UTC is 10:30 local (it would be 9:30 in winter time).
        ("2026-03-29T08:30", State.OPEN),
        # Saturday 24 October, still summer time: 16:30 UTC is 18:30, closed.
        ("2026-10-24T16:30", State.CLOSED_NOW),
        # Sunday 25 October, winter time again: 16:30 UTC is 17:30, open.
        ("2026-10-25T16:30", State.OPEN),
    ],
)
def test_opening_follows_the_local_clock_across_daylight_saving_changes(site, utc, state):
    assert status_at(site, utc).state == state


def test_today_is_the_local_day_not_the_utc_day(site):
    # 23:30 UTC on Monday 9 March is already Tuesday in Brussels.
    status = status_at(site, "2026-03-09T23:30")
    assert status.today.day == date(2026, 3, 10)
    assert status.state == State.OPENS_LATER


def test_no_status_without_opening_hours(site):
    OpeningHours.objects.filter(site=site).delete()
    assert status_at(site, "2026-03-10T09:00") is None


def render_status(site, language):
    request = RequestFactory().get("/", SERVER_NAME=site.hostname, SERVER_PORT=site.port)
    template = Template(
        "{% load csti_visit %}{% opening_status as status %}"
        '{% include "csti_visit/includes/opening_status.html" %}'
    )
    with translation.override(language):
        return template.render(Context({"request": request}))


@pytest.mark.parametrize(
    ("language", "closes"), [("fr", "17\u00a0h"), ("nl", "17\u00a0uur"), ("en", "17:00")]
)
def test_open_today_until_is_shown_in_the_visitors_language(site, language, closes):
    with freeze_time("2026-03-10T09:00:00Z"):
        html = render_status(site, language)
    assert "opening-status--open" in html
    assert closes in html


def test_closed_today_shows_the_reason(site):
    with freeze_time("2026-09-02T10:00:00Z"), translation.override("en"):
        html = render_status(site, "en")
    assert "Closed today" in html
    assert str(ClosureReason.MAINTENANCE.label) in html


def test_times_must_come_in_pairs_and_in_order(site):
    hours = OpeningHours(site=site, **{**REGULAR, "monday_opens": time(10)})
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert "monday_closes" in error.value.message_dict
    hours = OpeningHours(site=site, **{**REGULAR, "tuesday_closes": time(9)})
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert "tuesday_closes" in error.value.message_dict


def test_a_period_cannot_end_before_it_starts(site):
    period = SeasonalPeriod(
        opening_hours=OpeningHours.objects.get(site=site),
        start_date=date(2026, 7, 1),
        end_date=date(2026, 6, 1),
    )
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "end_date" in error.value.message_dict


def test_week_summary_groups_days_with_the_same_hours(site):
    with translation.override("en"):
        summary = [(r.days_label, r.hours_label) for r in week_summary(OpeningHours(**REGULAR))]
    assert summary == [
        ("Monday", "closed"),
        ("Tuesday to Friday", "9:30–17:00"),
        ("Saturday and Sunday", "10:00–18:00"),
    ]
    with translation.override("fr"):
        french = [r.hours_label for r in week_summary(OpeningHours(**REGULAR))]
    assert french[1:] == ["9\u00a0h\u00a030\u00a0– 17\u00a0h", "10\u00a0h\u00a0– 18\u00a0h"]


@pytest.mark.parametrize(
    "language, first_line, a_date",
    [
        ("fr", "Du mardi au vendredi", "lundi 14 décembre 2026"),
        ("nl", "Van dinsdag tot en met vrijdag", "maandag 14 december 2026"),
    ],
)
def test_weekdays_take_a_capital_at_the_start_of_a_line_only(site, language, first_line, a_date):
    """The hours' own names of the days leave Django's alone: dates inside sentences
    ("closed on Monday 14 December") keep the language's lower case."""
    with translation.override(language):
        summary = [r.days_label for r in week_summary(OpeningHours(**REGULAR))]
        formatted = date_format(date(2026, 12, 14), "l j F Y")
    assert summary[1] == first_line
    assert formatted == a_date
