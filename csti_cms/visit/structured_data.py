"""The centre's opening hours as schema.org data, for search engines and map services.

Search engines show a place's hours beside its name; they read them from the home page's
data as ``openingHoursSpecification``: the regular week, then each seasonal period and
closure with the dates it holds (``validFrom``, ``validThrough``). A closure is written as
Google's guide asks for a closed day: opening and closing at midnight.

The data announces what the practical information page does: the seasons and closures of
the coming :data:`~.models.practical.UPCOMING_DAYS`; one already over is left out.
"""

from csti_cms.core.seo import centre_place

from .models.hours import WEEKDAYS
from .models.practical import UPCOMING_DAYS
from .opening import centre_now, load_calendar

#: Opening and closing at midnight: schema.org's way of saying closed all day.
MIDNIGHT = "00:00"

#: schema.org's names of the days, Monday first (``DayOfWeek``).
SCHEMA_DAYS = [f"https://schema.org/{name.capitalize()}" for name, _label in WEEKDAYS]


def opening_hours_data(site, request):
    """The centre's ``location``, with its hours, for its ``Organization`` data.

    schema.org gives hours to a place, not to an organisation; and search engines take a
    place to be somewhere only with its address. Without hours or an address, nothing.
    """
    place = centre_place(request)
    if place is None:
        return {}
    today = centre_now().date()
    calendar = load_calendar(site, today, days=UPCOMING_DAYS)
    if not calendar.is_configured:
        return {}
    hours = opening_hours_specification(calendar, today)
    return {"location": {**place, "openingHoursSpecification": hours}}


def opening_hours_specification(calendar, today):
    """The ``OpeningHoursSpecification`` items of ``calendar`` from ``today`` on."""
    items = week_specification(calendar.regular)
    for period in calendar.periods:
        if period.end_date >= today:
            items += week_specification(
                period, valid=(max(period.start_date, today), period.end_date)
            )
    for closure in calendar.closures:
        if closure.end_date >= today:
            items.append(closed_specification(max(closure.start_date, today), closure.end_date))
    return items


def week_specification(schedule, valid=None):
    """One item per distinct opening of ``schedule``'s week, naming the days it holds on.

    The regular week leaves its closed days out, as schema.org reads a day it is not told
    of as closed. A seasonal period (``valid``) names its closed days too, as closing at
    midnight: the regular week's items hold all year, and would say the centre opens on
    them during the period.
    """
    days_by_hours = {}
    for weekday, day in enumerate(SCHEMA_DAYS):
        hours = schedule.hours_on(weekday)
        if hours is not None or valid is not None:
            days_by_hours.setdefault(hours, []).append(day)
    items = []
    for hours, days in days_by_hours.items():
        opens, closes = (time.strftime("%H:%M") for time in hours) if hours else (MIDNIGHT,) * 2
        items.append({**specification(opens, closes, valid), "dayOfWeek": days})
    return items


def closed_specification(first_day, last_day):
    """A closure: no opening hours between two dates, both included."""
    return specification(MIDNIGHT, MIDNIGHT, (first_day, last_day))


def specification(opens, closes, valid=None):
    item = {"@type": "OpeningHoursSpecification", "opens": opens, "closes": closes}
    if valid is not None:
        item["validFrom"], item["validThrough"] = (day.isoformat() for day in valid)
    return item
