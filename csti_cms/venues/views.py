"""The venue-hire views: the comparison of spaces and the quote request form.

They are routes of :class:`~csti_cms.venues.models.VenueSpaceIndexPage` and render
with the page's own context. The comparison costs the same queries for five spaces
or a hundred (tests/venues/test_query_bounds.py).
"""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.utils.cache import add_never_cache_headers
from wagtail.images import get_image_model

from csti_cms.core.hooks import public_pages
from csti_cms.core.renditions import CARD_IMAGE
from csti_cms.enquiries.receipts import redirect_to_receipt, render_sent_page
from csti_cms.enquiries.services import submit

from .forms import QuoteRequestForm, SpaceFilterForm
from .models import Layout, VenueSpacePage

#: Fields the comparison never shows: left out of its query.
HEAVY_FIELDS = ("body", "gallery", "equipment_details", "catering_details", "accessibility")
#: More spaces than any centre has; a bound so the page stays a page.
MAX_SPACES = 200


def listed_spaces(request, listing):
    """The live, public spaces of a listing, in the editors' order."""
    spaces = VenueSpacePage.objects.child_of(listing).live().public().order_by("path")
    return public_pages(spaces, request)


def space_listing(request, listing):
    form = SpaceFilterForm(request.GET)
    filters = form.values()
    images = get_image_model().objects.prefetch_renditions(*CARD_IMAGE)
    spaces = list(
        filters.apply(listed_spaces(request, listing))
        .defer(*HEAVY_FIELDS)
        .prefetch_related(Prefetch("image", queryset=images))[:MAX_SPACES]
    )
    layouts = [Layout(filters.layout)] if filters.layout else list(Layout)
    # Cards give the guests of the chosen layout: a space's largest capacity
    # (often standing) would promise a banquet more seats than it has.
    rows = [
        {
            "space": space,
            "capacities": [space.capacity(layout) for layout in layouts],
            "guests": space.capacity(filters.layout) if filters.layout else space.max_capacity,
        }
        for space in spaces
    ]
    base_url = listing.get_url(request)
    shared = f"?{urlencode(filters.carried)}" if filters.active else ""
    return listing.render(
        request,
        template="csti_venues/venue_space_index_page.html",
        context_overrides={
            "filter_form": form,
            "filters": filters,
            "spaces": spaces,
            "layouts": layouts,
            "rows": rows,
            "quote_url": base_url + listing.reverse_subpage("quote") + shared,
            # Each space's page carries the filters on to its own quote link.
            "space_query": shared,
        },
    )


def quote_form(request, listing):
    """The quote request form: stored first, then the team is notified."""
    spaces = listed_spaces(request, listing)
    if request.method == "POST":
        form = QuoteRequestForm(request.POST, spaces=spaces, request=request)
        if form.is_valid():
            quote = submit(form, request)
            sent_url = listing.get_url(request) + listing.reverse_subpage("quote_sent")
            return redirect_to_receipt(request, quote, sent_url)
    else:
        chosen = request.GET.getlist("space")
        initial = {"spaces": [pk for pk in chosen if pk.isdigit()]}
        initial.update(SpaceFilterForm(request.GET).values().carried)
        form = QuoteRequestForm(spaces=spaces, request=request, initial=initial)
    response = listing.render(
        request,
        template="csti_venues/quote_form.html",
        context_overrides={"form": form},
    )
    # The form carries a CSRF token and the visitor's answers: never cached.
    add_never_cache_headers(response)
    return response


def quote_sent(request, listing):
    """The thank-you page, with what the organiser asked for when they are the one who sent it."""
    return render_sent_page(request, listing, "csti_venues/quote_sent.html", QuoteRequestForm)
