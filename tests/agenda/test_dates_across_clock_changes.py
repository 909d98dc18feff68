"""Dates on the nights the clocks change last as long as on any other day.

On 28 March 2027 Brussels skips from 02:00 to 03:00: an event from 02:30 to 03:30 was
stored starting and ending at the same instant, shown "3 h 30 – 3 h 30" and exported
lasting no time. On 31 October 2027 the clocks show 02:00-03:00 twice, and the same
event lasted two hours. A repeating date on those nights now moves on by the hour
skipped and keeps its length; a single date at a time that never comes is refused.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from freezegun import freeze_time

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import EventPage
from csti_cms.agenda.recurrence import Change, Schedule
from csti_cms.core.dates import day_date, time_of_day
from tests.agenda.helpers import field_errors, post_event, publish_event, refused

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
SPRING_FORWARD = date(2027, 3, 28)  # a Sunday: 02:00 becomes 03:00
FALL_BACK = date(2027, 10, 31)  # a Sunday: 03:00 becomes 02:00 again
ONE_HOUR = timedelta(hours=1)


def night_workshops(first_date, **fields):
    """Every Sunday from 02:30 to 03:30, three times from ``first_date``."""
    return Schedule(
        start_date=first_date,
        start_time=time(2, 30),
        end_time=time(3, 30),
        rule="FREQ=WEEKLY;COUNT=3",
        **fields,
    )


def dates_by_day(schedule):
    found = recurrence.occurrences(schedule, date(2027, 1, 1), date(2027, 12, 31), zone=BRUSSELS)
    return {occurrence.original_start.date(): occurrence for occurrence in found}


def elapsed(occurrence):
    return occurrence.end.astimezone(UTC) - occurrence.start.astimezone(UTC)


def local_time(moment):
    return moment.astimezone(BRUSSELS).time()


def test_a_repeating_date_the_clocks_skip_moves_on_an_hour_and_keeps_its_length():
    dates = dates_by_day(night_workshops(date(2027, 3, 21)))
    skipped = dates[SPRING_FORWARD]
    assert (local_time(skipped.start), local_time(skipped.end)) == (time(3, 30), time(4, 30))
    assert elapsed(skipped) == ONE_HOUR
    assert {elapsed(occurrence) for occurrence in dates.values()} == {ONE_HOUR}


def test_a_repeating_date_in_the_hour_shown_twice_lasts_one_hour_not_two():
    dates = dates_by_day(night_workshops(date(2027, 10, 24)))
    assert elapsed(dates[FALL_BACK]) == ONE_HOUR
    assert dates[FALL_BACK].start.astimezone(UTC) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)


def test_a_date_moved_into_the_skipped_hour_keeps_its_length():
    schedule = night_workshops(
        date(2027, 3, 21),
        changes={date(2027, 3, 21): Change("rescheduled", new_date=SPRING_FORWARD)},
    )
    start, end, _status = recurrence.apply_change(schedule, datetime(2027, 3, 21, 2, 30))
    lasts = recurrence.aware(end, BRUSSELS).astimezone(UTC) - recurrence.aware(
        start, BRUSSELS
    ).astimezone(UTC)
    assert lasts == ONE_HOUR


def test_an_evening_across_the_night_ends_when_the_clocks_say():
    evening = Schedule(
        start_date=date(2027, 3, 27),
        start_time=time(20),
        end_date=SPRING_FORWARD,
        end_time=time(4),
    )
    (occurrence,) = dates_by_day(evening).values()
    assert local_time(occurrence.end) == time(4)
    assert elapsed(occurrence) == timedelta(hours=7)


@freeze_time("2027-03-01 12:00:00")
def test_published_dates_of_a_series_keep_their_length_on_the_night_the_clocks_skip():
    page = publish_event(
        start_date=date(2027, 3, 21),
        start_time=time(2, 30),
        end_time=time(3, 30),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    lengths = {occurrence.end - occurrence.start for occurrence in page.occurrences.all()}
    assert lengths == {ONE_HOUR}
    skipped = page.occurrences.get(start__date=SPRING_FORWARD)
    assert local_time(skipped.start) == time(3, 30)


@pytest.mark.parametrize(
    "start_time, end_time, field, missing",
    [("02:30", "03:30", "start_time", time(2, 30)), ("01:30", "02:15", "end_time", time(2, 15))],
)
def test_a_single_date_at_a_time_the_clocks_skip_is_refused(
    english_admin_client, start_time, end_time, field, missing
):
    slug = f"nuit-{field.replace('_', '-')}"
    response = post_event(
        english_admin_client,
        slug,
        start_date=SPRING_FORWARD.isoformat(),
        start_time=start_time,
        end_time=end_time,
    )
    refused(response, field, "The clocks go forward an hour in the night of")
    (message,) = field_errors(response)[field]
    with translation.override("en"):
        assert f"night of {day_date(SPRING_FORWARD, 'l j F Y')}:" in message
        assert f"{time_of_day(missing)} does not exist that day" in message
    assert not EventPage.objects.filter(slug=slug).exists()


def test_a_series_meeting_the_night_the_clocks_skip_is_published(english_admin_client):
    response = post_event(
        english_admin_client,
        "nuit-hebdomadaire",
        start_date="2027-03-21",
        start_time="02:30",
        end_time="03:30",
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    assert response.status_code == 302, field_errors(response)
