"""The ICS answers: the agenda (with the page's filters) and single events."""

from datetime import UTC

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Site

from . import ics, recurrence
from .filters import AgendaFilterForm
from .listing import agenda_occurrences, attach, categories_for
from .models import AddedDate, EventPage, ExcludedDate, OccurrenceChange

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


#: What a calendar reads of an event page (:func:`.ics.event_components`, and
#: :func:`.listing.attach` for its place) and what its address is made of. The rest (the
#: body, the image, prices, registration...) stays in the database: a feed of a thousand
#: events spent a quarter of its time building whole pages it never read.
CALENDAR_FIELDS = (
    "title",
    "introduction",
    "translation_key",
    "last_published_at",
    "feed_state",  # its SEQUENCE
    "url_path",
    # When
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "recurrence",
    "status",
    # Where
    "attendance_mode",
    "online_url",
    "venue",
    "place_name",
    "street_address",
    "postal_code",
    "locality",
    "country",
    "latitude",
    "longitude",
)


def schedule_rows():
    """Prefetches of the rows of a schedule (:attr:`.models.EventPage.schedule`), with the
    fields it reads.

    Each with a queryset of its own: without one, Django builds a filtered queryset per
    page and relation to hold the rows, a third of the time a feed's pages took to load.
    """
    return [
        Prefetch("added_dates", queryset=AddedDate.objects.only("page", "date", "start_time")),
        Prefetch("excluded_dates", queryset=ExcludedDate.objects.only("page", "date")),
        Prefetch(
            "occurrence_changes",
            queryset=OccurrenceChange.objects.only(
                "page", "original_date", "status", "new_date", "new_start_time", "new_end_time"
            ),
        ),
    ]


def export_pages(pages, language, limit=FEED_EVENT_LIMIT):
    """Event pages with what an export needs, loaded in a fixed number of queries."""
    pages = list(
        pages.only(*CALENDAR_FIELDS)
        .select_related("venue", "feed_state")
        .prefetch_related(*schedule_rows())
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
