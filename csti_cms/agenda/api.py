"""The agenda as JSON: events with their dates, for apps, partners and federation.

Documented for its readers in ``docs/agenda-json.md``; keep the two in step.
"""

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from datetime import UTC, datetime

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.http import JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.models import Page

from csti_cms.core.dates import FIRST_DAY, LAST_DAY

from .filters import AgendaFilterForm
from .listing import (
    agenda_events,
    agenda_occurrences,
    attach,
    categories_for,
    restricted_paths,
)
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
    filters = AgendaFilterForm(request.GET, categories=categories_for(agenda)).values()
    updated_since = _updated_since(request.GET.get("updated_since"))
    page_size = _whole_number(
        "page_size", request.GET.get("page_size"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
    )
    number = _whole_number("page", request.GET.get("page"), 1)
    base = agenda_occurrences(agenda)
    # Dates listed: those not over yet, or those in the range asked for, in both modes.
    dates = filters.apply(base)
    if updated_since is None:
        if "cursor" in request.GET:
            raise BadRequest("cursor goes with updated_since; list pages with page")
        return _offset_page(
            request, agenda, _upcoming_events(agenda, filters), dates, page_size, number
        )
    if number != 1:
        raise BadRequest("with updated_since, follow the next link instead of asking for a page")
    # Incremental readers get every event changed since, whatever its dates.
    changed = EventPage.objects.filter(
        pk__in=filters.apply(base, dates=False).order_by().values("page_id"),
        feed_state__updated_at__gt=updated_since,
    )
    return _keyset_page(request, agenda, changed, dates, page_size)


def _upcoming_events(agenda, filters):
    """Ids of the agenda's events with a date in the period, by their next one (a queryset).

    Each event's next date is one look-up in the index on (page, start), and only the ids
    are ordered: a page of them is taken before any event is loaded with its details, so
    a big agenda's first page no longer joins and sorts every event it holds. The filters
    on events narrow the events, the period their dates (asked of each date, the filters
    on events would cost a join per date).
    """
    ahead = filters.apply_dates(Occurrence.objects.all()).filter(page_id=OuterRef("pk"))
    return (
        filters.narrow_events(agenda_events(agenda))
        .filter(Exists(ahead))
        .annotate(next_start=Subquery(ahead.order_by("start").values("start")[:1]))
        .order_by("next_start", "pk")
        .values_list("pk", flat=True)
    )


def _in_order(events, ids):
    """``events`` loaded, in the order of ``ids`` (one that vanished meanwhile is left out)."""
    by_id = {event.pk: event for event in events}
    return [by_id[pk] for pk in ids if pk in by_id]


def _with_details(events, dates):
    """What an event's JSON needs, for a page of events in a fixed number of queries."""
    return (
        events.select_related("venue", "locale", "image", "feed_state")
        .defer("body")
        .prefetch_related(
            Prefetch(
                "occurrences",
                queryset=dates.order_by("start")[:MAX_OCCURRENCES],
                to_attr="matching_occurrences",
            ),
        )
    )


def _offset_page(request, agenda, event_ids, dates, page_size, number):
    """A numbered page of the upcoming events: their order is their next date."""
    paginator = Paginator(event_ids, page_size)
    try:
        page_of_events = paginator.page(number)
    except EmptyPage:
        raise BadRequest(f"there is no page {number}") from None

    def link(page_number):
        query = request.GET.copy()
        query["page"] = page_number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    ids = list(page_of_events.object_list)
    events = _in_order(_with_details(EventPage.objects.filter(pk__in=ids), dates), ids)
    return _answer(
        request,
        agenda,
        events,
        count=paginator.count,
        number=page_of_events.number,
        pages=paginator.num_pages,
        next_link=link(page_of_events.next_page_number()) if page_of_events.has_next() else None,
        previous_link=(
            link(page_of_events.previous_page_number()) if page_of_events.has_previous() else None
        ),
    )


def _keyset_page(request, agenda, changed, dates, page_size):
    """The events changed after the ``cursor`` (or from the start), oldest change first.

    Paging by position would lose an event for good: one republished while a reader
    pages moves to the end, and every later event moves back one place, past the
    reader's next page. A cursor names the last event read by its change time and id,
    so the next page starts right after it; a republished event comes again at the end.
    """
    after, number = _cursor(request.GET.get("cursor"))
    following = changed
    if after is not None:
        updated_at, pk = after
        following = changed.filter(
            Q(feed_state__updated_at__gt=updated_at)
            | Q(feed_state__updated_at=updated_at, pk__gt=pk)
        )
    events = list(
        _with_details(following, dates).order_by("feed_state__updated_at", "pk")[: page_size + 1]
    )
    more, events = len(events) > page_size, events[:page_size]
    count = changed.count()
    next_link = None
    if more:
        last = events[-1]
        query = request.GET.copy()
        query.pop("page", None)
        query["cursor"] = _new_cursor(last.feed_state.updated_at, last.pk, number + 1)
        next_link = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return _answer(
        request,
        agenda,
        events,
        count=count,
        number=number,
        pages=max(1, -(-count // page_size)),
        next_link=next_link,
        previous_link=None,
    )


def _new_cursor(updated_at, pk, number):
    """An opaque cursor: the last event's change time and id, and the next page's number."""
    data = json.dumps([_utc(updated_at), pk, number]).encode()
    return urlsafe_b64encode(data).decode().rstrip("=")


def _cursor(raw):
    """``((change time, id) or None, page number)`` from a cursor made by :func:`_new_cursor`."""
    if not raw:
        return None, 1
    try:
        padded = raw + "=" * (-len(raw) % 4)
        moment, pk, number = json.loads(urlsafe_b64decode(padded.encode()))
        updated_at = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        if timezone.is_naive(updated_at) or not all(
            type(value) is int and value >= 1 for value in (pk, number)
        ):
            raise ValueError
    except (ValueError, TypeError, AttributeError):
        raise BadRequest("cursor is not valid: follow the next link as it is given") from None
    return (updated_at, pk), number


def _answer(request, agenda, events, *, count, number, pages, next_link, previous_link):
    """The JSON document of one page of ``events`` (loaded with :func:`_with_details`)."""
    attach(events, agenda.locale.language_code)
    translations = _translations(request, events, agenda)
    return {
        "version": VERSION,
        "generated": _utc(timezone.now()),
        "language": agenda.locale.language_code,
        "time_zone": timezone.get_current_timezone_name(),
        "count": count,
        "page": number,
        "pages": pages,
        "next": next_link,
        "previous": previous_link,
        "results": [
            _event(request, event, translations.get(event.translation_key, {})) for event in events
        ],
    }


def _translations(request, pages, agenda):
    """Other public language versions of the events, in one query.

    A version restricted to some visitors (a password, a group) is left out: its title
    and address would tell partners what the centre keeps private.
    """
    found = {}
    private = Q()
    for path in restricted_paths(agenda.path[: agenda.steplen]):
        private |= Q(path__startswith=path)
    versions = (
        Page.objects.filter(translation_key__in=[page.translation_key for page in pages])
        .live()
        .exclude(private)
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
        "updated": _utc(page.feed_state.updated_at),
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
