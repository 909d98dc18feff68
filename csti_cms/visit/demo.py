"""The demo centre's opening hours and ticket shop, which are site settings, not pages.

Dates are relative to the day the demo is loaded, so the demo always shows a
coming school holiday, the next Christmas and New Year's Day (closed, as the
"Plan your visit" page says), a working week closed for maintenance and a
Tuesday reserved for schools; the demo agenda's Wednesday workshop leaves out
the Wednesday of the maintenance week (``+52d:wed`` in fixtures/demo/content.json).
Loading is skipped when the site already has opening hours: an editor may have
changed them.
"""

from datetime import date, time, timedelta

from .models import Closure, ClosureReason, OpeningHours, SeasonalPeriod, TicketingSettings
from .models.hours import WEEKDAYS

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
            Closure(start_date=holiday, end_date=holiday, reason=ClosureReason.PUBLIC_HOLIDAY)
            for holiday in (next_anniversary(today, *month_day) for month_day in PUBLIC_HOLIDAYS)
        ),
    ]
    hours.full_clean()
    hours.save()
    loader.report.add(True, "settings opening hours")
