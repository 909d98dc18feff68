"""The agenda as JSON: events with their dates, for apps, partners and federation.

Documented for its readers in ``docs/agenda-json.md``; keep the two in step.
"""

from datetime import UTC, datetime

from django.core.paginator import EmptyPage, Paginator
from django.db.models import OuterRef, Prefetch, Subquery
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Page

from .filters import FIRST_DAY, LAST_DAY, AgendaFilterForm
from .listing import agenda_occurrences, attach, categories_for
from .models import EventPage, Occurrence
from .presentation import image_url

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
#: Dates listed per event; a reader wanting more filters on a date range.
MAX_OCCURRENCES = 100
VERSION = 1


class BadRequest(ValueError):
    pass


def _utc(moment):
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _local(moment):
    return timezone.localtime(moment).isoformat()


def _updated_since(raw):
    """The moment an incremental reader last read, as an aware datetime (None when not asked).

    Only the agenda's years are accepted: beyond them the database's conversion to UTC
    overflows, and a reader's typo deserves a 400, not a 500.
    """
    if not raw:
        return None
    moment = _moment(raw)
    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise BadRequest(f"updated_since must be between {FIRST_DAY} and {LAST_DAY}")
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _moment(raw):
    """``updated_since`` as a datetime, midnight for a bare date.

    Django's parsers return None for what is not ISO 8601 but raise ValueError for a
    well-formed, impossible value ("2024-02-30", "T25:00"): both are the reader's typo.
    """
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = day and datetime(day.year, day.month, day.day)
    except ValueError:
        raise BadRequest("updated_since is not a valid date or time") from None
    if moment is None:
        raise BadRequest("updated_since is not an ISO 8601 date or time")
    return moment


def _whole_number(name, raw, default, maximum=None):
    """The query parameter ``name`` as a whole number from 1 (up to ``maximum``).

    A value out of range is refused rather than quietly bent into it, as documented: a
    reader asking for 1,000 events at once should learn that it gets at most 100.
    Only plain digits count (no sign, no spaces, no ``1_000``).
    """
    if raw in (None, ""):
        return default
    try:
        value = int(raw) if raw.isascii() and raw.isdigit() else 0
    except ValueError:  # more digits than Python converts
        value = 0
    if value < 1 or (maximum is not None and value > maximum):
        allowed = f"from 1 to {maximum}" if maximum is not None else "of 1 or more"
        raise BadRequest(f"{name} must be a whole number {allowed}")
    return value


def events_json_response(request, agenda):
    try:
        data = events_json(request, agenda)
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=300"
    return response


def events_json(request, agenda):
    language = agenda.locale.language_code
    filters = AgendaFilterForm(request.GET, categories=categories_for(agenda)).values()
    updated_since = _updated_since(request.GET.get("updated_since"))
    page_size = _whole_number(
        "page_size", request.GET.get("page_size"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
    )
    number = _whole_number("page", request.GET.get("page"), 1)

    base = agenda_occurrences(agenda)
    if updated_since is None:
        matching = filters.apply(base)
        events = (
            EventPage.objects.filter(pk__in=matching.order_by().values("page_id"))
            .annotate(
                next_start=Subquery(
                    matching.filter(page_id=OuterRef("pk")).order_by("start").values("start")[:1]
                )
            )
            .order_by("next_start", "pk")
        )
    else:
        # Incremental readers get every event changed since, whatever its dates.
        matching = filters.apply(base, dates=False)
        events = EventPage.objects.filter(
            pk__in=matching.order_by().values("page_id"), last_published_at__gt=updated_since
        ).order_by("last_published_at", "pk")
    events = (
        events.select_related("venue", "locale", "image")
        .defer("body")
        .prefetch_related(
            Prefetch(
                "occurrences",
                queryset=matching.order_by("start")[:MAX_OCCURRENCES],
                to_attr="matching_occurrences",
            ),
        )
    )
    paginator = Paginator(events, page_size)
    try:
        page_of_events = paginator.page(number)
    except EmptyPage:
        raise BadRequest(f"there is no page {number}") from None
    pages = list(page_of_events.object_list)
    attach(pages, language)
    translations = _translations(request, pages, agenda)
    results = [_event(request, page, translations.get(page.translation_key, {})) for page in pages]

    def link(page_number):
        query = request.GET.copy()
        query["page"] = page_number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "version": VERSION,
        "generated": _utc(timezone.now()),
        "language": language,
        "time_zone": timezone.get_current_timezone_name(),
        "count": paginator.count,
        "page": page_of_events.number,
        "pages": paginator.num_pages,
        "next": link(page_of_events.next_page_number()) if page_of_events.has_next() else None,
        "previous": (
            link(page_of_events.previous_page_number()) if page_of_events.has_previous() else None
        ),
        "results": results,
    }


def _translations(request, pages, agenda):
    """Other language versions of the events, in one query."""
    found = {}
    versions = (
        Page.objects.filter(translation_key__in=[page.translation_key for page in pages])
        .live()
        .exclude(locale_id=agenda.locale_id)
        .select_related("locale")
        .only(
            "id", "title", "url_path", "path", "depth", "translation_key", "locale__language_code"
        )
    )
    for version in versions:
        found.setdefault(version.translation_key, {})[version.locale.language_code] = {
            "title": version.title,
            "url": version.get_full_url(request),
        }
    return found


def _occurrence(occurrence):
    return {
        "start": _utc(occurrence.start),
        "end": _utc(occurrence.end),
        "start_local": _local(occurrence.start),
        "end_local": _local(occurrence.end),
        "all_day": occurrence.all_day,
        "status": occurrence.status,
        "recurrence_id": _utc(occurrence.original_start),
    }


def _event(request, page, translations):
    place = page.location
    location = None
    if place is not None:
        location = {
            "name": place.name,
            "street_address": place.street_address,
            "postal_code": place.postal_code,
            "locality": place.locality,
            "country": place.country,
            "latitude": float(place.latitude) if place.latitude is not None else None,
            "longitude": float(place.longitude) if place.longitude is not None else None,
        }
    occurrences: list[Occurrence] = page.matching_occurrences
    return {
        "id": str(page.translation_key),
        "page_id": page.pk,
        "url": page.get_full_url(request),
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page.introduction,
        "updated": _utc(page.last_published_at) if page.last_published_at else None,
        "status": page.status,
        "attendance_mode": page.attendance_mode,
        "online_url": page.online_url or None,
        "location": location,
        "audiences": [str(audience.value) for audience in page.audiences],
        "categories": [
            {"id": str(category.translation_key), "slug": category.slug, "name": category.name}
            for category in page.category_list
        ],
        "age_min": page.age_min,
        "age_max": page.age_max,
        "free": page.is_free,
        "price": f"{page.price:.2f}" if page.price is not None else None,
        "price_currency": "EUR",
        "price_details": page.price_details,
        "registration": {
            "url": page.registration_url or None,
            "email": page.registration_email or None,
            "phone": page.registration_phone or None,
        },
        "languages": list(page.spoken_languages or []),
        "wheelchair_accessible": page.wheelchair_accessible,
        "accessibility": page.accessibility,
        "image": image_url(request, page.image),
        "image_alt": page.image_alt_text if page.image_id else None,
        "translations": translations,
        "occurrences": [_occurrence(occurrence) for occurrence in occurrences],
    }
