"""The demo centre's opening hours and ticket shop, which are site settings, not pages.

Dates are relative to the day the demo is loaded, so the demo always shows a
coming school holiday, the next Christmas and New Year's Day (closed every year), a
working week closed for maintenance and a Tuesday reserved for schools; the demo
agenda's Wednesday workshop leaves out the Wednesday of the maintenance week
(``+52d:wed`` in fixtures/demo/content.json). The demo pages type no hours: they show
these through the opening hours block and the practical information page, so they
never contradict the calendar (whose school holidays are one period of two weeks).
Loading is skipped when the site already has opening hours: an editor may have
changed them.

Whatever the day of loading, the demo agenda must not invite visitors on a day the
centre is closed (Christmas falls on any weekday), so demo events are moved off
those days as they are loaded: see :func:`keep_demo_event_open`.
"""

from datetime import date, datetime, time, timedelta

from wagtail import hooks

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import EventPage, ExcludedDate
from csti_cms.core.demo_content import DEMO_DATES, ContentFileError

from .models import Closure, ClosureReason, OpeningHours, SeasonalPeriod, TicketingSettings
from .models.hours import WEEKDAYS, closures_between
from .opening import OpeningCalendar

TICKET_SHOP_URL = "https://tickets.curiosa.example/"


def week(hours_by_day):
    """Weekday fields from ``{weekday name: (opens, closes)}``."""
    fields = {}
    for name, _label in WEEKDAYS:
        opens, closes = hours_by_day.get(name, (None, None))
        fields[f"{name}_opens"], fields[f"{name}_closes"] = opens, closes
    return fields


#: Tuesday to Friday 9:30 to 17:00, weekends 10:00 to 18:00, closed on Mondays.
REGULAR_WEEK = week(
    {
        **dict.fromkeys(("tuesday", "wednesday", "thursday", "friday"), (time(9, 30), time(17))),
        **dict.fromkeys(("saturday", "sunday"), (time(10), time(18))),
    }
)
#: School holidays: every day, Mondays included, 10:00 to 18:00.
HOLIDAY_WEEK = week(dict.fromkeys((name for name, _label in WEEKDAYS), (time(10), time(18))))
#: Days the centre closes every year, as (month, day): 25 December and 1 January.
PUBLIC_HOLIDAYS = ((12, 25), (1, 1))


def next_weekday(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def next_anniversary(day, month, day_of_month):
    """The next ``day_of_month`` of ``month`` from ``day`` on, ``day`` included."""
    this_year = date(day.year, month, day_of_month)
    return this_year if this_year >= day else date(day.year + 1, month, day_of_month)


def load_demo_opening_hours(loader):
    site, today = loader.site, loader.today
    ticketing, created = TicketingSettings.objects.get_or_create(
        site=site, defaults={"ticket_shop_url": TICKET_SHOP_URL}
    )
    loader.report.add(created, "settings ticketing")
    if OpeningHours.objects.filter(site=site).exists():
        loader.report.add(False, "settings opening hours")
        return
    hours = demo_opening_hours(site, today)
    hours.full_clean()
    hours.save()
    loader.report.add(True, "settings opening hours")


def demo_opening_hours(site, today):
    """The demo centre's opening hours from ``today`` on, not saved yet."""
    hours = OpeningHours(site=site, **REGULAR_WEEK)
    holidays_start = next_weekday(today + timedelta(days=21), 0)
    hours.seasonal_periods = [
        SeasonalPeriod(
            start_date=holidays_start, end_date=holidays_start + timedelta(days=13), **HOLIDAY_WEEK
        )
    ]
    # Monday to Friday, so the agenda's family Sunday is never closed; the day for schools
    # is a Tuesday, as the agenda moves one Wednesday workshop to a Thursday.
    maintenance_start = next_weekday(today + timedelta(days=50), 0)
    schools_day = next_weekday(today + timedelta(days=8), 1)
    hours.closures = [
        Closure(start_date=schools_day, end_date=schools_day, reason=ClosureReason.SCHOOL_GROUPS),
        Closure(
            start_date=maintenance_start,
            end_date=maintenance_start + timedelta(days=4),
            reason=ClosureReason.MAINTENANCE,
        ),
        *(
            Closure(
                start_date=holiday,
                end_date=holiday,
                reason=ClosureReason.PUBLIC_HOLIDAY,
                every_year=True,
            )
            for holiday in (next_anniversary(today, *month_day) for month_day in PUBLIC_HOLIDAYS)
        ),
    ]
    return hours


#: How far ahead demo events are kept off closed days: as far as the agenda lists
#: the dates of repeating events.
DEMO_AGENDA_DAYS = recurrence.HORIZON.days
#: A dated event is moved on by whole weeks, so a Saturday night stays on a Saturday.
MAX_WEEKS_MOVED = 8


def demo_calendar(loader):
    """The opening calendar the demo site has, or will have once the demo is loaded.

    Events are loaded before the opening hours (the site is not even known for the
    first pages), so the demo's own hours are used unless the site already has some.
    """
    start, end = loader.today, loader.today + timedelta(days=DEMO_AGENDA_DAYS)
    if loader.site is not None and OpeningHours.objects.filter(site=loader.site).exists():
        return OpeningCalendar.read(loader.site, start, end)
    hours = demo_opening_hours(loader.site, loader.today)
    closures = closures_between(hours.closures.all(), start, end)
    return OpeningCalendar(hours, tuple(hours.seasonal_periods.all()), tuple(closures))


def fits_opening_hours(calendar, occurrence):
    """Whether the centre is open for ``occurrence`` (an agenda ``OccurrenceData``).

    An all-day event needs every day it covers open. A timed one needs its day open
    and its hours within the opening hours, unless it starts once the centre has
    closed: an evening (a talk, a night at the museum) is held after hours.
    """
    start, end = occurrence.start.replace(tzinfo=None), occurrence.end.replace(tzinfo=None)
    if occurrence.all_day:
        days = (end.date() - start.date()).days
        return all(calendar.day(start.date() + timedelta(days=n)).is_open for n in range(days))
    hours = calendar.day(start.date())
    if not hours.is_open:
        return False
    if start.time() >= hours.closes:
        return True
    return hours.opens <= start.time() and end <= datetime.combine(start.date(), hours.closes)


def demo_event_occurrences(event, today):
    """The dates of a demo event from ``today`` to the end of the demo agenda."""
    return recurrence.occurrences(
        event.schedule, today, today + timedelta(days=DEMO_AGENDA_DAYS), recurrence.site_zone()
    )


@hooks.register(DEMO_DATES)
def keep_demo_event_open(loader, page):
    """Move a demo event off the days the demo centre is closed, as it is loaded.

    A repeating event leaves out those dates (and forgets a change planned on one);
    a moved date and a dated event go on by whole weeks until the centre is open.
    """
    if not isinstance(page, EventPage) or page.start_date is None:
        return
    calendar = demo_calendar(loader)
    for _week in range(MAX_WEEKS_MOVED):
        closed = [
            occurrence
            for occurrence in demo_event_occurrences(page, loader.today)
            if not fits_opening_hours(calendar, occurrence)
        ]
        if not closed:
            return
        if not page.recurrence:
            page.start_date += timedelta(weeks=1)
            if page.end_date:
                page.end_date += timedelta(weeks=1)
            continue
        planned = {occurrence.original_start.date() for occurrence in closed}
        changes = list(page.occurrence_changes.all())
        # A change to another day goes on by a week with it; a change of time only
        # keeps the day, so that date is left out like any other.
        moved = {change.original_date for change in changes if change.new_date} & planned
        for change in changes:
            if change.original_date in moved:
                change.new_date += timedelta(weeks=1)
        not_held = planned - moved
        page.occurrence_changes = [c for c in changes if c.original_date not in not_held]
        page.excluded_dates = [
            *page.excluded_dates.all(),
            *(ExcludedDate(date=day) for day in sorted(not_held)),
        ]
    raise ContentFileError(
        f"No open day for the demo event {page.title!r} in {MAX_WEEKS_MOVED} weeks."
    )
