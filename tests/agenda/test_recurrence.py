"""When events happen: repeat rules across daylight-saving changes, exclusions and changes."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from freezegun import freeze_time

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import AddedDate, ExcludedDate, OccurrenceChange
from csti_cms.agenda.recurrence import Change, Schedule

BRUSSELS = ZoneInfo("Europe/Brussels")
pytestmark = pytest.mark.django_db


def local_starts(page):
    return [o.start.astimezone(BRUSSELS) for o in page.occurrences.order_by("start")]


@freeze_time("2026-03-01 12:00:00")
def test_weekly_event_keeps_ten_oclock_local_across_both_dst_changes():
    from tests.agenda.helpers import publish_event

    page = publish_event(start_date=date(2026, 3, 4), recurrence="FREQ=WEEKLY;BYDAY=WE")
    starts = local_starts(page)
    assert {start.time() for start in starts} == {time(10)}
    assert {start.weekday() for start in starts} == {2}
    by_day = {start.date(): start for start in starts}
    # Spring forward on Sunday 29 March 2026, fall back on Sunday 25 October 2026.
    assert by_day[date(2026, 3, 25)].astimezone(UTC).hour == 9
    assert by_day[date(2026, 4, 1)].astimezone(UTC).hour == 8
    assert by_day[date(2026, 10, 21)].astimezone(UTC).hour == 8
    assert by_day[date(2026, 10, 28)].astimezone(UTC).hour == 9
    ends = {o.end.astimezone(BRUSSELS).time() for o in page.occurrences.all()}
    assert ends == {time(11, 30)}


@freeze_time("2026-03-01 12:00:00")
def test_an_excluded_date_removes_exactly_one_occurrence():
    from tests.agenda.helpers import publish_event

    page = publish_event(
        start_date=date(2026, 3, 4),
        recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=6",
        excluded_dates=[ExcludedDate(date=date(2026, 3, 18))],
    )
    days = [start.date() for start in local_starts(page)]
    assert days == [date(2026, 3, d) for d in (4, 11, 25)] + [date(2026, 4, 1), date(2026, 4, 8)]


@freeze_time("2026-03-01 12:00:00")
def test_changes_move_or_cancel_single_dates_and_added_dates_join_the_series():
    from tests.agenda.helpers import publish_event

    page = publish_event(
        start_date=date(2026, 3, 4),
        recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=3",
        added_dates=[AddedDate(date=date(2026, 3, 14), start_time=time(15))],
        occurrence_changes=[
            OccurrenceChange(original_date=date(2026, 3, 11), status="cancelled"),
            OccurrenceChange(
                original_date=date(2026, 3, 18),
                status="rescheduled",
                new_date=date(2026, 3, 19),
                new_start_time=time(14),
            ),
        ],
    )
    rows = [
        (o.start.astimezone(BRUSSELS), o.original_start.astimezone(BRUSSELS).date(), o.status)
        for o in page.occurrences.order_by("start")
    ]
    assert rows == [
        (datetime(2026, 3, 4, 10, tzinfo=BRUSSELS), date(2026, 3, 4), "scheduled"),
        (datetime(2026, 3, 11, 10, tzinfo=BRUSSELS), date(2026, 3, 11), "cancelled"),
        (datetime(2026, 3, 14, 15, tzinfo=BRUSSELS), date(2026, 3, 14), "scheduled"),
        (datetime(2026, 3, 19, 14, tzinfo=BRUSSELS), date(2026, 3, 18), "rescheduled"),
    ]
    moved = page.occurrences.get(status="rescheduled")
    assert moved.end - moved.start == datetime(2026, 1, 1, 11, 30) - datetime(2026, 1, 1, 10)


@freeze_time("2026-09-01 12:00:00")
def test_all_day_event_over_three_days_covers_them_with_an_exclusive_end():
    from tests.agenda.helpers import publish_event

    page = publish_event(
        start_date=date(2026, 10, 10), end_date=date(2026, 10, 12), start_time=None, end_time=None
    )
    (occurrence,) = page.occurrences.all()
    assert occurrence.all_day
    assert occurrence.start == datetime(2026, 10, 10, tzinfo=BRUSSELS)
    assert occurrence.end == datetime(2026, 10, 13, tzinfo=BRUSSELS)
    assert occurrence.last_day == date(2026, 10, 12)


def test_first_date_follows_the_rule_like_calendars_do():
    # A Monday as first date of a rule on Wednesdays: the series starts on Wednesday.
    schedule = Schedule(
        start_date=date(2026, 3, 2),
        start_time=time(10),
        end_time=time(11),
        rule="FREQ=WEEKLY;BYDAY=WE",
    )
    assert recurrence.first_start(schedule) == datetime(2026, 3, 4, 10)


def test_until_as_a_date_includes_that_day():
    schedule = Schedule(
        start_date=date(2026, 3, 4),
        start_time=time(10),
        end_time=time(11),
        rule="FREQ=WEEKLY;UNTIL=20260318",
    )
    starts = recurrence.planned_starts(schedule, datetime(2026, 1, 1), datetime(2027, 1, 1))
    assert [start.day for start in starts] == [4, 11, 18]


@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=HOURLY", "daily, weekly"),
        ("FREQ=WEEKLY;BYDAY=XX", "not a valid"),
        ("DTSTART:2026", "only"),
    ],
)
def test_editors_get_clear_messages_for_wrong_rules(rule, message):
    with pytest.raises(ValueError, match=message):
        recurrence.normalise_rule(rule)


@pytest.mark.parametrize(
    "rule, message",
    [
        (
            "FREQ=WEEKLY;BYDAY=XX",
            "Cette règle de répétition n’est pas valide\xa0: BYDAY=XX ne peut pas être lu.",
        ),
        (
            "FREQ=WEEKLY;;BYDAY",
            "Cette règle de répétition n’est pas valide\xa0: vérifiez l’écriture de chaque partie.",
        ),
    ],
)
def test_a_rule_the_library_refuses_is_explained_in_the_editors_language(rule, message):
    """dateutil's own message is English ("invalid 'BYDAY': XX"): it never reaches editors."""
    with translation.override("fr"), pytest.raises(ValueError) as refused:
        recurrence.normalise_rule(rule)
    assert str(refused.value) == message


def test_rules_are_normalised():
    assert recurrence.normalise_rule(" rrule:freq=weekly;byday=we ") == "FREQ=WEEKLY;BYDAY=WE"


def test_a_cancelled_event_cancels_every_date():
    schedule = Schedule(
        start_date=date(2026, 3, 4),
        start_time=time(10),
        end_time=time(11),
        rule="FREQ=DAILY;COUNT=3",
        status="cancelled",
        changes={date(2026, 3, 5): Change(status="full")},
    )
    found = recurrence.occurrences(schedule, date(2026, 3, 1), date(2026, 4, 1))
    assert [o.status for o in found] == ["cancelled"] * 3
