"""A moved date says what it replaces, and ``<time>`` marks days as days.

A date moved from 14:00 to 16:00 the same day said "instead of Wednesday 30 December",
the day it still falls on, and never the old time. An all-day date "8 to 10 January"
was marked up as the instant of midnight on the 8th.
"""

from datetime import date, time

import pytest
from freezegun import freeze_time

from csti_cms.agenda.models import OccurrenceChange
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

FIRST_WEDNESDAY = date(2026, 12, 16)


def wednesday_workshops(**change):
    """Three Wednesdays from 14:00 to 15:00 on the English agenda; the 30 December one
    changed by ``change``."""
    return publish_event(
        agenda=demo_page("agenda", "en"),
        start_date=FIRST_WEDNESDAY,
        start_time=time(14),
        end_time=time(15),
        recurrence="FREQ=WEEKLY;COUNT=3",
        occurrence_changes=[
            OccurrenceChange(original_date=date(2026, 12, 30), status="rescheduled", **change)
        ],
    )


def moved_notes(html):
    return [part.split("</span>")[0] for part in html.split('class="agenda-item__moved">')[1:]]


def agenda_html(client):
    return client.get(demo_page("agenda", "en").url).content.decode()


@freeze_time("2026-12-06 10:00:00")
def test_a_date_moved_to_another_time_the_same_day_names_the_old_time(client):
    workshops = wednesday_workshops(new_start_time=time(16))
    assert moved_notes(client.get(workshops.url).content.decode()) == ["instead of 14:00"]
    assert "instead of 14:00" in moved_notes(agenda_html(client))


@freeze_time("2026-12-06 10:00:00")
def test_a_date_moved_to_another_day_names_the_old_day_and_time(client):
    workshops = wednesday_workshops(new_date=date(2026, 12, 31))
    assert moved_notes(client.get(workshops.url).content.decode()) == [
        "instead of Wednesday 30 December, 14:00"
    ]


@freeze_time("2026-12-06 10:00:00")
def test_an_all_day_range_is_marked_up_as_its_first_day(client):
    festival = publish_event(
        agenda=demo_page("agenda", "en"),
        start_date=date(2027, 1, 8),
        start_time=None,
        end_date=date(2027, 1, 10),
    )
    html = client.get(festival.url).content.decode()
    assert '<time datetime="2027-01-08">' in html
    assert "T00:00:00" not in html
    listing = agenda_html(client)
    assert '<time datetime="2027-01-08">' in listing


@freeze_time("2026-12-06 10:00:00")
def test_a_timed_date_is_marked_up_as_its_start_with_the_local_offset(client):
    workshops = wednesday_workshops(new_start_time=time(16))
    html = client.get(workshops.url).content.decode()
    assert '<time datetime="2026-12-16T14:00:00+01:00">' in html
    assert '<time datetime="2026-12-30T16:00:00+01:00">' in html
