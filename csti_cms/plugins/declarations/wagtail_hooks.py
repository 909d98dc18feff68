"""Endorsements in the admin (moderation, CSV export), their erasure and the declarations demo.

Declarations themselves are pages, edited in the page tree.
"""

from collections import OrderedDict

import django_filters
from django.db import IntegrityError, transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from csti_cms.plugins import (
    CENTRE_RECORDS,
    ERASE_PERSONAL_DATA,
    SiteScopedViewSetMixin,
    SpreadsheetSafeExportMixin,
    pages_of_site,
    prefer_language,
)

from .forms import MODERATION_ACTIONS, ModerationForm
from .models import DeclarationPage, Endorsement, EndorsementLogEntry, EndorsementStatus
from .panels import ErasureDatePanel
from .retention import erase_old_endorsements


def declaration_choices():
    """Each declaration once (all its languages share endorsements), by the editor's language."""
    pages = DeclarationPage.objects.select_related("locale").order_by("date")
    pages = pages.only("title", "translation_key", "date", "locale__language_code")
    return [(str(page.translation_key), page.title) for page in prefer_language(pages)]


def sites_of_declarations():
    """``{declaration page id: its site}``, for those who see every centre's endorsements:
    one query per site, asked of superusers alone."""
    found = {}
    for site in Site.objects.order_by("pk"):
        pages = pages_of_site(site, DeclarationPage.objects.all())
        for pk in pages.values_list("pk", flat=True):
            found.setdefault(pk, site)
    return found


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

    site = django_filters.ChoiceFilter(label=_("Site"), method="filter_site")

    class Meta:
        model = Endorsement
        fields = ["site", "declaration", "status", "confirmed"]

    def __init__(self, *args, sites=(), **kwargs):
        """``sites``: ``(site id, name)`` of the centres whose endorsements are listed."""
        super().__init__(*args, **kwargs)
        # A centre's team sees its own centre's endorsements only: one site, nothing to filter.
        if len(sites) > 1:
            self.filters["site"].extra["choices"] = sites
        else:
            del self.filters["site"]
        # Only the declarations of the endorsements listed: the listing shows a centre's team
        # its own centre's (SiteScopedViewSetMixin), and so must the filter. Each declaration
        # once, by the database: not every endorsement's key read on each view.
        keys = self.queryset.order_by().values_list("declaration_key", flat=True).distinct()
        listed = {str(key) for key in keys}
        self.filters["declaration"].extra["choices"] = [
            (key, title) for key, title in declaration_choices() if key in listed
        ]

    def filter_site(self, queryset, name, value):
        site = Site.objects.filter(pk=value).first()
        return queryset.filter(declaration__in=pages_of_site(site)) if site else queryset.none()


class EndorsementIndexView(SpreadsheetSafeExportMixin, IndexView):
    """The listing, exported as CSV (the only spreadsheet format without extra packages).

    Both read as the editor reads the admin (``SpreadsheetSafeExportMixin.as_shown``): the
    declaration in the editor's language where it is translated, so that one declaration
    has one name in a spreadsheet, labels, Yes or No, local times. When several centres'
    endorsements are listed (to superusers, who see every centre's), each row names its site.
    """

    FORMATS = (IndexView.FORMAT_CSV,)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("declaration")

    @cached_property
    def site_of_declaration(self):
        return sites_of_declarations()

    @cached_property
    def listed_sites(self):
        """The sites of the endorsements this user may see, in the order of their ids.

        Each declaration once: the listing's order (by time sent) would make every
        endorsement a distinct row, read in full on each view of the listing.
        """
        endorsements = self.get_base_queryset().order_by()
        ids = endorsements.values_list("declaration_id", flat=True).distinct()
        sites = {self.site_of_declaration.get(pk) for pk in ids} - {None}
        return sorted(sites, key=lambda site: site.pk)

    def site_of(self, endorsement):
        return self.site_of_declaration.get(endorsement.declaration_id)

    @property
    def several_sites(self):
        """Whether the rows say whose they are: for superusers, who see every centre's
        endorsements, when more than one centre's are listed."""
        return self.request.user.is_superuser and len(self.listed_sites) > 1

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if self.several_sites:
            self.list_export = ["site", *self.list_export]

    @cached_property
    def columns(self):
        """Yes or No in the editor's language where Wagtail's icons say "True" or "False" to
        screen readers, in English; the site of each row when several centres' are listed."""
        columns = [
            Column(
                "is_confirmed",
                label=_("Confirmed"),
                accessor=lambda endorsement: self.as_shown(
                    "is_confirmed", endorsement.is_confirmed, None
                ),
            )
            if column.name == "is_confirmed"
            else column
            for column in super().columns
        ]
        if self.several_sites:
            site = Column(
                "site",
                label=_("Site"),
                accessor=lambda endorsement: self.as_shown("site", self.site_of(endorsement), None),
            )
            columns.insert(1, site)
        return columns

    def get_filterset_kwargs(self):
        sites = [(site.pk, self.as_shown("site", site, None)) for site in self.listed_sites]
        return {**super().get_filterset_kwargs(), "sites": sites}

    def to_row_dict(self, item):
        """The row, with its site, which an endorsement has through its declaration's tree."""
        return OrderedDict(
            (field, self.site_of(item) if field == "site" else multigetattr(item, field))
            for field in self.list_export
        )

    @property
    def header_more_buttons(self):
        return [b for b in super().header_more_buttons if b.url != self.xlsx_export_url]


class EndorsementInspectView(InspectView):
    """Each field in the editor's words, language and time zone, as the listing writes it.

    Wagtail shows the stored value: "True", "None", a language code, a time in UTC.
    """

    @cached_property
    def listing(self):
        return EndorsementIndexView(model=self.model)

    def get_field_display_value(self, field_name, field):
        if field is None:
            return super().get_field_display_value(field_name, field)
        shown = self.listing.as_shown(field_name, getattr(self.object, field_name), None)
        return "—" if shown in (None, "") else shown


class ModerationEditView(EditView):
    """Two editors approving two requests of one organisation at the same moment both pass
    the form's check (``Endorsement.validate_constraints``); the database refuses the
    second save. That editor is told what they would have been told a moment later,
    not shown a server error."""

    def form_valid(self, form):
        try:
            with transaction.atomic():  # a savepoint: the request's transaction goes on
                return super().form_valid(form)
        except IntegrityError:
            if not form.instance.organisation_approved_already():
                raise
        form.add_error("organisation", form.instance.duplicate_approval_error())
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)


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
    inspect_view_class = EndorsementInspectView
    edit_view_class = ModerationEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    #: Keys that tell endorsements apart for the database, meaningless to editors.
    inspect_view_fields_exclude = ["id", "declaration_key", "organisation_key"]
    list_display = [
        "organisation",
        "declaration",
        "country",
        "is_confirmed",
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
    export_headings = {"site": _("Site")}
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


@hooks.register("register_log_actions")
def log_endorsements_apart(actions):
    """Endorsements log to a model of their own, and each moderation decision by its name."""
    actions.register_model(Endorsement, EndorsementLogEntry)
    decisions = {
        EndorsementStatus.APPROVED: (_("Approve"), _("Approved")),
        EndorsementStatus.REJECTED: (_("Reject"), _("Rejected")),
        EndorsementStatus.PENDING: (_("Send back to moderation"), _("Sent back to moderation")),
    }
    for status, (label, message) in decisions.items():
        actions.register_action(MODERATION_ACTIONS[status], label, message)


@hooks.register(ERASE_PERSONAL_DATA)
def erase_endorsers_details(before, dry_run):
    """Every site's endorsements, the plugin switched on there or not: the details must go."""
    return erase_old_endorsements(before, dry_run=dry_run)


@hooks.register(CENTRE_RECORDS)
def endorsements_of_declarations():
    """A leaving centre's endorsements go with its declarations, counted and with their
    history (``remove_centre``)."""
    return [(Endorsement, "declaration")]


@hooks.register("csti_demo_content")
def load_demo(loader):
    from .demo import load_demo

    load_demo(loader)
