"""The days of the week the centre receives school groups, read from its calendar.

An activity is offered on some days of the week, the centre receives groups on
others: teachers are told the days that are both, so they are not offered the
centre's regular closing day only to see every such date refused. The calendar is
asked through the same hook that refuses closed dates
(:func:`~csti_cms.enquiries.closures.closed_dates`), so what teachers are told and
what their booking meets cannot disagree, and the schools stay independent of the
app that keeps the opening hours.
"""

from collections import Counter
from datetime import timedelta

from csti_cms.core.caching import cached
from csti_cms.enquiries.closures import closed_dates

from .models.choices import WEEKDAY_CODES, weekday_code

#: How far ahead a booking may be asked for: further is most likely a typing mistake.
BOOKING_HORIZON = timedelta(days=2 * 366)


def booking_window(today):
    """The first and last dates a teacher may ask for on ``today``."""
    return today + timedelta(days=1), today + BOOKING_HORIZON


def days_open_to_groups(site, today):
    """Codes of the weekdays on which ``site``'s centre usually receives groups, Monday first.

    Usually: on at least half of that weekday's dates in the booking window. Seasons
    count for what they are: school holidays opening the regular closing day for two
    weeks do not make it a day to offer all year, nor does a winter season closing a
    day for some months take it away. A centre open a few months a year (no weekday
    usually open) gets the weekdays it opens at all.

    Kept in the cache until the opening hours, a season or a closure change: the
    activity page and its booking form both tell the days, and bookings are still
    checked against the calendar read afresh.
    """
    key = f"school-days-open:{site.pk if site else ''}:{today}"
    return cached(key, lambda: _read_days_open(site, today))


def _read_days_open(site, today):
    start, end = booking_window(today)
    closed = closed_dates(site, start, end)
    dates, open_dates = Counter(), Counter()
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        dates[weekday_code(day)] += 1
        open_dates[weekday_code(day)] += day not in closed
    usually_open = [code for code in WEEKDAY_CODES if 2 * open_dates[code] >= dates[code]]
    return usually_open or [code for code in WEEKDAY_CODES if open_dates[code]]
