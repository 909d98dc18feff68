"""When an event happens: its schedule expanded into dates, across daylight-saving changes.

Expansion is dateutil's RFC 5545 ``rrule``, run on wall-clock (naive) times in the
site's time zone; each date is then placed in that zone with ``zoneinfo``. A
workshop every Wednesday at 10:00 therefore starts at 10:00 in winter and in
summer, at 09:00 UTC or 08:00 UTC. Nothing here touches the database.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

#: How far ahead repeating events are materialised; ``manage.py agenda_refresh``
#: (run daily or weekly) moves the window on.
HORIZON = timedelta(days=int(getattr(settings, "CSTI_AGENDA_HORIZON_DAYS", 550)))
#: How far back repeating events keep their past dates for the archive.
ARCHIVE = timedelta(days=int(getattr(settings, "CSTI_AGENDA_ARCHIVE_DAYS", 365)))
#: A safety net against rules that would fill the table (FREQ=DAILY with no end...).
MAX_OCCURRENCES = 1000
ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Change:
    """What happened to one planned date of a series."""

    status: str
    new_date: date | None = None
    new_start_time: time | None = None
    new_end_time: time | None = None


@dataclass(frozen=True)
class Schedule:
    """Everything that decides when an event happens, in wall-clock terms."""

    start_date: date
    start_time: time | None = None
    end_date: date | None = None
    end_time: time | None = None
    rule: str = ""
    added: tuple = ()  # (date, time or None)
    excluded: frozenset = frozenset()  # dates
    changes: dict = field(default_factory=dict)  # original date -> Change
    status: str = "scheduled"

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def duration(self):
        last_day = self.end_date or self.start_date
        if self.all_day:
            return timedelta(days=(last_day - self.start_date).days + 1)
        return datetime.combine(last_day, self.end_time or self.start_time) - datetime.combine(
            self.start_date, self.start_time
        )


@dataclass(frozen=True)
class OccurrenceData:
    """One date of an event. Datetimes are aware, in the site's zone; ``end`` is exclusive."""

    original_start: datetime
    start: datetime
    end: datetime
    all_day: bool
    status: str

    @property
    def is_moved(self):
        return self.start != self.original_start


def normalise_rule(rule):
    """The repeat rule as calendars write it, or ValueError with a message for editors."""
    rule = rule.strip().upper()
    if rule.startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    if not rule:
        return ""
    if "\n" in rule or "DTSTART" in rule:
        raise ValueError(_("Give only the rule (FREQ=...), without DTSTART or other lines."))
    try:
        parsed = rrulestr(rule, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        message = _("This is not a valid repeat rule: %(error)s") % {"error": error}
        raise ValueError(message) from None
    if parsed._freq not in ALLOWED_FREQUENCIES:
        raise ValueError(_("Events repeat daily, weekly, monthly or yearly at most."))
    return rule


def expansion_rule(schedule):
    """The rule as dateutil expands it on wall-clock times.

    Editors write ``UNTIL=20271231`` meaning "until the end of that day"; for a timed
    event the rule needs a time, so the date becomes the last second of that day
    (calendar files get it in UTC, see :mod:`..ics`). A UTC ``UNTIL`` is read as
    wall-clock time: the difference is at most the zone's offset on the last day.
    """
    parts = []
    for part in schedule.rule.split(";"):
        key, _sep, value = part.partition("=")
        if key == "UNTIL":
            value = value.rstrip("Z")
            if len(value) == 8 and not schedule.all_day:
                value += "T235959"
        parts.append(f"{key}={value}")
    return ";".join(parts)


def _rule(schedule, start):
    return rrulestr(expansion_rule(schedule), dtstart=start, cache=False)


def first_start(schedule):
    """The first wall-clock start: the first date the rule gives from the first date.

    Calendars (RFC 5545) count DTSTART as an occurrence even when the rule would
    not produce it (a Monday for a rule on Wednesdays); dateutil does not. Both
    agree when DTSTART is the rule's first date, which is what we export.
    """
    start = datetime.combine(schedule.start_date, schedule.start_time or time())
    if not schedule.rule:
        return start
    return _rule(schedule, start).after(start, inc=True) or start


def planned_starts(schedule, window_start=None, window_end=None):
    """Wall-clock starts of the schedule (rule and added dates, less excluded dates).

    Repeating rules are expanded only inside the window; single dates and added
    dates are always kept, so an event's history stays in the archive.
    """
    default_time = schedule.start_time or time()
    first = first_start(schedule)
    starts = {first}
    if schedule.rule:
        rule = _rule(schedule, first)
        low = max(first, window_start) if window_start else first
        high = window_end or (first + HORIZON)
        for index, start in enumerate(rule.xafter(low, inc=True)):
            if start > high or index >= MAX_OCCURRENCES:
                break
            starts.add(start)
        if window_start and first < window_start:
            starts.discard(first)
    for added_date, added_time in schedule.added:
        starts.add(datetime.combine(added_date, added_time or default_time))
    return sorted(start for start in starts if start.date() not in schedule.excluded)


def aware(wall_clock, zone):
    """A wall-clock time in ``zone``; zoneinfo picks the right offset for that date."""
    return wall_clock.replace(tzinfo=zone)


def occurrences(schedule, window_start=None, window_end=None, zone=None):
    """Every :class:`OccurrenceData` of the schedule, changes to single dates applied.

    ``window_start``/``window_end`` (aware or naive wall-clock) bound repeating rules;
    by default from :data:`ARCHIVE` ago to :data:`HORIZON` ahead of now.
    """
    zone = zone or site_zone()
    now = timezone.now().astimezone(zone).replace(tzinfo=None)
    window_start = _wall_clock(window_start, zone) or now - ARCHIVE
    window_end = _wall_clock(window_end, zone) or now + HORIZON
    result = []
    for planned in planned_starts(schedule, window_start, window_end):
        start, end, status = apply_change(schedule, planned)
        result.append(
            OccurrenceData(
                original_start=aware(planned, zone),
                start=aware(start, zone),
                end=aware(end, zone),
                all_day=schedule.all_day,
                status=status,
            )
        )
    result.sort(key=lambda occurrence: (occurrence.start, occurrence.original_start))
    return result


def apply_change(schedule, planned):
    """``(start, end, status)`` of the occurrence planned at ``planned`` (wall clock)."""
    start, end, status = planned, planned + schedule.duration, schedule.status
    change = schedule.changes.get(planned.date())
    if change is not None:
        status = change.status
        if change.new_date or (change.new_start_time and not schedule.all_day):
            new_time = planned.time()
            if change.new_start_time and not schedule.all_day:
                new_time = change.new_start_time
            start = datetime.combine(change.new_date or planned.date(), new_time)
            end = start + schedule.duration
        if change.new_end_time and not schedule.all_day:
            end = datetime.combine(start.date(), change.new_end_time)
            if end <= start:
                end += timedelta(days=1)
    if schedule.status == "cancelled":
        status = "cancelled"
    return start, end, status


def planned_on(schedule, day):
    """The wall-clock start the schedule plans on ``day`` (ignoring exclusions), or None."""
    for added_date, added_time in schedule.added:
        if added_date == day:
            return datetime.combine(day, added_time or schedule.start_time or time())
    first = first_start(schedule)
    if first.date() == day:
        return first
    if schedule.rule:
        following = _rule(schedule, first).after(datetime.combine(day, time()), inc=True)
        if following is not None and following.date() == day:
            return following
    return None


def _wall_clock(value, zone):
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value
