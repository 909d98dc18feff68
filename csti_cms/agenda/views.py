"""The agenda page's views: upcoming dates, the month calendar and the archive.

They are routes of :class:`~csti_cms.agenda.models.AgendaPage` and render with the
page's own context, so the header, language switcher and breadcrumbs work as on
any page. Each answers with a fixed number of queries (tests/agenda/test_query_bounds.py).
"""

import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Page

from csti_cms.core.dates import DAY_MONTH, FIRST_DAY, LAST_DAY, day_date

from .filters import AgendaFilterForm
from .listing import (
    agenda_events,
    agenda_occurrences,
    attach,
    categories_for,
    map_points,
    with_pages,
)
from .map_tiles import tile_server_host
from .models import Occurrence

PAGE_SIZE = 20
#: The upcoming dates are counted up to this many (50 pages). Long series hold tens of
#: thousands: counting them all cost more than the rest of the page, and visitors narrow
#: such a list with the filters rather than page through it.
COUNT_LIMIT = 1000
#: A day cell of the calendar lists this many dates, then links to the full day.
DAY_CELL_LIMIT = 4
CALENDAR_ROW_LIMIT = 3000
#: What a calendar cell shows of a date: its time, status, and its event's title and link.
CALENDAR_CELL_FIELDS = ("start", "end", "all_day", "status", "page__title", "page__url_path")


class CountedUpTo(Paginator):
    """A paginator that counts its items no further than ``limit``: one bounded query, however
    many dates the agenda holds. Pages go up to the limit; ``is_capped`` says there are more.
    """

    def __init__(self, object_list, per_page, limit):
        super().__init__(object_list, per_page)
        self.limit = limit

    @cached_property
    def found(self):
        """How many items, one past the limit at most (values(): no joined columns)."""
        return self.object_list.values("pk")[: self.limit + 1].count()

    @property
    def is_capped(self):
        return self.found > self.limit

    @cached_property
    def count(self):
        return min(self.found, self.limit)


def _filters(request, agenda):
    form = AgendaFilterForm(request.GET, categories=categories_for(agenda))
    return form, form.values()


def _query(request, *, keep=(), drop=("page",)):
    """The current filters as a query string, for links that keep them."""
    items = [
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if value and key not in drop and (not keep or key in keep)
    ]
    return urlencode(items)


def feed_links(request, agenda, query=""):
    """Addresses of the agenda's feeds, carrying the visitor's filters."""
    base = agenda.get_url(request)
    suffix = f"?{query}" if query else ""
    ics = request.build_absolute_uri(f"{base}{agenda.reverse_subpage('feed')}{suffix}")
    return {
        "ics_url": ics,
        "webcal_url": "webcal://" + ics.split("://", 1)[1],
        "json_url": request.build_absolute_uri(
            f"{base}{agenda.reverse_subpage('events_json')}{suffix}"
        ),
    }


def _context(request, agenda, form, filters, **extra):
    query = _query(request)
    language = agenda.locale.language_code
    return {
        "filter_form": form,
        "filters": filters,
        "query": query,
        "language": language,
        "agenda_url": agenda.get_url(request),
        "calendar_url": agenda.get_url(request) + agenda.reverse_subpage("calendar"),
        "archive_url": agenda.get_url(request) + agenda.reverse_subpage("archive"),
        **feed_links(request, agenda, query),
        **extra,
    }


def upcoming(request, agenda):
    form, filters = _filters(request, agenda)
    language = agenda.locale.language_code
    occurrences = filters.apply(agenda_occurrences(agenda)).order_by("start", "page_id")
    paginator = CountedUpTo(with_pages(occurrences), PAGE_SIZE, COUNT_LIMIT)
    page_of_dates = paginator.get_page(request.GET.get("page"))
    items = list(page_of_dates.object_list)
    attach([occurrence.page for occurrence in items], language)
    agenda_url = agenda.get_url(request)
    # The site's address from its Wagtail site (cached on the request by get_url): it says
    # whether the map's tiles are the site's own, the same for every visitor.
    agenda_site_root = agenda.get_url_parts(request)[1]
    context = _context(
        request,
        agenda,
        form,
        filters,
        occurrences=items,
        page_of_dates=page_of_dates,
        paginator=paginator,
        map_points=agenda_map_points(agenda, filters, language, agenda_url),
        map_tile_url=settings.CSTI_MAP_TILE_URL,
        map_tiles_host=tile_server_host(settings.CSTI_MAP_TILE_URL, agenda_site_root),
        map_attribution=settings.CSTI_MAP_ATTRIBUTION,
    )
    return agenda.render(
        request, template="csti_agenda/agenda_page.html", context_overrides=context
    )


def agenda_map_points(agenda, filters, language, agenda_url):
    """The places the agenda's map marks, or none when the install draws no map.

    An operator who wants visitors' browsers to call no outside server leaves
    ``CSTI_MAP_TILE_URL`` empty: a map without tiles would be a grey box of markers.
    """
    if not settings.CSTI_MAP_TILE_URL:
        return []
    return [
        {**point, "events": [_map_event(event) for event in point["events"]]}
        for point in map_points(
            filters.narrow_events(agenda_events(agenda)),
            filters.apply_dates(Occurrence.objects.all()),
            language,
            agenda_url,
        )
    ]


def _map_event(event):
    """An event of the map as the page's script reads it: its next date written out."""
    shown = {key: value for key, value in event.items() if key != "start"}
    return {**shown, "when": day_date(timezone.localtime(event["start"]), DAY_MONTH)}


def archive(request, agenda):
    form, filters = _filters(request, agenda)
    language = agenda.locale.language_code
    now = timezone.now()
    occurrences = filters.apply(agenda_occurrences(agenda), dates=False).filter(end__lte=now)
    paginator = Paginator(with_pages(occurrences.order_by("-start", "page_id")), PAGE_SIZE)
    page_of_dates = paginator.get_page(request.GET.get("page"))
    items = list(page_of_dates.object_list)
    attach([occurrence.page for occurrence in items], language)
    context = _context(
        request,
        agenda,
        form,
        filters,
        occurrences=items,
        page_of_dates=page_of_dates,
        paginator=paginator,
    )
    return agenda.render(request, template="csti_agenda/archive.html", context_overrides=context)


def calendar_month(request, agenda, year=None, month=None):
    today = timezone.localdate()
    if year is None:
        year, month = today.year, today.month
    if not (1 <= month <= 12 and FIRST_DAY.year <= year <= LAST_DAY.year):
        raise Http404("No such month")
    form, filters = _filters(request, agenda)
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    zone = timezone.get_current_timezone()
    low = datetime.combine(weeks[0][0], time(), tzinfo=zone)
    high = datetime.combine(weeks[-1][-1] + timedelta(days=1), time(), tzinfo=zone)
    filtered = filters.apply(agenda_occurrences(agenda), dates=False)
    occurrences = filtered.filter(end__gt=low, start__lt=high).order_by("start", "page_id")
    # A dense month holds thousands of dates: read only what a cell shows.
    items = list(
        occurrences.select_related("page").only(*CALENDAR_CELL_FIELDS)[:CALENDAR_ROW_LIMIT]
    )
    by_day = defaultdict(list)
    for occurrence in items:
        for day in _days_covered(occurrence, weeks[0][0], weeks[-1][-1]):
            by_day[day].append(occurrence)
    query = _query(request)
    day_url = agenda.get_url(request)
    grid = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "is_today": day == today,
                "occurrences": by_day[day][:DAY_CELL_LIMIT],
                "more": max(0, len(by_day[day]) - DAY_CELL_LIMIT),
                "day_url": f"{day_url}?{urlencode({'start': day, 'end': day})}",
            }
            for day in week
        ]
        for week in weeks
    ]
    first_day = date(year, month, 1)
    previous_month = first_day - timedelta(days=1)
    next_month = (first_day + timedelta(days=31)).replace(day=1)
    earlier, later = _dates_around(agenda, filtered, _midnight(first_day), _midnight(next_month))
    context = _context(
        request,
        agenda,
        form,
        filters,
        month=first_day,
        weeks=grid,
        weekdays=weeks[0],
        has_dates=any(by_day[day] for week in weeks for day in week if day.month == month),
        previous_url=_month_url(request, agenda, previous_month, query) if earlier else None,
        next_url=_month_url(request, agenda, next_month, query) if later else None,
        this_month_url=agenda.get_url(request) + agenda.reverse_subpage("calendar"),
        is_this_month=(year, month) == (today.year, today.month),
    )
    return agenda.render(request, template="csti_agenda/calendar.html", context_overrides=context)


def _midnight(day):
    """The start of ``day`` in the site's time zone, as occurrences are compared."""
    return datetime.combine(day, time(), tzinfo=timezone.get_current_timezone())


def _dates_around(agenda, occurrences, month_start, month_end):
    """``(earlier, later)``: whether ``occurrences`` has a date starting before the month, and
    one ending after it.

    The calendar links to the previous and next months only then, so neither visitors nor
    crawlers page through centuries of empty months. One query, whatever the number of
    dates: two EXISTS, asked on the agenda's own row, which the indexes on start and end
    answer.
    """
    earlier = Exists(occurrences.filter(start__lt=month_start))
    later = Exists(occurrences.filter(end__gt=month_end))
    found = (
        Page.objects.filter(pk=agenda.pk)
        .annotate(earlier=earlier, later=later)
        .values_list("earlier", "later")
        .first()
    )
    return found or (False, False)


def _month_url(request, agenda, day, query):
    """The calendar of ``day``'s month; None beyond the agenda's years, which have no calendar."""
    if not FIRST_DAY <= day <= LAST_DAY:
        return None
    url = agenda.get_url(request) + agenda.reverse_subpage(
        "calendar_month", kwargs={"year": day.year, "month": day.month}
    )
    return f"{url}?{query}" if query else url


def _days_covered(occurrence, first, last):
    """The local days an occurrence covers, within the grid (a festival shows on each day)."""
    start = timezone.localtime(occurrence.start).date()
    end = timezone.localtime(occurrence.end - timedelta(microseconds=1)).date()
    day = max(start, first)
    while day <= min(end, last):
        yield day
        day += timedelta(days=1)
