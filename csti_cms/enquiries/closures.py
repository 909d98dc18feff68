"""The days the centre is closed, asked of whichever app knows them.

Booking forms must refuse a date on which the centre is closed, but the opening
hours and exceptional closures belong to the visitor path, not to the forms. The
forms therefore ask through a Wagtail hook, and the app that owns the calendar
answers; with no app registered, no day is closed.

``csti_closed_dates``
    ``fn(site, start_date, end_date) -> iterable of datetime.date``: every date from
    ``start_date`` to ``end_date`` (both included) on which ``site``'s centre cannot
    receive groups: exceptional closures and regular closing days. ``site`` is a
    :class:`wagtail.models.Site` (or None when the request matched no site); the
    function must return only dates inside the range, and should cost a fixed
    number of queries. Several functions may be registered: a date any of them
    returns is closed.

Example, in an app's ``wagtail_hooks.py``::

    @hooks.register("csti_closed_dates")
    def closures(site, start_date, end_date):
        return Closure.objects.filter(
            site=site, date__range=(start_date, end_date)
        ).values_list("date", flat=True)
"""

from wagtail import hooks

CLOSED_DATES_HOOK = "csti_closed_dates"


def closed_dates(site, start_date, end_date):
    """The set of dates from ``start_date`` to ``end_date`` on which the centre is closed."""
    if end_date < start_date:
        return set()
    closed = set()
    for fn in hooks.get_hooks(CLOSED_DATES_HOOK):
        closed.update(
            day for day in fn(site, start_date, end_date) if start_date <= day <= end_date
        )
    return closed
