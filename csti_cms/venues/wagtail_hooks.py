"""Venue hire in the admin: quote requests to follow up and export."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from csti_cms.enquiries.viewsets import (
    EXPORT_FIRST,
    EXPORT_LAST,
    EnquiryViewSet,
    follow_up_panels,
    visitor_panel,
)

from .models import QuoteRequest


class QuoteRequestViewSet(EnquiryViewSet):
    model = QuoteRequest
    icon = "clipboard-list"
    menu_label = _("Quote requests")
    menu_order = 230
    name = "quote_requests"
    list_display = [
        "reference",
        "organisation",
        "event_type",
        "event_date",
        "guests",
        "status",
        EnquiryViewSet.language_column(),
        "created_at",
        EnquiryViewSet.notified_column(),
    ]
    list_filter = [*EnquiryViewSet.list_filter, "event_date", "event_type", "layout"]
    # The fields QuoteRequest.searchable_fields names and the phone, folded (see
    # EnquiryIndexView.search_queryset).
    search_fields = ["search_text"]
    # The spaces are read from the names kept on the request (``requested_spaces``), which a
    # deleted space page leaves as they were; the links to the pages are not shown.
    inspect_view_fields_exclude = [*EnquiryViewSet.inspect_view_fields_exclude, "spaces"]
    list_export = [
        *EXPORT_FIRST,
        "organisation",
        "event_type",
        "event_date",
        "end_date",
        "start_time",
        "end_time",
        "guests",
        "layout",
        "space_names",
        "catering_names",
        "budget",
        "message",
        *EXPORT_LAST,
        "internal_notes",
    ]
    export_headings = {
        **EnquiryViewSet.export_headings,
        "space_names": _("Spaces"),
        "catering_names": _("Catering"),
    }
    export_filename = "quote-requests"
    panels = [
        *follow_up_panels(),
        visitor_panel(
            [
                "event_type",
                "event_date",
                "end_date",
                "start_time",
                "end_time",
                "guests",
                "layout",
                "requested_spaces",
                "catering",
                "budget",
                "message",
            ],
            _("Request"),
        ),
        visitor_panel(["organisation", "contact_name", "email", "phone"], _("Organisation")),
    ]


@hooks.register("register_admin_viewset")
def register_quote_requests():
    return QuoteRequestViewSet()


@hooks.register("before_delete_page")
def warn_of_quote_requests(request, page):
    """Tell the editor about to delete a space (or the listing holding spaces) that quote
    requests ask for it, and that they keep its name.

    Wagtail's usage count knows nothing of quote requests, so it says "0 times". Only a
    count is given: the requests name organisations, and they may be another team's.
    """
    if request.method != "GET":
        return
    asked = QuoteRequest.objects.filter(spaces__path__startswith=page.path).distinct().count()
    if asked:
        messages.warning(
            request,
            ngettext(
                "%(count)d quote request asks for this space. It keeps the space's name: "
                "deleting the page does not change the request.",
                "%(count)d quote requests ask for this space. They keep the space's name: "
                "deleting the page does not change the requests.",
                asked,
            )
            % {"count": asked},
        )
