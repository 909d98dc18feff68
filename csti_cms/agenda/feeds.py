"""The ICS answers: the agenda (with the page's filters) and single events."""

from datetime import UTC

from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from . import ics, recurrence
from .filters import AgendaFilterForm
from .listing import agenda_occurrences, attach, categories_for
from .models import EventPage

#: More events than any centre publishes at once; protects the feed from runaway data.
FEED_EVENT_LIMIT = 2000
CACHE_SECONDS = 300


def _host(request):
    site = Site.find_for_request(request)
    return site.hostname if site and site.hostname else request.get_host().split(":")[0]


def _response(body, filename, disposition="inline"):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def export_pages(pages, language, limit=FEED_EVENT_LIMIT):
    """Event pages with what an export needs, loaded in a fixed number of queries."""
    pages = list(
        pages.select_related("venue", "feed_state", "locale", "image")
        .prefetch_related("added_dates", "excluded_dates", "occurrence_changes")
        .defer("body")
        .order_by("start_date", "pk")[:limit]
    )
    attach(pages, language)
    return pages


def calendar_for(request, pages, name, description=""):
    """An iCalendar document of ``pages`` (loaded with :func:`export_pages`)."""
    zone = recurrence.site_zone()
    calendar = ics.new_calendar(name, zone, description)
    host = _host(request)
    dtstamp = timezone.now().astimezone(UTC)
    for page in pages:
        for component in ics.event_components(
            page,
            url=page.get_full_url(request),
            host=host,
            zone=zone,
            dtstamp=dtstamp,
            categories=page.category_list,
        ):
            calendar.add_component(component)
    return ics.finish(calendar)


def agenda_ics_response(request, agenda):
    language = agenda.locale.language_code
    filters = AgendaFilterForm(request.GET, categories=categories_for(agenda)).values()
    occurrences = filters.apply(agenda_occurrences(agenda))
    pages = export_pages(
        EventPage.objects.filter(pk__in=occurrences.order_by().values("page_id")), language
    )
    site = Site.find_for_request(request)
    name = f"{agenda.title} · {site.site_name}" if site and site.site_name else agenda.title
    body = calendar_for(request, pages, name, agenda.introduction)
    return _response(body, f"{agenda.slug}.ics")


def event_ics_response(request, page):
    pages = export_pages(EventPage.objects.filter(pk=page.pk), page.locale.language_code)
    body = calendar_for(request, pages, page.title)
    return _response(body, f"{page.slug}.ics", disposition="attachment")
