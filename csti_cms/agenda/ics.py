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

from datetime import UTC, datetime, time, timedelta

from django.utils import timezone
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


def finish(calendar, first_day=None):
    """Add the VTIMEZONE the events use (from the first date on) and serialise."""
    today = timezone.localdate()
    first_day = min(first_day or today, today)
    calendar.add_missing_timezones(
        first_date=first_day.replace(month=1, day=1),
        last_date=(today + recurrence.HORIZON + timedelta(days=366)).replace(month=1, day=1),
    )
    return calendar.to_ical()


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
        location = page.location
        place = location.address if location and page.is_on_site else ""
        if page.is_online and page.online_url:
            place = f"{place} / {page.online_url}" if place else page.online_url
        if place:
            event.add("location", place)
        if location is not None and location.has_coordinates and page.is_on_site:
            event.add("geo", (float(location.latitude), float(location.longitude)))
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
        master.add(
            "exdate",
            [moment(datetime.combine(day, schedule.start_time or time())) for day in excluded],
        )
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
