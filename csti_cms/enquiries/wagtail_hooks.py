"""Visitors' requests in Wagtail's audit log and in the dashboard's launch checklist."""

from django.apps import apps
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail import hooks

from csti_cms.core.launch_checklist import LAUNCH_CHECKLIST, settings_gap

from .models import Enquiry, EnquiryNotificationSettings, RequestLogEntry
from .services import recipients_for


@hooks.register("register_log_actions")
def log_requests_apart(actions):
    """Every kind of request (booking, quote) logs to :class:`RequestLogEntry`."""
    actions.register_model(Enquiry, RequestLogEntry)


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
