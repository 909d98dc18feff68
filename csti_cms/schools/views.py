"""The teacher path's views: the filtered activity list, an activity, its booking form.

They are routes of the pages and render with the page's own context, so header,
language switcher and breadcrumbs work as on any page. The list costs the same
queries for five activities or a hundred (tests/schools/test_query_bounds.py).
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.images import get_image_model
from wagtail.models import Site

from csti_cms.blocks.media import available_downloads
from csti_cms.core.caching import cached
from csti_cms.core.collation import alphabetical
from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import localize_objects, prefer_language
from csti_cms.core.navigation import linkable_parent
from csti_cms.core.renditions import CARD_IMAGE
from csti_cms.core.spoken_languages import SPOKEN_LANGUAGES
from csti_cms.enquiries.receipts import redirect_to_receipt, render_sent_page
from csti_cms.enquiries.services import submit

from .days_open import days_open_to_groups
from .forms import ActivityFilterForm, BookingRequestForm
from .models import (
    SchoolActivityPage,
    SchoolLevel,
    Subject,
    level_sort_key,
    summarise_levels,
)

PAGE_SIZE = 24
#: Fields the list never shows: left out of its query.
HEAVY_FIELDS = ("body", "curriculum_links", "resources")


def listed_activities(request, index):
    """The live, public activities of a listing, in the editors' order."""
    activities = SchoolActivityPage.objects.child_of(index).live().public().order_by("path")
    return public_pages(activities, request)


def filter_options(activities, language):
    """The levels, subjects and languages some activity of the list uses, in ``language``."""
    used = {code for codes in activities.values_list("languages", flat=True) for code in codes}
    return {
        "levels": sorted(used_objects(SchoolLevel, activities, language), key=level_sort_key),
        "subjects": sorted(
            used_objects(Subject, activities, language), key=lambda s: alphabetical(s.name)
        ),
        "languages": [code for code, _name in SPOKEN_LANGUAGES if code in used],
    }


def used_objects(model, activities, language):
    """Objects of ``model`` linked to ``activities``, once each, in ``language`` if translated.

    One query: every language version of the used objects, keeping the one in
    ``language``, else the default language's (usually the one activities link to)
    rather than whichever version comes first in alphabetical order.
    """
    used_keys = model.objects.filter(activities__in=activities.values("pk")).values(
        "translation_key"
    )
    versions = model.objects.filter(translation_key__in=used_keys).select_related("locale")
    return prefer_language(versions, language)


def attach_levels(activities, language):
    """Give each activity its ``level_list`` and ``level_summary`` in ``language``.

    One query for all the activities' levels (prefetched), one for their translations.
    """
    levels = {level.pk: level for a in activities for level in a.levels.all()}
    localized = dict(zip(levels, localize_objects(levels.values(), language), strict=True))
    for activity in activities:
        activity.level_list = sorted(
            (localized[level.pk] for level in activity.levels.all()), key=level_sort_key
        )
        activity.level_summary = summarise_levels(activity.level_list)


def activity_listing(request, index):
    language = index.locale.language_code
    activities = listed_activities(request, index)
    site = Site.find_for_request(request)
    options = cached(
        f"school-filter-options:{site.pk if site else ''}:{index.pk}",
        lambda: filter_options(activities, language),
    )
    form = ActivityFilterForm(request.GET, **options)
    filters = form.values()
    images = get_image_model().objects.prefetch_renditions(*CARD_IMAGE)
    chosen = (
        filters.apply(activities)
        .defer(*HEAVY_FIELDS)
        .prefetch_related(Prefetch("image", queryset=images), "levels")
    )
    paginator = Paginator(chosen, PAGE_SIZE)
    page_of_activities = paginator.get_page(request.GET.get("page"))
    items = list(page_of_activities.object_list)
    attach_levels(items, language)
    return index.render(
        request,
        template="csti_schools/school_activity_index_page.html",
        context_overrides={
            "filter_form": form,
            "filters": filters,
            "activities": items,
            "page_of_activities": page_of_activities,
            "paginator": paginator,
        },
    )


def activity_context(request, activity):
    """What an activity page shows besides its fields: levels and subjects in its language,
    the days a class can come."""
    language = activity.locale.language_code
    subjects = localize_objects(activity.subjects.all(), language)
    attach_levels([activity], language)
    days_open = days_open_to_groups(Site.find_for_request(request), timezone.localdate())
    return {
        "days_label": activity.days_label(days_open),
        "subject_list": sorted(subjects, key=lambda subject: alphabetical(subject.name)),
        "listing": linkable_parent(request, activity),
        "teacher_resources": available_downloads(block.value for block in activity.resources),
        "booking_url": activity.get_url(request) + activity.reverse_subpage("book"),
    }


def booking_form(request, activity):
    """The booking request form: stored first, then the team is notified."""
    if request.method == "POST":
        form = BookingRequestForm(request.POST, activity=activity, request=request)
        if form.is_valid():
            booking = submit(form, request)
            sent_url = activity.get_url(request) + activity.reverse_subpage("booking_sent")
            return redirect_to_receipt(request, booking, sent_url)
    else:
        form = BookingRequestForm(activity=activity, request=request)
    response = activity.render(
        request,
        template="csti_schools/booking_form.html",
        context_overrides={"form": form},
    )
    # The form carries a CSRF token and the visitor's answers: never cached.
    add_never_cache_headers(response)
    return response


def booking_sent(request, activity):
    """The thank-you page, with what the teacher asked for when they are the one who sent it."""
    return render_sent_page(request, activity, "csti_schools/booking_sent.html", BookingRequestForm)
