"""Visitors' requests in Wagtail's audit log and in the dashboard's launch checklist."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from csti_cms.core.launch_checklist import LAUNCH_CHECKLIST, settings_gap
from csti_cms.core.models import ContactSettings

from .models import (
    EmailAddressesField,
    Enquiry,
    EnquiryNotificationSettings,
    RequestLogEntry,
    email_addresses,
)


@hooks.register("register_log_actions")
def log_requests_apart(actions):
    """Every kind of request (booking, quote) logs to :class:`RequestLogEntry`."""
    actions.register_model(Enquiry, RequestLogEntry)


@hooks.register(LAUNCH_CHECKLIST)
def requests_reach_a_team(site):
    """A request no team is told of waits in the admin until someone happens to look."""
    notifications = EnquiryNotificationSettings.for_site(site)
    lists = [
        field.value_from_object(notifications)
        for field in EnquiryNotificationSettings._meta.fields
        if isinstance(field, EmailAddressesField)
    ]
    if any(email_addresses(value) for value in lists) or ContactSettings.for_site(site).email:
        return []
    message = _(
        "Booking and quote requests reach nobody by e-mail: no team address and no contact "
        "address is set. They stay listed in the admin."
    )
    return [settings_gap(EnquiryNotificationSettings, site, message)]
