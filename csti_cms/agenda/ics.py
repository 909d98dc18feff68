"""Events as iCalendar (RFC 5545), written with the ``icalendar`` library.

One ``VEVENT`` per event page: its first date, its repeat rule (``RRULE``), added
(``RDATE``) and excluded (``EXDATE``) dates; then one ``VEVENT`` per changed date
of a series with the same ``UID`` and a ``RECURRENCE-ID``, the way calendar
programs record "this occurrence only". Times carry the site's ``TZID`` with its
``VTIMEZONE``, so a calendar shows 10:00 in Brussels whatever the season.

``UID`` is the page's translation key (the same event in every language) at the
site's host; ``SEQUENCE`` comes from :class:`~.models.FeedState` and grows when
what a calendar shows changes.
"""

from datetime import UTC, date, datetime, time

from django.utils.translation import pgettext_lazy
from icalendar import Calendar, Event, vRecur, vText

from . import recurrence
from .models import EventStatus

PRODID = "-//csti-cms//Agenda//EN"

ICS_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


#: Statuses whose label is too long to follow a title in brackets.
SUMMARY_STATUS = {EventStatus.POSTPONED: pgettext_lazy("event status", "Postponed")}


def new_calendar(name, zone, description=""):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # As text, escaped: icalendar writes properties it does not know (X-WR-*) as they
    # come, and a line break in an editor's title or introduction would break the feed.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", zone.key)
    if description:
        calendar.add("x-wr-caldesc", vText(description))
    return calendar


#: Years a VTIMEZONE covers after the last date a repeat rule without UNTIL is known
#: to reach: programs that follow the file's zone rather than their own need its
#: summer and winter times for as long as a subscriber's calendar repeats the event.
OPEN_RULE_YEARS = 10


def finish(calendar):
    """Add the VTIMEZONE the events use, over the years they happen in, and serialise."""
    span = covered_years(calendar)
    if span is not None:
        first_year, last_year = span
        calendar.add_missing_timezones(
            first_date=date(first_year, 1, 1), last_date=date(last_year + 1, 1, 1)
        )
    return calendar.to_ical()


def covered_years(calendar):
    """``(first, last)`` year of the dates the events of ``calendar`` name (DTSTART, DTEND,
    RDATE, EXDATE, RECURRENCE-ID, UNTIL), :data:`OPEN_RULE_YEARS` more after the last
    when a rule has no UNTIL; None for a calendar without events."""
    years = []
    open_ended = False
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            if name in event:
                years.append(event[name].dt.year)
        for name in ("RDATE", "EXDATE"):
            for dates in _as_list(event.get(name)):
                years.extend(moment.dt.year for moment in dates.dts)
        for rule in _as_list(event.get("RRULE")):
            if "UNTIL" in rule:
                years.extend(until.year for until in rule["UNTIL"])
            else:
                open_ended = True
    if not years:
        return None
    return min(years), max(years) + (OPEN_RULE_YEARS if open_ended else 0)


def _as_list(value):
    """A property icalendar gives as one value or, when repeated, as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def event_components(page, *, url, host, zone, dtstamp, categories=()):
    """The VEVENTs of one event page: the event (or series) and its changed dates."""
    schedule = page.schedule
    state = getattr(page, "feed_state", None)
    sequence = state.sequence if state else 0
    changed_at = state.changed_at if state else page.last_published_at or dtstamp
    uid = f"{page.translation_key}@{host}"
    first = recurrence.first_start(schedule)

    def moment(wall_clock):
        if schedule.all_day:
            return wall_clock.date()
        return recurrence.aware(wall_clock, zone)

    def common(event, status):
        event.add("uid", uid)
        event.add("dtstamp", dtstamp)
        event.add("last-modified", changed_at.astimezone(UTC))
        event.add("sequence", sequence)
        event.add("summary", summary(page.title, status))
        description = "\n\n".join(part for part in (page.introduction, url) if part)
        event.add("description", description)
        event.add("url", url)
        event.add("status", ICS_STATUS.get(status, "CONFIRMED"))
        where, geo = whereabouts(page, status)
        if where:
            event.add("location", where)
        if geo:
            event.add("geo", geo)
        if categories:
            event.add("categories", [category.name for category in categories])

    master = Event()
    common(master, schedule.status)
    master.add("dtstart", moment(first))
    master.add("dtend", moment(first + schedule.duration))
    if recurrence.usable_rule(schedule):  # calendars would choke on the others too
        master.add("rrule", ics_rule(schedule, zone))
    excluded = sorted(schedule.excluded)
    added = sorted(
        datetime.combine(day, start_time or schedule.start_time or time())
        for day, start_time in schedule.added
        if day not in schedule.excluded and day != first.date()
    )
    if added:
        master.add("rdate", [moment(start) for start in added])
    if excluded:
        # At the time the rule gives, which its own BYHOUR or BYMINUTE (one value each)
        # may set apart from the start time: an EXDATE at another time excludes nothing.
        master.add("exdate", [moment(datetime.combine(day, first.time())) for day in excluded])
    components = [master]

    for day in sorted(schedule.changes):
        if day in schedule.excluded:
            continue
        planned = recurrence.planned_on(schedule, day)
        if planned is None:
            continue
        start, end, status = recurrence.apply_change(schedule, planned)
        override = Event()
        common(override, status)
        override.add("recurrence-id", moment(planned))
        override.add("dtstart", moment(start))
        override.add("dtend", moment(end))
        components.append(override)
    return components


def whereabouts(page, status):
    """``(LOCATION, GEO)`` of a date with ``status``; either may be empty.

    A date moved online happens at its online link only: its street address would send
    subscribers to a closed door. Without a link, the event's URL tells them where to look.
    """
    if status == EventStatus.MOVED_ONLINE:
        return page.online_url, None
    location = page.location
    on_site = location is not None and page.is_on_site
    place = location.address if on_site else ""
    if page.is_online and page.online_url:
        place = f"{place} / {page.online_url}" if place else page.online_url
    geo = None
    if on_site and location.has_coordinates:
        geo = (float(location.latitude), float(location.longitude))
    return place, geo


def summary(title, status):
    """The title, with the date's status when it is not the usual one.

    ``STATUS`` knows only confirmed, tentative and cancelled, and many calendar programs
    show none of them: a subscriber would come to a full workshop. The status reads as on
    the event page, in the feed's language.
    """
    if not status or status == EventStatus.SCHEDULED:
        return title
    label = SUMMARY_STATUS.get(status) or EventStatus(status).label
    return f"{title} ({label})"


def ics_rule(schedule, zone):
    """The repeat rule as RFC 5545 wants it next to the DTSTART we write.

    ``UNTIL`` must be a date for all-day events and a UTC time otherwise; editors
    write a date, meaning "until the end of that day" in the site's zone.
    """
    rule = vRecur.from_ical(recurrence.expansion_rule(schedule))
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if schedule.all_day:
            rule["UNTIL"] = [until.date() if isinstance(until, datetime) else until]
        else:
            wall_clock = until.replace(tzinfo=None)
            rule["UNTIL"] = [recurrence.aware(wall_clock, zone).astimezone(UTC)]
    return rule
