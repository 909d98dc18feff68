"""What an event page shows besides its fields: its dates, feeds and structured data."""

from itertools import groupby

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext

from csti_cms.core.models import BrandingSettings
from csti_cms.core.navigation import linkable_parent, localized_site_root
from csti_cms.core.renditions import SOCIAL_IMAGE, rendition_url
from csti_cms.core.seo import json_ld_text

from . import jsonld, recurrence
from .listing import attach, attach_edited_categories
from .models import EventStatus, Occurrence

#: Upcoming dates listed on an event page.
MAX_DATES = 12
#: Dates on each page of an event's list of all its upcoming dates: a weekly workshop's
#: year fits on one.
DATES_PER_PAGE = 50


def organizer(request):
    """The centre, as schema.org's ``organizer`` of its own events."""
    branding = BrandingSettings.for_request(request)
    home = localized_site_root(request)
    result = {"@type": "Organization", "name": branding.centre_name}
    if home is not None:
        result["url"] = home.get_full_url(request)
    return result


def image_url(request, image):
    url = rendition_url(image, SOCIAL_IMAGE)
    return request.build_absolute_uri(url) if url else None


def is_preview(request, page):
    """Whether ``page`` is shown as the editor is writing it rather than as published.

    Wagtail's previews (of the edit form, a draft, a revision) mark the request; a page
    never saved has no stored dates at all.
    """
    return getattr(request, "is_preview", False) or page.pk is None


def stored_dates(page, now):
    """``(upcoming dates, how many more, last date or None)`` from the dates materialised on
    publish."""
    ahead = page.occurrences.filter(end__gt=now)
    upcoming = list(ahead.order_by("start")[: MAX_DATES + 1])
    more = ahead.count() - MAX_DATES if len(upcoming) > MAX_DATES else 0
    last = None if upcoming else page.occurrences.order_by("-start").first()
    return upcoming[:MAX_DATES], more, last


def previewed_dates(page, now):
    """``(upcoming dates, how many more, last date or None)`` computed from ``page`` as it
    stands.

    The stored dates are those of the last publication (none before the first): a
    preview must show the dates publishing this version would give, so they are
    expanded here exactly as publishing expands them, into unsaved rows.
    """
    expanded = recurrence.occurrences(page.schedule) if page.start_date else []
    dates = [
        Occurrence(
            page=page,
            original_start=occurrence.original_start,
            start=occurrence.start,
            end=occurrence.end,
            all_day=occurrence.all_day,
            status=occurrence.status,
        )
        for occurrence in expanded
    ]
    upcoming = [occurrence for occurrence in dates if occurrence.end > now]
    last = None if upcoming or not dates else max(dates, key=lambda occurrence: occurrence.start)
    return upcoming[:MAX_DATES], max(len(upcoming) - MAX_DATES, 0), last


def event_context(request, page):
    now = timezone.now()
    preview = is_preview(request, page)
    upcoming, more_dates, last = (previewed_dates if preview else stored_dates)(page, now)
    attach([page], page.locale.language_code)
    if preview:
        attach_edited_categories(page, page.locale.language_code)
    url = page.get_full_url(request)
    # A postponed event keeps its planned date for search engines, marked postponed.
    postponed = [last] if last and page.status == EventStatus.POSTPONED else []
    objects = jsonld.event_objects(
        page,
        upcoming or postponed,
        url=url,
        image_url=image_url(request, page.image),
        organizer=organizer(request),
    )
    agenda = linkable_parent(request, page)
    return {
        "upcoming_dates": upcoming,
        # Registration is for a date that takes place: not one cancelled, not one past.
        "takes_registrations": any(o.status != EventStatus.CANCELLED for o in upcoming),
        "more_dates": more_dates,
        "last_date": last,
        "jsonld": json_ld_text(objects) if objects else "",
        "ics_url": ics_url(request, page),
        "dates_url": page.get_url(request) + page.reverse_subpage("dates"),
        "agenda": agenda,
    }


def ics_url(request, page):
    """The absolute address of ``page``'s calendar file, which calendar programs fetch."""
    return request.build_absolute_uri(page.get_url(request) + page.reverse_subpage("ics"))


def all_dates_context(request, page):
    """One page of ``page``'s upcoming dates, grouped by month, from those stored on publish.

    Two queries, however long the series: the count, then the page's dates. A page number
    that is no number shows the first page, one past the end the last.
    """
    ahead = page.occurrences.filter(end__gt=timezone.now()).order_by("start", "pk")
    page_of_dates = Paginator(ahead, DATES_PER_PAGE).get_page(request.GET.get("page"))
    return {
        "page_of_dates": page_of_dates,
        "months": months_of(page_of_dates),
        "ics_url": ics_url(request, page),
    }


def months_of(occurrences):
    """``[(first day of the month, [its dates])]`` for dates in order, by their local day."""
    return [
        (month, list(dates))
        for month, dates in groupby(
            occurrences, key=lambda occurrence: occurrence.local_day.replace(day=1)
        )
    ]


def all_dates_description(page):
    """What search results and shared links say of the list of ``page``'s dates."""
    return gettext("All the upcoming dates of %(title)s, month by month, with their times.") % {
        "title": page.title
    }
