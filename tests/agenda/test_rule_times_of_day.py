"""The event's start time is the only time of day of its dates.

``FREQ=WEEKLY;BYDAY=WE;BYHOUR=18`` on an event starting at 10:00 gave dates at 18:00
while the page, its end times and its feeds still said 10:00. The rule may repeat the
start time, as some calendars write it, but not give another one.
"""

import re
from datetime import date, time

import pytest

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import post_event, refused

pytestmark = pytest.mark.django_db

ANOTHER_TIME = (
    "The rule gives a time of day other than the event's start time: remove BYHOUR, "
    "BYMINUTE and BYSECOND from the rule and set the start time instead."
)
FIRST_WEDNESDAY = date(2026, 3, 4)


@pytest.mark.parametrize(
    "rule, start_time",
    [
        ("FREQ=WEEKLY;BYDAY=WE;BYHOUR=18", time(10)),
        ("FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=30", time(10)),
        ("FREQ=DAILY;BYSECOND=15", time(10)),
        ("FREQ=WEEKLY;BYHOUR=18", None),  # an all-day event has no time of day
    ],
)
def test_a_rule_giving_another_time_of_day_is_refused(rule, start_time):
    with pytest.raises(ValueError, match=re.escape(ANOTHER_TIME)):
        recurrence.normalise_rule(rule, FIRST_WEDNESDAY, start_time)


@pytest.mark.parametrize(
    "rule, start_time",
    [
        ("FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0;BYSECOND=0", time(10)),
        ("FREQ=WEEKLY;BYDAY=WE;BYHOUR=14;BYMINUTE=30", time(14, 30)),
        ("FREQ=WEEKLY;BYDAY=WE", time(18)),
    ],
)
def test_a_rule_repeating_the_start_time_is_kept(rule, start_time):
    assert recurrence.normalise_rule(rule, FIRST_WEDNESDAY, start_time) == rule


def test_the_editor_is_told_to_set_the_start_time_instead(english_admin_client):
    response = post_event(
        english_admin_client, "soiree-18h", recurrence="FREQ=WEEKLY;BYDAY=WE;BYHOUR=18"
    )
    refused(response, "recurrence", ANOTHER_TIME)
    assert not EventPage.objects.filter(slug="soiree-18h").exists()
