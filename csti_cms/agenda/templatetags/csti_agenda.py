"""Template helpers of the agenda: dates said the way people say them, in their language."""

from datetime import timedelta

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from csti_cms.core.dates import (
    WEEKDAY_DATE,
    WEEKDAY_DAY_MONTH,
    day_date,
    time_of_day,
    time_range,
)

register = template.Library()


def _day(moment):
    """The day, with its year only when it is not this year's."""
    this_year = moment.year == timezone.localdate().year
    return day_date(moment, WEEKDAY_DAY_MONTH if this_year else WEEKDAY_DATE)


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
        hours = time_range(start, end)
        return f"{_day(start)}, {hours}" if with_day else hours
    return _("%(first)s, %(start)s to %(last)s, %(end)s") % {
        "first": _day(start),
        "start": time_of_day(start),
        "last": _day(end),
        "end": time_of_day(end),
    }


@register.simple_tag
def moved_from(occurrence):
    """What a moved date replaces, naming only what changed: "instead of 14:00" when the
    time alone moved (repeating the same day told nothing), else the day, and its time
    for a timed date."""
    planned = timezone.localtime(occurrence.original_start)
    if occurrence.all_day:
        return _("instead of %(date)s") % {"date": _day(planned)}
    at = time_of_day(planned)
    if planned.date() == timezone.localtime(occurrence.start).date():
        return _("instead of %(time)s") % {"time": at}
    return _("instead of %(date)s, %(time)s") % {"date": _day(planned), "time": at}


@register.filter
def local_iso(moment):
    """The ``datetime`` attribute of a ``<time>`` element: ISO 8601 with the local offset."""
    return timezone.localtime(moment).isoformat()


@register.filter
def datetime_attribute(occurrence):
    """The ``datetime`` attribute of the ``<time>`` around an occurrence's dates.

    All-day dates are days, not the instant of midnight: their first day (a range "8 to
    10 January" is no single instant); timed dates their start with the local offset.
    """
    if occurrence.all_day:
        return timezone.localtime(occurrence.start).date().isoformat()
    return local_iso(occurrence.start)


@register.filter
def money(amount):
    """A price in euros the way the visitor's language writes it: "5 €", "€5.50".

    Prices are typed as "5" and stored as 5.00: printed raw, a preview and its
    published page disagreed. Cents show only when there are some, and the euro sign
    goes where the language puts it (the translations of "€%(price)s").
    """
    if amount is None or amount == "":
        return ""
    return _("€%(price)s") % {"price": floatformat(amount, -2)}
