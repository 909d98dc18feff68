"""Opening hours and pages the visitor-path tests build, and what their listings show."""

from datetime import date, time

from wagtail.models import Site

from csti_cms.visit.models import Closure, OpeningHours, SeasonalPeriod

#: Tuesday to Friday 9:30 to 17:00, weekends 10:00 to 18:00, closed on Mondays.
REGULAR = {
    **{f"{day}_opens": time(9, 30) for day in ("tuesday", "wednesday", "thursday", "friday")},
    **{f"{day}_closes": time(17) for day in ("tuesday", "wednesday", "thursday", "friday")},
    "saturday_opens": time(10),
    "saturday_closes": time(18),
    "sunday_opens": time(10),
    "sunday_closes": time(18),
}
#: Spring holidays 2026: every day 10:00 to 18:00.
SPRING_HOLIDAYS = {
    "start_date": date(2026, 4, 6),
    "end_date": date(2026, 4, 19),
    **{
        f"{day}_{edge}": value
        for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        for edge, value in (("opens", time(10)), ("closes", time(18)))
    },
}


def replace_opening_hours(site=None, periods=(), closures=()):
    """Give ``site`` (default: the demo site) known opening hours, replacing the demo's."""
    site = site or Site.objects.get(is_default_site=True)
    OpeningHours.objects.filter(site=site).delete()
    hours = OpeningHours(site=site, **REGULAR)
    hours.seasonal_periods = [SeasonalPeriod(**period) for period in periods]
    hours.closures = [Closure(**closure) for closure in closures]
    hours.save()
    return hours


def listed(html):
    """The titles of the exhibitions on a listing page, in order."""
    grid = html.split('class="card-grid"')[1].split("</ul>")[0] if "card-grid" in html else ""
    return [part.split(">", 2)[2].split("<")[0] for part in grid.split('class="card__title"')[1:]]
