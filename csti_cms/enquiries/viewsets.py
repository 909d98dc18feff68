"""The admin listing of requests: filter by status, follow them up, export them.

Each kind of request (booking, quote) registers a subclass of
:class:`EnquiryViewSet` naming its model, the columns it lists and exports. The
base gives every kind the same behaviour:

- newest first, filtered by status, notification outcome, date received and whether
  the day asked for is still ahead;
- each centre's team sees only its own site's requests, in the listing, the export
  and every view of one request, as on the plugins' screens of one centre's data
  (:class:`~csti_cms.core.site_scope.SiteScopedViewSetMixin`); superusers see every
  site's, with a site column and filter;
- CSV and XLSX export of what the filters select (Wagtail's ``list_export``), with
  cells that spreadsheets would run as formulas made inert, codes, yes/no and sites
  written as the admin shows them, and times in the admin's time zone
  (:class:`~csti_cms.core.exports.SpreadsheetSafeExportMixin`);
- nobody adds a request in the admin (they come from visitors), and what the
  visitor sent is shown read-only: editors change the status and their notes.
"""

from zoneinfo import ZoneInfo

import django_filters
from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from csti_cms.core.exports import SpreadsheetSafeExportMixin
from csti_cms.core.site_scope import SiteScopedViewSetMixin

from . import teams
from .concurrency import FollowUpForm
from .display import (
    ReadOnlyFieldPanel,
    ReplyLinkPanel,
    language_name,
    reply_link,
    site_name,
    text_for_team,
    value_for_team,
    yes_no,
)
from .models import search_terms

#: Columns every export starts with.
EXPORT_FIRST = ["reference", "created_at", "status", "site", "language"]
#: And ends with.
EXPORT_LAST = ["contact_name", "email", "phone", "notified", "notification_error"]

#: The history's action for a change of status, which records the status before and after.
STATUS_CHANGE = "csti_enquiries.change_status"


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Requests come from visitors only: "add" is refused to everyone, superusers included."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - {"add"})

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add"})


def visitor_languages():
    """The languages visitors write in, named in the admin's language."""
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


def asks_for_a_day_ahead(model):
    """The requests of ``model`` asking for some day from today on, where the centre is
    (the admin shows times in each user's own zone); ``None`` when they ask for no day.

    A booking whose visit day went by unanswered no longer waits for the team.
    """
    today = timezone.localdate(timezone=ZoneInfo(settings.TIME_ZONE))
    ahead = None
    for name in model.days_asked_for:
        day_ahead = Q(**{f"{name}__gte": today})
        ahead = day_ahead if ahead is None else ahead | day_ahead
    return ahead


class EnquiryFilterSet(WagtailFilterSet):
    """The listing's filters: the visitor's language is picked by name ("Dutch"), not typed
    as its code, so whoever answers in Dutch lists the Dutch requests in one click; the
    requests asking for a day still ahead are told from those whose days have all gone by."""

    language = django_filters.ChoiceFilter(
        label=_("language"),
        choices=visitor_languages,
        widget=forms.RadioSelect,
        empty_label=pgettext_lazy("requests in every language", "All"),
    )
    date = django_filters.ChoiceFilter(
        label=_("Date asked for"),
        choices=[
            ("upcoming", pgettext_lazy("date asked for", "Upcoming")),
            ("past", pgettext_lazy("date asked for", "Past")),
        ],
        widget=forms.RadioSelect,
        empty_label=pgettext_lazy("requests of every date", "All"),
        method="filter_date",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self._meta.model.days_asked_for:
            del self.filters["date"]

    def filter_date(self, queryset, name, value):
        ahead = asks_for_a_day_ahead(queryset.model)
        if value == "upcoming":
            return queryset.filter(ahead)
        return queryset.exclude(ahead) if value == "past" else queryset


class EnquiryIndexView(SpreadsheetSafeExportMixin, IndexView):
    """The listing and its export, which :class:`EnquiryViewSet` limits to the user's site."""

    base_filterset_class = EnquiryFilterSet
    #: Relations joined for the listing and the export (viewsets add their own).
    select_related = ("site",)
    prefetch_related = ()

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related(*self.select_related)
        return queryset.prefetch_related(*self.prefetch_related)

    @cached_property
    def columns(self):
        """Superusers see every site's requests, so each row says which site it came from."""
        columns = super().columns
        if teams.sees_every_site(self.request.user):
            column = self._get_custom_column("site")
            column.accessor = lambda enquiry: site_name(enquiry.site)
            columns.insert(1, column)
        return columns

    def search_queryset(self, queryset):
        """A reference read out on the phone or copied from an e-mail ("B-12") finds its
        request; otherwise every word typed must be in the request's search text, which
        ignores case and accents ("ecole" finds "École"), and a phone number is compared
        by its digits (:func:`~.models.search_terms`)."""
        if not self.is_searching:
            return queryset
        pk = self.model.pk_of_reference(self.search_query)
        if pk is not None:
            return queryset.filter(pk=pk)
        words = Q()
        for term in search_terms(self.search_query):
            words &= Q(search_text__contains=term)
        return queryset.filter(words)

    def get_page_subtitle(self):
        """A team member's listing names their site, so they know it is not the whole install."""
        if teams.sees_every_site(self.request.user):
            return super().get_page_subtitle()
        site = teams.team_site(self.request)
        return site_name(site) if site else super().get_page_subtitle()


class EnquiryInspectView(InspectView):
    """Every field in words, as on the edit view (:func:`.display.value_for_team`)."""

    def get_field_display_value(self, field_name, field):
        if field_name == "email":
            return reply_link(self.object)
        if field is not None:
            shown = value_for_team(field, getattr(self.object, field_name))
            if shown is not None:
                return shown
        return text_for_team(field, super().get_field_display_value(field_name, field))


class EnquiryEditView(EditView):
    """Saves the team's follow-up; a change of status is logged with the status before and
    after, where Wagtail's history would only say "Edited".

    Two team members may have the same request open: a save from a form opened before
    the other's change is refused (:mod:`.concurrency`), the row locked from the check to
    the save so that two saves at the same instant cannot both pass it.
    """

    def form_valid(self, form):
        with transaction.atomic():
            stored = self.stored_row_locked()
            if not form.refuse_if_stale(stored):
                form.keep_what_it_does_not_edit(stored)
                return super().form_valid(form)
        self.produced_error_message = self.get_error_message()
        return self.form_invalid(form)

    def stored_row_locked(self):
        """The request as stored now, locked until the transaction ends (PostgreSQL; SQLite
        lets one writer at a time in any case)."""
        return self.model._default_manager.select_for_update().get(pk=self.object.pk)

    def save_instance(self):
        changed = set(self.form.changed_data)
        previous = self.form.initial.get("status")
        with transaction.atomic():
            self.action_class(
                self.form.instance,
                user=self.request.user,
                form=self.form,
                # Only the status changed: its own entry says all there is to say.
                log_action=False if changed == {"status"} else "wagtail.edit",
            ).execute(skip_permission_checks=True)
            if "status" in changed:
                log(
                    self.form.instance,
                    STATUS_CHANGE,
                    user=self.request.user,
                    data={"previous_status": previous, "status": self.form.instance.status},
                )
        return self.form.instance


def visitor_panel(fields, heading):
    """Fields the visitor filled in, shown to editors but not editable; the e-mail address
    is a link that starts the answer."""
    panels = [
        ReplyLinkPanel(name) if name == "email" else ReadOnlyFieldPanel(name) for name in fields
    ]
    return MultiFieldPanel(panels, heading=heading)


def follow_up_panels():
    """What editors change on a request: its status and their notes."""
    return [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("internal_notes")], heading=_("Follow-up")
        ),
        MultiFieldPanel(
            [
                ReadOnlyFieldPanel("created_at"),
                ReadOnlyFieldPanel("site"),
                ReadOnlyFieldPanel("language"),
                ReadOnlyFieldPanel("notified"),
                ReadOnlyFieldPanel("notification_error"),
                ReadOnlyFieldPanel("personal_data_erased_at"),
            ],
            heading=_("Received"),
        ),
    ]


class EnquiryViewSet(SiteScopedViewSetMixin, ModelViewSet):
    """Base viewset; subclasses set ``model``, ``icon``, ``list_display`` and ``list_export``.

    Each request belongs to the site whose form it was sent from; a request whose site
    was deleted belongs to none, so only those who see every site find it.
    """

    site_field = "site"
    index_view_class = EnquiryIndexView
    inspect_view_class = EnquiryInspectView
    edit_view_class = EnquiryEditView
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    #: Marks that tell a request sent twice (see .repeats) mean nothing to the team.
    inspect_view_fields_exclude = [
        "id",
        "submission_token",
        "submission_fingerprint",
        "search_text",  # what the search reads, the visitor's words folded
    ]
    ordering = ["-created_at"]
    list_filter = ["status", "notified", "language", "site", "created_at"]
    list_per_page = 50
    export_headings = {"reference": _("Reference")}
    select_related = ("site",)
    prefetch_related = ()

    def get_edit_handler(self):
        """The viewset's panels on a form that carries what the editor loaded."""
        return ObjectList(self.panels, base_form_class=FollowUpForm).bind_to_model(self.model)

    def on_register(self):
        register_permission_policy(self.model, EnquiryPermissionPolicy(self.model))
        super().on_register()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            select_related=self.select_related, prefetch_related=self.prefetch_related, **kwargs
        )

    @staticmethod
    def notified_column():
        """Yes or No in the admin's language, where Wagtail's icon column says True or False."""
        return Column(
            "notified",
            label=_("Team notified"),
            accessor=lambda enquiry: yes_no(enquiry.notified),
        )

    @staticmethod
    def language_column():
        """The visitor's language by name, the one to answer in, where Wagtail shows its code."""
        return Column(
            "language",
            label=_("Language"),
            accessor=lambda enquiry: language_name(enquiry.language),
        )
