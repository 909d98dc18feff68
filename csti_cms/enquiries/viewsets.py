"""The admin listing of requests: filter by status, follow them up, export them.

Each kind of request (booking, quote) registers a subclass of
:class:`EnquiryViewSet` naming its model, the columns it lists and exports. The
base gives every kind the same behaviour:

- newest first, filtered by status, notification outcome, site and date received;
- CSV and XLSX export of what the filters select (Wagtail's ``list_export``), with
  cells that spreadsheets would run as formulas made inert;
- nobody adds a request in the admin (they come from visitors), and what the
  visitor sent is shown read-only: editors change the status and their notes.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

#: Characters that make spreadsheet programs read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: Columns every export starts with.
EXPORT_FIRST = ["pk", "created_at", "status", "site", "language"]
#: And ends with.
EXPORT_LAST = ["contact_name", "email", "phone", "notified", "notification_error"]


def inert(value):
    """A CSV cell value that spreadsheet programs show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Requests come from visitors only: "add" is refused to everyone, superusers included."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"add"})

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add"})


class EnquiryIndexView(IndexView):
    #: Relations joined for the listing and the export (viewsets add their own).
    select_related = ("site",)
    prefetch_related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(*self.select_related)
        return queryset.prefetch_related(*self.prefetch_related)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return inert(value) if export_format == self.FORMAT_CSV else value


def visitor_panel(fields, heading):
    """Fields the visitor filled in, shown to editors but not editable."""
    return MultiFieldPanel([FieldPanel(name, read_only=True) for name in fields], heading=heading)


def follow_up_panels():
    """What editors change on a request: its status and their notes."""
    return [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("internal_notes")], heading=_("Follow-up")
        ),
        MultiFieldPanel(
            [
                FieldPanel("created_at", read_only=True),
                FieldPanel("site", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("notified", read_only=True),
                FieldPanel("notification_error", read_only=True),
            ],
            heading=_("Received"),
        ),
    ]


class EnquiryViewSet(ModelViewSet):
    """Base viewset; subclasses set ``model``, ``icon``, ``list_display`` and ``list_export``."""

    index_view_class = EnquiryIndexView
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-created_at"]
    list_filter = ["status", "notified", "site", "created_at"]
    list_per_page = 50
    export_headings = {"pk": _("Reference")}
    select_related = ("site",)
    prefetch_related = ()

    def on_register(self):
        register_permission_policy(self.model, EnquiryPermissionPolicy(self.model))
        super().on_register()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related=self.select_related, prefetch_related=self.prefetch_related, **kwargs
        )

    @staticmethod
    def notified_column():
        return BooleanColumn("notified", label=_("Team notified"))
