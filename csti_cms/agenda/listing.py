"""Reading the agenda: occurrences of an agenda's events, with what lists show, in few queries.

Every list costs the same handful of queries whatever the number of events: one
for the occurrences with their pages, venues and images (joined), one for their
categories, one each to show categories and venues in the visitor's language.
"""

from collections import defaultdict

from django.db.models import F, OuterRef, Q, Subquery

from csti_cms.core.caching import cached
from csti_cms.core.collation import alphabetical
from csti_cms.core.i18n import localize_objects
from csti_cms.core.i18n import restricted_paths as every_restricted_path

from .models import (
    EventCategory,
    EventPage,
    EventStatus,
    Location,
    Occurrence,
    Venue,
)

#: Page fields lists never show: left out of the listing query.
HEAVY_FIELDS = ("page__body", "page__accessibility")


def agenda_occurrences(agenda):
    """Occurrences of the agenda's live, public events (in the agenda's language)."""
    occurrences = Occurrence.objects.filter(
        page__path__startswith=agenda.path, page__depth__gt=agenda.depth, page__live=True
    )
    hidden = Q()
    for path in restricted_paths(agenda.path[: agenda.steplen]):
        hidden |= Q(page__path__startswith=path)
    if hidden:
        occurrences = occurrences.exclude(hidden)
    return occurrences


def agenda_events(agenda):
    """The agenda's live, public event pages: those :func:`agenda_occurrences` are dates of."""
    events = EventPage.objects.filter(
        path__startswith=agenda.path, depth__gt=agenda.depth, live=True
    )
    for path in restricted_paths(agenda.path[: agenda.steplen]):
        events = events.exclude(path__startswith=path)
    return events


def restricted_paths(tree_path):
    """Paths of the pages under ``tree_path`` that restrict who may view them (and their
    subpages), from the install's list, which is cached until restrictions change."""
    return [path for path in every_restricted_path() if path.startswith(tree_path)]


def with_pages(occurrences):
    """Join what a list shows of each event: page, venue, image."""
    return occurrences.select_related("page", "page__venue", "page__image").defer(*HEAVY_FIELDS)


def attach(pages, language):
    """Give each page its ``location`` and ``category_list`` in ``language``.

    Pages must come with their venue joined; the same page may appear several
    times (one instance per listed date). Costs three queries for any number of
    pages: categories, and their and the venues' translations.
    """
    instances = defaultdict(list)
    for page in pages:
        instances[page.pk].append(page)
    if not instances:
        return
    links = list(
        EventPage.categories.through.objects.filter(eventpage_id__in=list(instances))
        .select_related("eventcategory")
        .order_by("pk")
    )
    categories = [link.eventcategory for link in links]
    by_page = defaultdict(dict)
    for link, category in zip(links, localize_objects(categories, language), strict=True):
        by_page[link.eventpage_id][category.translation_key] = category
    venues = {page.venue_id: page.venue for page in pages if page.venue_id}
    localized_venues = dict(zip(venues, localize_objects(venues.values(), language), strict=True))
    for pk, copies in instances.items():
        category_list = _by_name(by_page[pk].values())
        for page in copies:
            page.category_list = category_list
            if page.venue_id:
                venue = localized_venues[page.venue_id]
                page.location = Location.of(venue, venue.name)
            elif page.place_name:
                page.location = Location.of(page, page.place_name)
            else:
                page.location = None


def _by_name(categories):
    return sorted(categories, key=lambda category: alphabetical(category.name))


def attach_edited_categories(page, language):
    """Give ``page`` the categories it holds in memory as its ``category_list``.

    A preview builds the page from the edit form without saving it: its categories
    are those ticked in the form, which :func:`attach` (reading the saved ones) would
    replace with the last save's, or with none for a page never saved.
    """
    categories = list(page.categories.all())
    by_key = {
        category.translation_key: category for category in localize_objects(categories, language)
    }
    page.category_list = _by_name(by_key.values())


def categories_for(agenda):
    """The categories visitors can filter ``agenda`` on, in its language where translated.

    Only those of the agenda's own live events: categories are shared by every site of an
    install, and a centre's agenda must not offer another centre's (choosing one would
    only empty the list). Cached until an event is published or a category saved.
    """
    language = agenda.locale.language_code
    return cached(
        f"agenda-categories:{agenda.pk}:{language}", lambda: _used_categories(agenda, language)
    )


def _used_categories(agenda, language):
    used = EventCategory.objects.filter(
        events__path__startswith=agenda.path, events__depth__gt=agenda.depth, events__live=True
    ).values("translation_key")
    by_key = {}
    versions = EventCategory.objects.filter(translation_key__in=used).select_related("locale")
    for category in versions.order_by("pk"):
        current = by_key.get(category.translation_key)
        if current is None or category.locale.language_code == language:
            by_key[category.translation_key] = category
    return _by_name(by_key.values())


def map_points(events, dates, language, agenda_url, limit=300):
    """The places of ``events`` that have coordinates, each with its events, for the map.

    Each event shows its next date among ``dates`` that still takes place: a cancelled
    date on the map would send visitors to nothing, and an event whose every date ahead
    is cancelled is left off. Events at the same place (often the centre's own venue)
    share one marker, since markers drawn on the same point hide all but the top one
    from the mouse.

    ``events`` holds what narrows the event pages (the agenda, the filters on events),
    ``dates`` what narrows their dates (the period): each event's next date is then one
    look-up in the index on (page, start), where grouping the dates read every date
    ahead on each visit. Events without one sort last and are dropped here (filtering
    on the subquery would run it twice).

    Events are children of the agenda, so their addresses are the agenda's plus
    their slug: no page needs loading.
    """
    next_start = (
        dates.filter(page_id=OuterRef("pk"))
        .exclude(status=EventStatus.CANCELLED)
        .order_by("start")
        .values("start")[:1]
    )
    firsts = (
        events.filter(Q(venue__latitude__isnull=False) | Q(latitude__isnull=False))
        .annotate(next_start=Subquery(next_start))
        .order_by(F("next_start").asc(nulls_last=True), "pk")
        .values_list("pk", "next_start")[:limit]
    )
    starts = {pk: start for pk, start in firsts if start is not None}
    events = {
        row["pk"]: row
        for row in EventPage.objects.filter(pk__in=list(starts)).values(
            "pk",
            "title",
            "slug",
            "venue__translation_key",
            "venue__name",
            "venue__latitude",
            "venue__longitude",
            "place_name",
            "latitude",
            "longitude",
        )
    }
    venue_keys = {row["venue__translation_key"] for row in events.values()} - {None}
    venue_names = {
        venue.translation_key: venue.name
        for venue in Venue.objects.filter(
            translation_key__in=venue_keys, locale__language_code=language
        ).only("translation_key", "name")
    }
    points = {}
    for page_id, start in starts.items():
        row = events.get(page_id)
        if row is None:  # deleted since the first query
            continue
        venue_key = row["venue__translation_key"]
        if venue_key:
            place = venue_names.get(venue_key, row["venue__name"])
            lat, lon = row["venue__latitude"], row["venue__longitude"]
        else:
            place, lat, lon = row["place_name"], row["latitude"], row["longitude"]
        if lat is None or lon is None:
            continue
        point = points.setdefault(
            (float(lat), float(lon)), {"lat": float(lat), "lon": float(lon), "events": []}
        )
        point["events"].append(
            {
                "title": row["title"],
                "url": f"{agenda_url}{row['slug']}/",
                "start": start,
                "place": place,
            }
        )
    return list(points.values())
