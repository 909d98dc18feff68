"""Template helpers of the agenda: dates said the way people say them, in their language."""

from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

register = template.Library()


def _day(moment):
    """The day, with its year only when it is not this year's."""
    this_year = moment.year == timezone.localdate().year
    return date_format(moment, "l j F" if this_year else "l j F Y")


@register.simple_tag
def when(occurrence, with_day=True):
    """ "Wednesday 26 November, 14:00–15:30", "10–12 October", "from 10 October 19:00 to..."."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    if occurrence.all_day:
        last = (end - timedelta(microseconds=1)).date()
        if last == start.date():
            return _day(start) if with_day else _("All day")
        return _("%(first)s to %(last)s") % {"first": _day(start), "last": _day(last)}
    if end.date() == start.date() or end - start <= timedelta(hours=12) and end.hour < 6:
        hours = f"{time_format(start, 'H:i')}–{time_format(end, 'H:i')}"
        return f"{_day(start)}, {hours}" if with_day else hours
    return _("%(first)s, %(start)s to %(last)s, %(end)s") % {
        "first": _day(start),
        "start": time_format(start, "H:i"),
        "last": _day(end),
        "end": time_format(end, "H:i"),
    }


@register.filter
def local_iso(moment):
    """The ``datetime`` attribute of a ``<time>`` element: ISO 8601 with the local offset."""
    return timezone.localtime(moment).isoformat()
