"""The demo agenda never invites visitors on a day, or at an hour, the demo centre is closed.

Its dates are relative to the day the demo is loaded, and Christmas and New Year's
Day (closed) fall on any weekday, so each load day below once put an event on a
closure: the science festival, the night at the museum, the Wednesday workshop, the
family Sunday. Each test loads the demo's event dates and opening hours for one load
day into a site of its own, then checks every date with the centre's own calendar.
"""

from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from wagtail.models import Locale, Site

from csti_cms.agenda.models import EventPage
from csti_cms.core.demo_content import DemoContentLoader
from csti_cms.visit.demo import DEMO_AGENDA_DAYS, demo_event_occurrences, load_demo_opening_hours
from csti_cms.visit.opening import OpeningCalendar
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

#: What decides when a demo event happens; the rest (venue, images...) plays no part.
SCHEDULE_FIELDS = {
    "title",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "recurrence",
    "added_dates",
    "excluded_dates",
    "occurrence_changes",
    "status",
}

LOAD_DAYS = [
    date(2026, 12, 20),  # the week before Christmas
    date(2026, 12, 31),  # New Year's Eve
    date(2027, 6, 14),  # a Monday in June
    date(2026, 11, 20),  # the festival's Friday is 25 December 2026
    date(2027, 11, 24),  # the night at the museum's Saturday is 25 December 2027
    date(2030, 6, 1),  # 25 December and 1 January 2031 are Wednesdays (workshop)
    date(2033, 6, 1),  # 1 January 2034 is the first Sunday of the month (family Sunday)
]


def load_demo_agenda(today):
    """The demo events, as loaded on ``today``, and the site's opening calendar."""
    home = demo_page("home", "fr")
    site = Site.objects.create(hostname=f"load-{today}.test", root_page=home, site_name="Curiosa")
    loader = DemoContentLoader(settings.CSTI_DEMO_CONTENT_DIR, site=site, today=today)
    french = Locale.objects.get(language_code="fr")
    events = []
    for spec in loader.content["pages"]:
        if spec["type"] != "csti_agenda.EventPage":
            continue
        fields = {name: value for name, value in spec["fields"].items() if name in SCHEDULE_FIELDS}
        event = EventPage(locale=french)
        loader.apply_fields(event, {"key": spec["key"], "fields": fields}, "fr")
        events.append(event)
    load_demo_opening_hours(loader)
    calendar = OpeningCalendar.read(site, today, today + timedelta(days=DEMO_AGENDA_DAYS))
    return events, calendar


def closed_for(calendar, occurrence):
    """Why the centre is closed for ``occurrence``, or "" when it is open."""
    start, end = occurrence.start.replace(tzinfo=None), occurrence.end.replace(tzinfo=None)
    if occurrence.all_day:
        days = [start.date() + timedelta(days=n) for n in range((end.date() - start.date()).days)]
        closed = [day for day in days if not calendar.day(day).is_open]
        return f"closed on {closed}" if closed else ""
    hours = calendar.day(start.date())
    if not hours.is_open:
        return "closed that day"
    if start.time() >= hours.closes:
        return ""  # an evening held after closing time (a talk, the night at the museum)
    if start.time() < hours.opens or end > datetime.combine(start.date(), hours.closes):
        return f"open {hours.opens}-{hours.closes} only"
    return ""


@pytest.mark.parametrize("today", LOAD_DAYS, ids=str)
def test_demo_events_fall_on_days_and_hours_the_centre_is_open(today):
    events, calendar = load_demo_agenda(today)
    problems = [
        f"{event.title} on {occurrence.start:%a %Y-%m-%d %H:%M}: {reason}"
        for event in events
        for occurrence in demo_event_occurrences(event, today)
        if (reason := closed_for(calendar, occurrence))
    ]
    assert problems == []


def test_the_demo_agenda_still_has_each_of_its_events_soon():
    """Moving dates off closures keeps every event in the coming weeks (the demo's point)."""
    today = date(2026, 11, 20)
    events, _calendar = load_demo_agenda(today)
    for event in events:
        upcoming = [o for o in demo_event_occurrences(event, today) if o.start.date() >= today]
        assert upcoming, event.title
        assert upcoming[0].start.date() <= today + timedelta(weeks=8), event.title
