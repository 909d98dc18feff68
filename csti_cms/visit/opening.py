"""Is the centre open today? The opening hours of any day, in the centre's time zone.

A day's hours come from, in this order: an exceptional closure covering it, a
seasonal period covering it (the first in the editor's order when several do),
then the regular week. Times are wall-clock times in ``settings.TIME_ZONE``, so
"open until 18:00" stays right across daylight saving changes.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext

from csti_cms.core.caching import cached
from csti_cms.core.dates import time_range

from .models import Closure, OpeningHours, SeasonalPeriod
from .models.hours import WEEKDAYS, ClosureReason, closures_between, closures_query

#: Days ahead a visitor is told about when the centre is closed today.
LOOKAHEAD_DAYS = 14


def centre_now():
    """The current date and time where the centre is."""
    return timezone.localtime(timezone.now(), ZoneInfo(settings.TIME_ZONE))


@dataclass(frozen=True)
class DayHours:
    day: date
    opens: time | None = None
    closes: time | None = None
    closure: Closure | None = None
    period: SeasonalPeriod | None = None

    @property
    def is_open(self):
        return self.closure is None and self.opens is not None

    @property
    def hours_label(self):
        """The day's opening as a range, "uur" once in Dutch as the agenda writes it."""
        return time_range(self.opens, self.closes)


@dataclass(frozen=True)
class OpeningCalendar:
    """Opening hours of a range of days, read in three queries, then kept in the cache.

    Saving the opening hours (a setting), a season or a closure starts a new cache
    generation, so visitors see the change on their next request.
    """

    regular: OpeningHours | None
    periods: tuple
    closures: tuple

    @classmethod
    def load(cls, site, start, end):
        if site is None:
            return cls(None, (), ())
        return cached(
            f"opening-calendar:{site.pk}:{start}:{end}", lambda: cls.read(site, start, end)
        )

    @classmethod
    def read(cls, site, start, end):
        regular = OpeningHours.objects.filter(site=site).first()
        if regular is None:
            return cls(None, (), ())
        overlapping = Q(start_date__lte=end, end_date__gte=start)
        periods = regular.seasonal_periods.filter(overlapping).order_by("sort_order", "pk")
        closures = regular.closures.filter(closures_query(start, end))
        return cls(regular, tuple(periods), tuple(closures_between(closures, start, end)))

    @property
    def is_configured(self):
        return self.regular is not None

    def day(self, day):
        closure = next((c for c in self.closures if c.covers(day)), None)
        if closure is not None:
            return DayHours(day, closure=closure)
        period = next((p for p in self.periods if p.covers(day)), None)
        schedule = period or self.regular
        hours = schedule.hours_on(day.weekday()) if schedule is not None else None
        opens, closes = hours or (None, None)
        return DayHours(day, opens, closes, period=period)

    def days(self, start, count):
        return [self.day(start + timedelta(days=offset)) for offset in range(count)]


class State:
    OPEN = "open"
    OPENS_LATER = "opens-later"
    CLOSED_NOW = "closed-now"
    CLOSED_TODAY = "closed-today"


@dataclass(frozen=True)
class OpeningStatus:
    """Today's opening, as a visitor asks about it right now."""

    now: datetime
    today: DayHours
    next_opening: DayHours | None

    @property
    def state(self):
        if not self.today.is_open:
            return State.CLOSED_TODAY
        if self.now.time() < self.today.opens:
            return State.OPENS_LATER
        if self.now.time() < self.today.closes:
            return State.OPEN
        return State.CLOSED_NOW

    @property
    def is_open(self):
        return self.state == State.OPEN


def load_calendar(site, today, days=LOOKAHEAD_DAYS):
    """The opening calendar of ``site`` from ``today`` for ``days`` days."""
    return OpeningCalendar.load(site, today, today + timedelta(days=days))


def status_from(calendar, now):
    """The :class:`OpeningStatus` at ``now`` (aware) from a calendar starting that day.

    ``None`` when the site has no opening hours yet.
    """
    if not calendar.is_configured:
        return None
    now = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE))
    today = now.date()
    upcoming = calendar.days(today + timedelta(days=1), LOOKAHEAD_DAYS)
    next_opening = next((day for day in upcoming if day.is_open), None)
    return OpeningStatus(now, calendar.day(today), next_opening)


def opening_status(site, now=None):
    """The centre's :class:`OpeningStatus` at ``now`` (default: the current time)."""
    now = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE)) if now else centre_now()
    return status_from(load_calendar(site, now.date()), now)


@dataclass(frozen=True)
class WeekdayRange:
    """Consecutive weekdays with the same hours: "Tuesday to Friday: 9:30–17:00".

    The hours read as the agenda's ranges ("9.30–17 uur", "9 h 30 – 17 h"), and a run of
    days as the schools' days offered do ("tot en met" in Dutch: Friday is included).
    """

    days: tuple
    opens: time | None
    closes: time | None

    @property
    def is_open(self):
        return self.opens is not None

    @property
    def days_label(self):
        """The days of the range, as the start of a line of the week's hours."""
        names = {"first": self.days[0], "last": self.days[-1]}
        if len(self.days) == len(WEEKDAYS):
            return gettext("Every day")
        if len(self.days) == 1:
            return capfirst(self.days[0])
        if len(self.days) == 2:
            return capfirst(gettext("%(first)s and %(last)s") % names)
        return capfirst(pgettext("days of the week", "%(first)s to %(last)s") % names)

    @property
    def hours_label(self):
        if not self.is_open:
            return gettext("closed")
        return time_range(self.opens, self.closes)


def week_summary(schedule):
    """A :class:`~.models.hours.WeeklySchedule` as ranges of weekdays, Monday first."""
    groups = []
    for weekday, (_name, label) in enumerate(WEEKDAYS):
        hours = schedule.hours_on(weekday)
        if groups and groups[-1][1] == hours:
            groups[-1][0].append(label)
        else:
            groups.append(([label], hours))
    return [WeekdayRange(tuple(labels), *(hours or (None, None))) for labels, hours in groups]


def closed_to_groups(site, start, end):
    """Days from ``start`` to ``end`` on which the centre cannot receive school groups.

    Every day the centre is closed counts (regular closing days, seasonal hours,
    exceptional closures), except closures that are for school groups precisely.
    Without opening hours set up, no day is closed. Three queries, whatever the range:
    read afresh, as a booking is checked against it (and visitors choose the range).
    """
    calendar = OpeningCalendar.read(site, start, end) if site else OpeningCalendar(None, (), ())
    if not calendar.is_configured:
        return set()
    closed = set()
    for hours in calendar.days(start, (end - start).days + 1):
        reserved_for_groups = hours.closure is not None and (
            hours.closure.reason == ClosureReason.SCHOOL_GROUPS
        )
        if not hours.is_open and not reserved_for_groups:
            closed.add(hours.day)
    return closed
