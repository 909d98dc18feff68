"""Visitors' requests in Wagtail's audit log and on the dashboard: the requests waiting
for the team, and the launch checklist."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from csti_cms.core.launch_checklist import LAUNCH_CHECKLIST, settings_gap
from csti_cms.core.site_scope import SCOPED_MODELS

from .models import Enquiry, EnquiryNotificationSettings, EnquiryStatus, RequestLogEntry
from .services import enquiry_models, recipients_for
from .viewsets import STATUS_CHANGE, asks_for_a_day_ahead


class StatusChange(LogFormatter):
    """A change of status in a request's history, named in the reader's language."""

    label = gettext_lazy("Change status")

    def format_message(self, log_entry):
        statuses = dict(EnquiryStatus.choices)
        before, after = log_entry.data.get("previous_status"), log_entry.data.get("status")
        return _("Changed the status from “%(before)s” to “%(after)s”") % {
            "before": statuses.get(before, before),
            "after": statuses.get(after, after),
        }


@hooks.register("register_log_actions")
def log_requests_apart(actions):
    """Every kind of request (booking, quote) logs to :class:`RequestLogEntry`; a change of
    status says from which to which."""
    actions.register_model(Enquiry, RequestLogEntry)
    actions.register_action(STATUS_CHANGE)(StatusChange)


@dataclass(frozen=True)
class WaitingRequests:
    """The new requests of one kind, as the dashboard lists them: ``(text, url)`` lines."""

    kind: str
    lines: list


def waiting_requests(viewset, request):
    """What waits for the team among the requests of ``viewset`` the user sees, or ``None``.

    One query: the new requests, and those of them the team was not told of by e-mail
    (they may know of them only from here). A request whose every day asked for has gone
    by waits for nobody: a visit two years past is not work to do. When some new request
    is such, each count opens the listing filtered on the days ahead, showing what it
    counts.
    """
    new = Q(status=EnquiryStatus.NEW)
    ahead = asks_for_a_day_ahead(viewset.model)
    waiting = new if ahead is None else new & ahead
    counts = viewset.visible_to(request, viewset.model.objects.all()).aggregate(
        new=Count("pk", filter=new),
        waiting=Count("pk", filter=waiting),
        untold=Count("pk", filter=waiting & Q(notified=False)),
    )
    listing = reverse(viewset.get_url_name("index"))
    by_date = {"date": "upcoming"} if counts["waiting"] != counts["new"] else {}
    lines = []
    if counts["waiting"]:
        text = ngettext("%(count)s new request", "%(count)s new requests", counts["waiting"])
        query = urlencode({"status": "new", **by_date})
        lines.append((text % {"count": counts["waiting"]}, f"{listing}?{query}"))
    if counts["untold"]:
        text = ngettext(
            "%(count)s new request the team was not e-mailed about",
            "%(count)s new requests the team was not e-mailed about",
            counts["untold"],
        )
        query = urlencode({"status": "new", "notified": "false", **by_date})
        lines.append((text % {"count": counts["untold"]}, f"{listing}?{query}"))
    kind = capfirst(viewset.model._meta.verbose_name_plural)
    return WaitingRequests(kind, lines) if lines else None


class WaitingRequestsPanel(Component):
    """The dashboard's count of new requests, per kind the user may open, on the sites the
    listings show them (a team member's own); absent when none waits."""

    name = "waiting_requests"
    template_name = "csti_enquiries/admin/waiting_requests.html"
    order = 40

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        viewsets = [SCOPED_MODELS[model] for model in enquiry_models() if model in SCOPED_MODELS]
        readable = [
            viewset
            for viewset in viewsets
            if viewset.permission_policy.user_has_any_permission(
                request.user, ["view", "change", "delete"]
            )
        ]
        kinds = [waiting_requests(viewset, request) for viewset in readable]
        return {"kinds": [kind for kind in kinds if kind]}


@hooks.register("construct_homepage_panels")
def add_waiting_requests(request, panels):
    panels.append(WaitingRequestsPanel())


@hooks.register(LAUNCH_CHECKLIST)
def requests_reach_a_team(site):
    """A request no team is told of waits in the admin until someone happens to look.

    Each kind of request is asked where it would go (its team's list, else the common one,
    else the contact address), as a request of that kind would be.
    """
    kinds = [
        model._meta.verbose_name_plural
        for model in apps.get_models()
        if issubclass(model, Enquiry) and not recipients_for(model(site=site))
    ]
    if not kinds:
        return []
    # Translators: joins the last two kinds of request in a list ("booking requests and
    # quote requests").
    names = get_text_list([str(kind) for kind in kinds], pgettext("list of things", "and"))
    message = _(
        "%(kinds)s reach nobody by e-mail: no address of their team and no contact address "
        "is set. They stay listed in the admin."
    ) % {"kinds": capfirst(names)}
    return [settings_gap(EnquiryNotificationSettings, site, message)]
