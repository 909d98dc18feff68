"""Template tags of the visitor path: is the centre open today, and this week."""

from django import template
from wagtail.models import Site

from csti_cms.visit.opening import centre_now, load_calendar, status_from

register = template.Library()

#: Days the week table shows, today included.
WEEK_DAYS = 7


def _calendar(context):
    """The request's opening calendar from today, read once per request."""
    request = context.get("request")
    cached = getattr(request, "_csti_opening_calendar", None)
    if cached is None:
        now = centre_now()
        site = Site.find_for_request(request) if request is not None else None
        cached = (now, load_calendar(site, now.date()))
        if request is not None:
            request._csti_opening_calendar = cached
    return cached


@register.simple_tag(takes_context=True)
def opening_status(context):
    """Today's :class:`~csti_cms.visit.opening.OpeningStatus`, or ``None`` without hours."""
    now, calendar = _calendar(context)
    return status_from(calendar, now)


@register.simple_tag(takes_context=True)
def opening_week(context):
    """The opening hours of the next seven days, today first."""
    now, calendar = _calendar(context)
    return calendar.days(now.date(), WEEK_DAYS) if calendar.is_configured else []
