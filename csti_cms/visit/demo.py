"""The demo centre's opening hours and ticket shop, which are site settings, not pages.

Dates are relative to the day the demo is loaded, so the demo always shows a
coming school holiday, a week closed for maintenance and a day reserved for
schools. Loading is skipped when the site already has opening hours: an editor
may have changed them.
"""

from datetime import time, timedelta

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


def next_weekday(day, weekday):
    return day + timedelta(days=(weekday - day.weekday()) % 7)


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
    maintenance_start = next_weekday(today + timedelta(days=50), 0)
    hours.closures = [
        Closure(
            start_date=next_weekday(today + timedelta(days=8), 3),
            end_date=next_weekday(today + timedelta(days=8), 3),
            reason=ClosureReason.SCHOOL_GROUPS,
        ),
        Closure(
            start_date=maintenance_start,
            end_date=maintenance_start + timedelta(days=6),
            reason=ClosureReason.MAINTENANCE,
        ),
    ]
    hours.full_clean()
    hours.save()
    loader.report.add(True, "settings opening hours")
