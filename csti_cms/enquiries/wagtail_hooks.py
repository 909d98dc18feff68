"""Visitors' requests in Wagtail's audit log."""

from wagtail import hooks

from .models import Enquiry, RequestLogEntry


@hooks.register("register_log_actions")
def log_requests_apart(actions):
    """Every kind of request (booking, quote) logs to :class:`RequestLogEntry`."""
    actions.register_model(Enquiry, RequestLogEntry)
