"""When an event happens: its schedule expanded into dates, across daylight-saving changes.

Expansion is dateutil's RFC 5545 ``rrule``, run on wall-clock (naive) times in the
site's time zone; each date is then placed in that zone with ``zoneinfo``. A
workshop every Wednesday at 10:00 therefore starts at 10:00 in winter and in
summer, at 09:00 UTC or 08:00 UTC. Nothing here touches the database.

Two nights a year the wall clock misbehaves. A start the clocks skip in spring (02:30)
moves on by the hour skipped, to 03:30, and a start the clocks show twice in autumn is
the first of the two, as calendars (RFC 5545) read them. Each date then lasts as long
as the event really does, measured in elapsed time, so a one-hour workshop still lasts
an hour on those nights instead of none or two.
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import MAXYEAR, UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import vRecur

#: How far ahead repeating events are materialised; ``manage.py agenda_refresh``
#: (run daily or weekly) moves the window on. Read at start-up, like every setting.
HORIZON = timedelta(days=settings.CSTI_AGENDA_HORIZON_DAYS)
#: How far back repeating events keep their past dates for the archive.
ARCHIVE = timedelta(days=settings.CSTI_AGENDA_ARCHIVE_DAYS)
#: A safety net against rules that would fill the table (FREQ=DAILY with no end...).
MAX_OCCURRENCES = 1000
ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
#: A safety net against rules that would take seconds to expand: one expansion looks at
#: this many dates of a rule at most (dateutil cannot start a series in its middle, so
#: a daily rule begun 50 years ago walks through 18,000 dates to reach today).
MAX_RULE_STEPS = 20_000
#: A rule must give its first date within this many years of the event's first date:
#: dateutil otherwise searches day after day until the year 9999 for a date that never comes.
FIRST_DATE_YEARS = 10
#: Leap years and weekdays repeat every 400 years, so a rule behaves the same from a
#: date 400 years later: the trial expansion runs near the end of dateutil's calendar.
CALENDAR_CYCLE_YEARS = 400
#: The first date rules are tried from when the event has none yet.
REFERENCE_START = date(2000, 1, 1)
#: The parts of RFC 5545 rules; dateutil also takes its own (BYEASTER...), which calendars
#: do not understand.
RULE_PARTS = {
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
}
#: The most dates a COUNT may give and the longest INTERVAL. Calendars take numbers up to
#: 2,147,483,647 and the ICS library refuses the whole feed beyond; far below that, 1000
#: dates is almost three years of a daily workshop, more than a centre plans one by one
#: (an event that goes on has no COUNT), and 366 is a gap of a year counted in days
#: (longer gaps are a yearly rule).
MAX_COUNT = 1000
MAX_INTERVAL = 366
#: How far each numbered part reaches, counted from the start (1) or the end (-1).
SIGNED_LIMITS = {"BYMONTHDAY": 31, "BYYEARDAY": 366, "BYWEEKNO": 53}
UNTIL_FORMAT = re.compile(r"\d{8}(T\d{6})?")
NUMBERED_DAY = re.compile(r"([+-]?\d+)?([A-Z]{2})")
#: How dateutil names the part of a rule it cannot read.
INVALID_PART = re.compile(r"invalid '(?P<part>[A-Z]+)': (?P<value>.*)")

logger = logging.getLogger(__name__)


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
    label: str = ""  # names the event in log messages

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


def normalise_rule(rule, start_date=None, start_time=None, stored=False):
    """The repeat rule as calendars write it, or ValueError with a message for editors.

    Parsing is not enough: dateutil loops for ever on ``INTERVAL=0``, crashes on a
    ninth Monday of the month and searches until the year 9999 for a 400th day of the
    year. Such rules are refused here, before anything expands them; the event's first
    date (``start_date``, ``start_time``) lets a trial expansion check the rule gives a
    date soon after it.

    A rule ``stored`` before today's limits for editors (:func:`_check_editor_limits`)
    keeps the dates it gave: those limits refuse what an editor most likely mistyped, not
    what would hang or crash, and a series published in good faith must not shrink to its
    first date at its next publication.
    """
    rule = _rule_text(rule)
    if not rule:
        return ""
    parts = _rule_parts(rule)
    _check_known_parts(parts)
    _check_end(parts)
    parsed = _parse(rule)
    if parsed._freq not in ALLOWED_FREQUENCIES:
        raise ValueError(_("Events repeat daily, weekly, monthly or yearly at most."))
    _check_numbers(parts)
    if not stored:
        _check_editor_limits(parts)
    _check_days(parts)
    _check_times(parts)
    _check_start_time(parts, start_time)
    _check_calendars_read(rule)
    _check_first_date(rule, start_date or REFERENCE_START, start_time)
    return rule


def _rule_text(rule):
    rule = rule.strip().upper()
    if rule.startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    if "\n" in rule or "DTSTART" in rule:
        raise ValueError(_("Give only the rule (FREQ=...), without DTSTART or other lines."))
    return rule


def _rule_parts(rule):
    """``{part: value}``; malformed parts are left for dateutil to refuse."""
    pairs = (part.partition("=") for part in rule.split(";") if part)
    return {key: value for key, _sep, value in pairs}


def _numbers(parts, key):
    return [int(value) for value in parts[key].split(",")] if key in parts else []


def _check_known_parts(parts):
    for key in parts:
        if key not in RULE_PARTS:
            raise ValueError(
                _("%(part)s is not part of calendar (RFC 5545) repeat rules.") % {"part": key}
            )


def _parse(rule):
    """The rule parsed by dateutil, whose own messages (in English) name the wrong part.

    Editors read the admin in their language: they are told which part to correct, with
    what they wrote, and never the library's sentence.
    """
    try:
        return rrulestr(rule, dtstart=datetime(2000, 1, 1), cache=False)
    except (ValueError, TypeError) as error:
        wrong_part = INVALID_PART.match(str(error))
        if wrong_part:
            message = _("This is not a valid repeat rule: %(part)s=%(value)s cannot be read.") % {
                "part": wrong_part["part"],
                "value": wrong_part["value"],
            }
        else:
            message = _("This is not a valid repeat rule: check how each part is written.")
        raise ValueError(message) from None


def _check_end(parts):
    """``UNTIL`` as calendar files write it (the ICS export cannot read other forms)."""
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError(_("Give COUNT or UNTIL, not both."))
    if "UNTIL" in parts and not UNTIL_FORMAT.fullmatch(parts["UNTIL"]):
        raise ValueError(_("Write UNTIL as a date, 20271231, or a date and time, 20271231T180000."))


def _check_numbers(parts):
    """Counts and numbered parts within the calendar (0 and 400 are no day of the year)."""
    if any(number < 1 for number in _numbers(parts, "INTERVAL")):
        raise ValueError(_("INTERVAL must be a whole number of 1 or more."))
    if any(number < 1 for number in _numbers(parts, "COUNT")):
        raise ValueError(_("COUNT must be a whole number of 1 or more."))
    for key, limit in SIGNED_LIMITS.items():
        _check_signed(key, _numbers(parts, key), limit)
    if any(not 1 <= number <= 12 for number in _numbers(parts, "BYMONTH")):
        raise ValueError(_("BYMONTH takes month numbers from 1 to 12."))


def _check_editor_limits(parts):
    """What an editor most likely mistyped: a gap or count no programme needs, a numbered
    weekday in a rule that has none (``FREQ=WEEKLY;BYDAY=1MO`` for the first Monday of
    each month, which dateutil reads as every Monday)."""
    if any(number > MAX_INTERVAL for number in _numbers(parts, "INTERVAL")):
        message = _(
            "INTERVAL goes up to %(limit)s at most: for longer gaps, repeat monthly or yearly."
        )
        raise ValueError(message % {"limit": MAX_INTERVAL})
    if any(number > MAX_COUNT for number in _numbers(parts, "COUNT")):
        message = _("COUNT gives %(limit)s dates at most: leave it out for an event that goes on.")
        raise ValueError(message % {"limit": MAX_COUNT})
    numbered = [day for day in parts.get("BYDAY", "").split(",") if _day_number(day)]
    if numbered and parts.get("FREQ") not in ("MONTHLY", "YEARLY"):
        message = _(
            "A numbered weekday (%(day)s) needs a monthly or yearly rule: write "
            "FREQ=MONTHLY;BYDAY=%(day)s for that weekday of each month."
        )
        raise ValueError(message % {"day": numbered[0]})


def _day_number(day):
    """The number of a numbered weekday ("1MO": 1, "-1SU": -1), else None."""
    match = NUMBERED_DAY.fullmatch(day)
    return int(match.group(1)) if match and match.group(1) else None


def _check_signed(key, numbers, limit):
    if any(number == 0 or abs(number) > limit for number in numbers):
        message = _("%(part)s takes numbers from 1 to %(limit)s, or from -%(limit)s to -1.")
        raise ValueError(message % {"part": key, "limit": limit})


def _check_days(parts):
    """Numbered weekdays: the fifth Monday of a month at most, the 53rd of a year.

    A daily or weekly rule has no first Monday: dateutil drops the number and gives
    every Monday (editors are told so, :func:`_check_editor_limits`).
    """
    if "BYDAY" not in parts:
        return
    numbers = [_day_number(day) for day in parts["BYDAY"].split(",")]
    numbers = [number for number in numbers if number is not None]
    frequency = parts.get("FREQ")
    if frequency == "MONTHLY" or (frequency == "YEARLY" and "BYMONTH" in parts):
        limit = 5
    elif frequency == "YEARLY":
        limit = 53
    else:
        return
    _check_signed("BYDAY", numbers, limit)


def _check_times(parts):
    """One time a day at most: the times come from the event's start and end times."""
    if any(len(_numbers(parts, key)) > 1 for key in ("BYHOUR", "BYMINUTE", "BYSECOND")):
        raise ValueError(
            _(
                "An event repeats once a day at most: give BYHOUR, BYMINUTE and BYSECOND "
                "one value each, or leave them out."
            )
        )


def _check_start_time(parts, start_time):
    """A time of day in the rule must be the event's start time.

    ``BYHOUR=18`` on an event starting at 10:00 moved its dates to 18:00 while its page,
    feeds and end times still said 10:00. Calendars sometimes write the start time into
    the rule (``BYHOUR=10;BYMINUTE=0``): that one is harmless and kept.
    """
    start_time = start_time or time()
    own = {"BYHOUR": start_time.hour, "BYMINUTE": start_time.minute, "BYSECOND": start_time.second}
    if any(_numbers(parts, key) not in ([], [value]) for key, value in own.items()):
        raise ValueError(
            _(
                "The rule gives a time of day other than the event's start time: remove "
                "BYHOUR, BYMINUTE and BYSECOND from the rule and set the start time instead."
            )
        )


def _check_calendars_read(rule):
    """The ICS export must be able to write every rule saved: the library it uses reads
    less than dateutil (``BYMONTH=+2``), and one rule it refuses breaks every feed."""
    try:
        vRecur.from_ical(rule)
    except ValueError:
        raise ValueError(
            _("This is not a valid repeat rule: check how each part is written.")
        ) from None


def _check_first_date(rule, start_date, start_time):
    """Expand the rule once, quickly, and refuse it unless it soon gives a date."""
    schedule = Schedule(start_date=start_date, start_time=start_time, rule=rule)
    try:
        first, start = _trial_first_date(schedule)
    except (ValueError, IndexError, OverflowError):
        raise ValueError(_("This repeat rule cannot be expanded: check its numbers.")) from None
    limit = timedelta(days=round(365.2425 * FIRST_DATE_YEARS))
    if first is None or first - start > limit:
        message = _("This repeat rule gives no date in the %(years)s years from the first date.")
        raise ValueError(message % {"years": FIRST_DATE_YEARS})


def _trial_first_date(schedule):
    """``(first date, start)`` of the rule expanded from ``start``, a date whole 400-year
    cycles after the event's first date: it behaves the same there, and dateutil stops
    searching at the end of year 9999, a few centuries on at most rather than eight
    thousand years. ``first`` is None when the rule gives no date."""
    start = datetime.combine(schedule.start_date, schedule.start_time or time())
    last_start_year = MAXYEAR - FIRST_DATE_YEARS - 1
    shift = (last_start_year - start.year) // CALENDAR_CYCLE_YEARS * CALENDAR_CYCLE_YEARS
    parts = []
    for part in expansion_rule(schedule).split(";"):
        key, _sep, value = part.partition("=")
        if key == "UNTIL":
            year = int(value[:4]) + shift
            if year < 1:
                return None, start  # it ended before the first date
            if year > MAXYEAR:
                continue  # it ends after the trial's window
            value = f"{year:04d}{value[4:]}"
        parts.append(f"{key}={value}")
    start = start.replace(year=start.year + shift)
    rule = rrulestr(";".join(parts), dtstart=start, cache=False)
    return next(iter(rule), None), start


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


def usable_rule(schedule):
    """The schedule's rule when it can be expanded safely, else "".

    Rules are checked when editors save them; one stored before those checks (or
    written to the database otherwise) is logged and left out, and the event keeps its
    other dates, rather than hanging a worker.
    """
    if not schedule.rule:
        return ""
    problem = _rule_problem(schedule.rule, schedule.start_date, schedule.start_time, schedule.label)
    return "" if problem else schedule.rule


def _rule(schedule, start):
    """dateutil's expansion from ``start``, or None without a usable rule."""
    if not usable_rule(schedule):
        return None
    return rrulestr(expansion_rule(schedule), dtstart=start, cache=False)


@lru_cache(maxsize=1024)
def _rule_problem(rule, start_date, start_time, label):
    """Why a stored rule cannot be expanded, logged once per process, or None."""
    try:
        normalise_rule(rule, start_date, start_time, stored=True)
    except ValueError as error:
        logger.warning("Repeat rule %r of %s ignored: %s", rule, label or "an event", error)
        return str(error)
    return None


def _bounded(rule, schedule):
    """The rule's starts, :data:`MAX_RULE_STEPS` at most, so no expansion takes seconds."""
    for step, start in enumerate(rule):
        if step >= MAX_RULE_STEPS:
            logger.warning(
                "Repeat rule %r of %s cut after %s dates.",
                schedule.rule,
                schedule.label or "an event",
                MAX_RULE_STEPS,
            )
            return
        yield start


def first_start(schedule):
    """The first wall-clock start: the first date the rule gives from the first date.

    Calendars (RFC 5545) count DTSTART as an occurrence even when the rule would
    not produce it (a Monday for a rule on Wednesdays); dateutil does not. Both
    agree when DTSTART is the rule's first date, which is what we export.
    """
    start = datetime.combine(schedule.start_date, schedule.start_time or time())
    rule = _rule(schedule, start)
    if rule is None:
        return start
    return next(_bounded(rule, schedule), start)


def planned_starts(schedule, window_start=None, window_end=None):
    """Wall-clock starts of the schedule (rule and added dates, less excluded dates).

    Repeating rules are expanded only inside the window; single dates and added
    dates are always kept, so an event's history stays in the archive.
    """
    default_time = schedule.start_time or time()
    first = first_start(schedule)
    starts = {first}
    rule = _rule(schedule, first)
    if rule is not None:
        low = max(first, window_start) if window_start else first
        high = window_end or (first + HORIZON)
        starts.update(_starts_between(rule, schedule, low, high))
        if window_start and first < window_start:
            starts.discard(first)
    for added_date, added_time in schedule.added:
        starts.add(datetime.combine(added_date, added_time or default_time))
    return sorted(start for start in starts if start.date() not in schedule.excluded)


def _starts_between(rule, schedule, low, high):
    """The rule's starts from ``low`` to ``high``, :data:`MAX_OCCURRENCES` at most."""
    found = []
    for start in _bounded(rule, schedule):
        if start > high or len(found) >= MAX_OCCURRENCES:
            break
        if start >= low:
            found.append(start)
    return found


def aware(wall_clock, zone):
    """A wall-clock time in ``zone`` as the instant calendars read it.

    zoneinfo picks the offset of that date; a time the clocks skip (02:30 on the night
    they go forward) becomes the instant an hour later (03:30), and a time they show
    twice is the first one, unless ``wall_clock.fold`` says the second.
    """
    return wall_clock.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def exists(wall_clock, zone):
    """Whether the clocks of ``zone`` show ``wall_clock`` on its date (not in the spring gap)."""
    first = wall_clock.replace(fold=0)
    return aware(first, zone).replace(tzinfo=None) == first


def _unambiguous(wall_clock, zone):
    """Whether ``wall_clock`` names one instant: shown exactly once by the clocks."""
    first, second = (wall_clock.replace(tzinfo=zone, fold=fold) for fold in (0, 1))
    return first.utcoffset() == second.utcoffset()


def real_duration(schedule, zone):
    """How long each timed date lasts, in elapsed time: that of the first date.

    Calendars give every date of a series the exact duration of the first (RFC 5545),
    so an evening from 20:00 to 04:00 across the night the clocks go forward lasts
    seven hours. When a time of the first date is skipped or shown twice, the wall
    clock cannot say how long it lasts, and the editor's times are taken as written.
    """
    first = first_start(schedule)
    last = first + schedule.duration
    if _unambiguous(first, zone) and _unambiguous(last, zone):
        return _instant(last, zone) - _instant(first, zone)
    return schedule.duration


def _instant(wall_clock, zone):
    """:func:`aware` in UTC, where Python compares and subtracts instants (within one zone
    it compares wall clocks)."""
    return aware(wall_clock, zone).astimezone(UTC)


def _later(start, length, zone):
    """The instant ``length`` of elapsed time after ``start``, in ``zone``.

    Python adds a timedelta to the wall clock of an aware datetime; counting in UTC
    keeps an hour an hour across a change of the clocks.
    """
    return (start.astimezone(UTC) + length).astimezone(zone)


def occurrences(schedule, window_start=None, window_end=None, zone=None):
    """Every :class:`OccurrenceData` of the schedule, changes to single dates applied.

    ``window_start``/``window_end`` (aware or naive wall-clock) bound repeating rules;
    by default from :data:`ARCHIVE` ago to :data:`HORIZON` ahead of now.
    """
    zone = zone or site_zone()
    now = timezone.now().astimezone(zone).replace(tzinfo=None)
    window_start = _wall_clock(window_start, zone) or now - ARCHIVE
    window_end = _wall_clock(window_end, zone) or now + HORIZON
    length = None if schedule.all_day else real_duration(schedule, zone)
    result = []
    for planned in planned_starts(schedule, window_start, window_end):
        start, end, status = apply_change(schedule, planned, zone=zone, length=length)
        result.append(
            OccurrenceData(
                original_start=aware(planned, zone),
                start=aware(start, zone),
                end=aware(end, zone),
                all_day=schedule.all_day,
                status=status,
            )
        )
    # In UTC: within one zone Python orders wall clocks, and autumn shows 02:30 twice.
    result.sort(key=lambda item: (item.start.astimezone(UTC), item.original_start.astimezone(UTC)))
    return result


def apply_change(schedule, planned, *, zone=None, length=None):
    """``(start, end, status)`` of the occurrence planned at ``planned`` (wall clock).

    A timed date ends :func:`real_duration` (``length`` when the caller has it) after
    its start, or at the new end time of its change; ``end`` is the wall clock of that
    instant, its ``fold`` set when the clocks show it twice.
    """
    status = schedule.status
    start, new_end_time = planned, None
    change = schedule.changes.get(planned.date())
    if change is not None:
        status = change.status
        if change.new_date or (change.new_start_time and not schedule.all_day):
            new_time = planned.time()
            if change.new_start_time and not schedule.all_day:
                new_time = change.new_start_time
            start = datetime.combine(change.new_date or planned.date(), new_time)
        if not schedule.all_day:
            new_end_time = change.new_end_time
    if schedule.status == "cancelled":
        status = "cancelled"
    if schedule.all_day:
        return start, start + schedule.duration, status
    return start, _timed_end(schedule, start, new_end_time, zone, length), status


def _timed_end(schedule, start, new_end_time, zone, length):
    """The wall-clock end of a timed date starting at ``start``: at the change's new end
    time (the next day when it comes first), else the event's real duration later."""
    zone = zone or site_zone()
    if new_end_time is not None:
        end = datetime.combine(start.date(), new_end_time)
        if end <= start:
            end += timedelta(days=1)
        if _instant(end, zone) > _instant(start, zone):
            return end
    length = length if length is not None else real_duration(schedule, zone)
    return _later(aware(start, zone), length, zone).replace(tzinfo=None)


def planned_on(schedule, day):
    """The wall-clock start the schedule plans on ``day`` (ignoring exclusions), or None."""
    for added_date, added_time in schedule.added:
        if added_date == day:
            return datetime.combine(day, added_time or schedule.start_time or time())
    first = first_start(schedule)
    if first.date() == day:
        return first
    rule = _rule(schedule, first)
    if rule is None:
        return None
    for start in _bounded(rule, schedule):
        if start.date() >= day:
            return start if start.date() == day else None
    return None


def _wall_clock(value, zone):
    if value is None:
        return None
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(zone).replace(tzinfo=None)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value
