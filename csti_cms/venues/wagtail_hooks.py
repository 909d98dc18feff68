"""Venue hire in the admin: quote requests to follow up and export."""

from django.utils.translation import gettext_lazy as _
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
        "organisation",
        "event_type",
        "event_date",
        "guests",
        "status",
        "created_at",
        EnquiryViewSet.notified_column(),
    ]
    list_filter = [*EnquiryViewSet.list_filter, "event_date", "event_type", "layout"]
    search_fields = ["organisation", "contact_name", "email", "message"]
    prefetch_related = ("spaces",)
    list_export = [
        *EXPORT_FIRST,
        "organisation",
        "event_type",
        "event_date",
        "end_date",
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
                "guests",
                "layout",
                "spaces",
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
