"""Endorsements in the admin (moderation, CSV export), their erasure and the declarations demo.

Declarations themselves are pages, edited in the page tree.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from csti_cms.plugins import (
    ERASE_PERSONAL_DATA,
    SiteScopedViewSetMixin,
    SpreadsheetSafeExportMixin,
    prefer_language,
)

from .forms import ModerationForm
from .models import DeclarationPage, Endorsement, EndorsementStatus
from .panels import ErasureDatePanel
from .retention import erase_old_endorsements


def declaration_choices():
    """Each declaration once (all its languages share endorsements), by the editor's language."""
    pages = DeclarationPage.objects.select_related("locale").order_by("date")
    pages = pages.only("title", "translation_key", "date", "locale__language_code")
    return [(str(page.translation_key), page.title) for page in prefer_language(pages)]


class EndorsementFilterSet(WagtailFilterSet):
    declaration = django_filters.ChoiceFilter(
        field_name="declaration_key", label=_("Declaration"), choices=declaration_choices
    )
    status = django_filters.ChoiceFilter(label=_("Moderation"), choices=EndorsementStatus.choices)
    confirmed = django_filters.BooleanFilter(
        field_name="confirmed_at",
        lookup_expr="isnull",
        exclude=True,
        label=_("Confirmed by e-mail"),
    )

    class Meta:
        model = Endorsement
        fields = ["declaration", "status", "confirmed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the declarations of the endorsements listed: the listing shows a centre's team
        # its own centre's (SiteScopedViewSetMixin), and so must the filter.
        listed = {str(key) for key in self.queryset.values_list("declaration_key", flat=True)}
        self.filters["declaration"].extra["choices"] = [
            (key, title) for key, title in declaration_choices() if key in listed
        ]


class EndorsementIndexView(SpreadsheetSafeExportMixin, IndexView):
    """The listing, exported as CSV (the only spreadsheet format without extra packages)."""

    FORMATS = (IndexView.FORMAT_CSV,)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("declaration")

    @property
    def header_more_buttons(self):
        return [b for b in super().header_more_buttons if b.url != self.xlsx_export_url]


class EndorsementPermissionPolicy(ModelPermissionPolicy):
    """Endorsements come from the public form: editors moderate, export and delete them."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Endorsement, EndorsementPermissionPolicy(Endorsement))


class EndorsementViewSet(SiteScopedViewSetMixin, ModelViewSet):
    """Endorsements hold their contacts' names and e-mails, for the declaration's centre only.

    An endorsement belongs to the site whose page trees hold its declaration page.
    """

    model = Endorsement
    site_page_field = "declaration"
    icon = "tick-inverse"
    menu_label = _("Endorsements")
    add_to_admin_menu = True
    menu_order = 310
    index_view_class = EndorsementIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "organisation",
        "declaration",
        "country",
        BooleanColumn("is_confirmed", label=_("Confirmed")),
        "status",
        DateColumn("submitted_at", label=_("Submitted")),
    ]
    filterset_class = EndorsementFilterSet
    search_fields = ["organisation", "country", "contact_name", "email"]
    ordering = ["-submitted_at"]
    list_export = [
        "declaration",
        "organisation",
        "country",
        "website",
        "contact_name",
        "email",
        "language",
        "status",
        "submitted_at",
        "confirmed_at",
        "moderated_at",
    ]
    export_filename = "endorsements"
    edit_handler = ObjectList(
        [
            FieldPanel("status"),
            FieldRowPanel([FieldPanel("organisation"), FieldPanel("country")]),
            FieldPanel("website"),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("email")]),
            ErasureDatePanel("personal_data_erased_at"),
        ],
        base_form_class=ModerationForm,
    )


@hooks.register("register_admin_viewset")
def register_endorsement_viewset():
    return EndorsementViewSet("endorsements")


@hooks.register(ERASE_PERSONAL_DATA)
def erase_endorsers_details(before, dry_run):
    """Every site's endorsements, the plugin switched on there or not: the details must go."""
    return erase_old_endorsements(before, dry_run=dry_run)


@hooks.register("csti_demo_content")
def load_demo(loader):
    from .demo import load_demo

    load_demo(loader)
