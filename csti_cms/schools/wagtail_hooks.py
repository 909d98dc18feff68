"""The teacher path in the admin: booking requests to follow up, levels and subjects."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from csti_cms.enquiries.viewsets import (
    EXPORT_FIRST,
    EXPORT_LAST,
    EnquiryViewSet,
    follow_up_panels,
    visitor_panel,
)

from .models import BookingRequest, SchoolLevel, Subject


class BookingRequestViewSet(EnquiryViewSet):
    model = BookingRequest
    icon = "calendar-check"
    menu_label = _("Booking requests")
    menu_order = 210
    name = "booking_requests"
    list_display = [
        "reference",
        "school_name",
        "activity_title",
        "preferred_date",
        "pupils",
        "status",
        EnquiryViewSet.language_column(),
        "created_at",
        EnquiryViewSet.notified_column(),
    ]
    list_filter = [*EnquiryViewSet.list_filter, "preferred_date", "activity_language"]
    # The fields BookingRequest.searchable_fields names and the phone, folded (see
    # EnquiryIndexView.search_queryset).
    search_fields = ["search_text"]
    select_related = ("site", "level")
    list_export = [
        *EXPORT_FIRST,
        "activity_title",
        "preferred_date",
        "alternative_date",
        "school_name",
        "school_postal_code",
        "school_locality",
        "level",
        "pupils",
        "adults",
        "activity_language",
        "needs",
        *EXPORT_LAST,
        "internal_notes",
    ]
    export_filename = "booking-requests"
    panels = [
        *follow_up_panels(),
        visitor_panel(
            [
                "activity_title",
                "preferred_date",
                "alternative_date",
                "level",
                "pupils",
                "adults",
                "activity_language",
                "needs",
            ],
            _("Request"),
        ),
        visitor_panel(
            [
                "school_name",
                "school_postal_code",
                "school_locality",
                "contact_name",
                "email",
                "phone",
            ],
            _("School and contact"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_booking_requests():
    return BookingRequestViewSet()


class SchoolLevelViewSet(SnippetViewSet):
    model = SchoolLevel
    icon = "list-ol"
    list_display = ["name", "system", "age_min", "age_max"]
    list_filter = ["system"]
    search_fields = ["name"]
    ordering = ["system", "sort_order"]


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "tag"
    list_display = ["name"]
    search_fields = ["name"]


class SchoolsViewSetGroup(SnippetViewSetGroup):
    items = (SchoolLevelViewSet, SubjectViewSet)
    menu_icon = "group"
    menu_label = _("Levels and subjects")
    menu_name = "school-taxonomy"
    menu_order = 220


register_snippet(SchoolsViewSetGroup)
