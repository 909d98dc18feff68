"""Dates of the agenda's events on days the centre is closed, for the editors to decide on.

A closure is entered in the opening hours, often once the agenda is planned, and the
agenda does not read the opening hours: it went on inviting families on a day the
practical page said the centre was closed. Nothing is cancelled or hidden here, as an
event may be held anyway (a private evening, a partner's workshop): editors are warned
when they save the opening hours or an event, and they decide.

Only exceptional closures count. The regular week's closed days and seasonal hours are
known when events are planned, and events are held on them on purpose (a conference on
a Monday, an evening talk); a closure comes later, over dates already announced.
Only dates held at the centre count: at one of its venues, not online, neither
cancelled nor postponed, on a page every visitor may see.

This lives in the visitor path, which already reads the agenda (its demo keeps events
off closed days): the agenda knows nothing of opening hours.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.contrib import messages
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, pgettext
from wagtail.admin.messages import render as render_message

from csti_cms.agenda import recurrence
from csti_cms.agenda.models import AttendanceMode, EventPage, EventStatus, Occurrence
from csti_cms.core.dates import WEEKDAY_DATE, day_date
from csti_cms.core.i18n import live_homes, prefer_language, restricted_paths

from .models import Closure

#: The statuses of a date that brings people to the centre: one moved online,
#: cancelled or postponed brings nobody.
HELD_STATUSES = (EventStatus.SCHEDULED, EventStatus.RESCHEDULED, EventStatus.FULL)
#: Dates a warning names for one event; the others are counted, so a daily workshop
#: over a month of works does not fill the screen.
DATES_SHOWN = 5
#: The last instant of a day, as an exclusive end is one microsecond after it.
ONE_MICROSECOND = timedelta(microseconds=1)


def upcoming_closures(site, today):
    """The closures of ``site`` not over by ``today``, in one query: those on dates of their
    own however far ahead (an event may be announced years before), those every year in
    each year as far as the agenda repeats events."""
    horizon = today + recurrence.HORIZON
    closures = Closure.objects.filter(
        Q(end_date__gte=today) | Q(every_year=True), opening_hours__site=site
    )
    found = [
        occurrence
        for closure in closures
        for occurrence in (closure.occurrences(today, horizon) if closure.every_year else [closure])
    ]
    return sorted(found, key=lambda closure: (closure.start_date, closure.pk))


def closed_days(closures, occurrences, now):
    """``[(day, closure)]``, in order: the days a date of ``occurrences`` still to come
    brings people to the centre while one of ``closures`` closes it.

    ``occurrences`` are stored dates or dates just expanded from a schedule: both have
    an aware ``start``, an exclusive ``end`` and a ``status``.
    """
    zone = recurrence.site_zone()
    found = {}
    for occurrence in occurrences:
        if occurrence.end <= now or occurrence.status not in HELD_STATUSES:
            continue
        first = timezone.localtime(occurrence.start, zone).date()
        last = max(first, timezone.localtime(occurrence.end - ONE_MICROSECOND, zone).date())
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            closure = next((c for c in closures if c.covers(day)), None)
            if closure is not None:
                found.setdefault(day, closure)
    return sorted(found.items(), key=lambda item: item[0])


def _midnight(day, zone):
    return datetime.combine(day, time(), tzinfo=zone)


def events_on_closed_days(site, now=None):
    """``[(event page, [(day, closure)])]``: the events of ``site`` the agenda lists on a
    day one of its closures closes the centre, as :func:`closed_days` counts them.

    One language version per event, the editor's where there is one: the dates are the
    same in every language. Three queries at most, whatever the number of events and
    dates: the closures, the dates with their pages, the site's homes (cached).
    """
    now = now or timezone.now()
    zone = recurrence.site_zone()
    closures = upcoming_closures(site, timezone.localtime(now, zone).date())
    if not closures:
        return []
    on_a_closure = Q(pk__in=[])
    for closure in closures:
        on_a_closure |= Q(
            start__lt=_midnight(closure.end_date + timedelta(days=1), zone),
            end__gt=_midnight(closure.start_date, zone),
        )
    in_site = Q(pk__in=[])
    for path in live_homes(site).values():
        in_site |= Q(page__path__startswith=path)
    hidden = Q(pk__in=[])
    for path in restricted_paths():
        hidden |= Q(page__path__startswith=path)
    occurrences = (
        Occurrence.objects.filter(
            in_site,
            on_a_closure,
            end__gt=now,
            status__in=HELD_STATUSES,
            page__live=True,
            page__venue__isnull=False,
        )
        .exclude(page__attendance_mode=AttendanceMode.ONLINE)
        .exclude(hidden)
        .select_related("page", "page__locale")
        .defer("page__body", "page__accessibility", "page__search_text")
        .order_by("start", "pk")
    )
    dates_by_page, pages = defaultdict(list), {}
    for occurrence in occurrences:
        dates_by_page[occurrence.page_id].append(occurrence)
        pages.setdefault(occurrence.page_id, occurrence.page)
    found = []
    for event in prefer_language(pages.values()):
        days = closed_days(closures, dates_by_page[event.pk], now)
        if days:
            found.append((event, days))
    return found


def is_held_at_centre(event):
    """Whether people come to the centre itself for ``event``, as far as the page says."""
    if event.attendance_mode == AttendanceMode.ONLINE or event.venue_id is None:
        return False
    return not any(event.path.startswith(path) for path in restricted_paths())


def closed_days_of(event, now=None):
    """The closed days of ``event`` as it was just saved, maybe as a draft not yet in the
    agenda: its dates come from its schedule, not from the published ones."""
    if event.start_date is None or not is_held_at_centre(event):
        return []
    site = event.get_site()
    if site is None:
        return []
    now = now or timezone.now()
    closures = upcoming_closures(site, timezone.localtime(now, recurrence.site_zone()).date())
    if not closures:
        return []
    return closed_days(closures, recurrence.occurrences(event.schedule), now)


def days_label(days):
    """The days in the active language with the closure's reason, the first few only."""
    shown = ", ".join(
        pgettext("a date and why the centre is closed", "%(date)s (%(reason)s)")
        % {"date": day_date(day, WEEKDAY_DATE), "reason": closure.get_reason_display()}
        for day, closure in days[:DATES_SHOWN]
    )
    others = len(days) - DATES_SHOWN
    if others <= 0:
        return shown
    return ngettext(
        "%(dates)s and %(count)d other date",
        "%(dates)s and %(count)d other dates",
        others,
    ) % {"dates": shown, "count": others}


def _wants_messages(request):
    """Autosaves answer in JSON: a message would wait for the next page, out of place."""
    return request.accepts("text/html")


def _event_line(event, days):
    """An event, linked to its editor, and its dates on closed days, punctuated as the
    editor's language writes it (French puts a space before the colon)."""
    link = format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[event.pk]), event.title
    )
    return format_html(
        pgettext("an event and its dates on closed days", "{event}: {dates}"),
        event=link,
        dates=days_label(days),
    )


def warn_of_events_on_closed_days(request, site):
    """After the opening hours are saved: the events to look at, each with a link."""
    found = events_on_closed_days(site)
    if not found or not _wants_messages(request):
        return
    items = format_html_join("", "<li>{}</li>", ((_event_line(*item),) for item in found))
    message = gettext(
        "Events held at the centre have dates on days it is now closed, and the agenda "
        "lists them as usual. Unless an event is held anyway, move, cancel or exclude "
        "those dates:"
    )
    messages.warning(
        request, render_message(message, None, detail=format_html("<ul>{}</ul>", items))
    )


def warn_of_closed_days_of_event(request, page):
    """After an event is saved or published: its dates on days the centre is closed."""
    if not isinstance(page, EventPage) or not _wants_messages(request):
        return
    days = closed_days_of(page)
    if days:
        messages.warning(
            request,
            gettext(
                "The centre is closed on these dates of the event (Settings > Opening "
                "hours): %(dates)s. Unless the event is held anyway, move, cancel or "
                "exclude them: the agenda lists them as usual."
            )
            % {"dates": days_label(days)},
        )
