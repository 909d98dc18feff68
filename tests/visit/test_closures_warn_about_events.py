"""Editors who close the centre on a day are told which events the agenda still lists then.

A closure for 24 December was saved with "Opening hours updated." and nothing else: the
practical page said the centre was closed, while the agenda, its calendar and its feeds
went on inviting families to a workshop that day. Nothing is cancelled for the editors
(an event may be held anyway): they are warned, when they save the opening hours and
when they save an event on a closed day.
"""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from csti_cms.agenda.models import Venue
from csti_cms.core.dates import day_date
from csti_cms.visit.closed_event_dates import events_on_closed_days
from tests.agenda.helpers import event_form, post_event, publish_event
from tests.conftest import demo_page
from tests.visit.helpers import REGULAR, replace_opening_hours

pytestmark = pytest.mark.django_db

SETTINGS_WARNING = "Events held at the centre have dates on days it is now closed"
EVENT_WARNING = "The centre is closed on these dates of the event"


def _ahead(days):
    return timezone.localdate() + timedelta(days=days)


#: The days the centre closes in these tests, a week apart, within the agenda's horizon.
CLOSED, CLOSED_TOO = _ahead(30), _ahead(37)


def _venue():
    return Venue.objects.create(
        name="Salle Faraday", locality="Namur", locale=demo_page("agenda").locale
    )


def _at_centre(venue, **fields):
    return publish_event(venue=venue, place_name="", **fields)


def _written(day):
    """``day`` as an English-speaking editor reads it (a request leaves French active)."""
    with translation.override("en"):
        return day_date(day, "l j F Y")


def _warnings(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _save_closures(client, *days):
    """Post the opening hours form as an editor adding ``days`` as closures."""
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours(site)
    week = {name: value.strftime("%H:%M") for name, value in REGULAR.items()}
    week.update({"monday_opens": "", "monday_closes": ""})
    data = nested_form_data(
        {
            **week,
            "seasonal_periods": inline_formset([]),
            "closures": inline_formset(
                [{"start_date": day.isoformat(), "reason": "exceptional"} for day in days]
            ),
        }
    )
    url = reverse("wagtailsettings:edit", args=["csti_visit", "openinghours", site.pk])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    return response


def test_saving_a_closure_lists_the_events_held_at_the_centre_that_day(english_admin_client):
    venue = _venue()
    workshop = _at_centre(venue, title="Petits chimistes", start_date=CLOSED)
    weekly = _at_centre(
        venue,
        title="Mercredis des sciences",
        start_date=CLOSED - timedelta(days=7),
        recurrence="FREQ=WEEKLY;COUNT=4",
    )
    publish_event(title="Conférence en ville", start_date=CLOSED)  # at another place
    publish_event(
        title="Webinaire",
        start_date=CLOSED,
        attendance_mode="online",
        online_url="https://live.example/",
    )
    _at_centre(venue, title="Atelier annulé", start_date=CLOSED, status="cancelled")
    _at_centre(venue, title="Atelier ouvert", start_date=CLOSED + timedelta(days=1))

    warnings = _warnings(_save_closures(english_admin_client, CLOSED, CLOSED_TOO))

    (warning,) = [w for w in warnings if SETTINGS_WARNING in w]
    for event in (workshop, weekly):
        assert f'href="{reverse("wagtailadmin_pages:edit", args=[event.pk])}"' in warning
        assert event.title in warning
    assert f"{_written(CLOSED)} (Exceptional closure)" in warning
    # The weekly event's two closed dates, each named once (the demo's own Wednesday
    # workshop may be listed too).
    (weekly_line,) = [line for line in warning.split("<li>") if weekly.title in line]
    assert weekly_line.count(_written(CLOSED)) == weekly_line.count(_written(CLOSED_TOO)) == 1
    for elsewhere in ("Conférence en ville", "Webinaire", "Atelier annulé", "Atelier ouvert"):
        assert elsewhere not in warning


def test_the_warning_is_in_the_editors_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    _at_centre(_venue(), title="Petits chimistes", start_date=CLOSED)

    warnings = _warnings(_save_closures(admin_client, CLOSED))

    with translation.override("fr"):
        written_in_french = day_date(CLOSED, "l j F Y")
    # French puts a non-breaking space before the colon.
    line = f"Petits chimistes</a>\u00a0: {written_in_french}"
    assert any(line in w for w in warnings), warnings


def test_saving_opening_hours_without_closed_events_adds_no_warning(english_admin_client):
    _at_centre(_venue(), title="Atelier ouvert", start_date=CLOSED + timedelta(days=1))
    warnings = _warnings(_save_closures(english_admin_client, CLOSED))
    assert not [w for w in warnings if SETTINGS_WARNING in w and "Atelier ouvert" in w]


def test_finding_the_events_costs_the_same_queries_for_many_events():
    venue = _venue()
    replace_opening_hours(closures=[{"start_date": CLOSED, "end_date": CLOSED_TOO}])
    site = Site.objects.get(is_default_site=True)
    _at_centre(venue, start_date=CLOSED)
    events_on_closed_days(site)  # the site's homes are cached from here on...
    with CaptureQueriesContext(connection) as one:
        events_on_closed_days(site)
    for offset in range(1, 4):
        _at_centre(venue, start_date=CLOSED + timedelta(days=offset))
    events_on_closed_days(site)  # ...and again once publishing moved the cache on
    with CaptureQueriesContext(connection) as four:
        found = events_on_closed_days(site)
    assert len(four) == len(one)
    assert len([event for event, _days in found if event.title.startswith("Atelier test")]) == 4


def test_publishing_an_event_on_a_closed_day_warns_which_dates(english_admin_client):
    replace_opening_hours(closures=[{"start_date": CLOSED}, {"start_date": CLOSED_TOO}])
    venue = _venue()
    response = post_event(
        english_admin_client,
        "chimie-du-mercredi",
        start_date=(CLOSED - timedelta(days=7)).isoformat(),
        recurrence="FREQ=WEEKLY;COUNT=4",
        venue=str(venue.pk),
        place_name="",
    )
    assert response.status_code == 302
    (warning,) = [w for w in _warnings(response) if EVENT_WARNING in w]
    assert _written(CLOSED) in warning
    assert _written(CLOSED_TOO) in warning
    assert _written(CLOSED - timedelta(days=7)) not in warning


def test_saving_a_draft_on_a_closed_day_warns_too(english_admin_client):
    replace_opening_hours(closures=[{"start_date": CLOSED}])
    event = _at_centre(_venue(), start_date=CLOSED + timedelta(days=1))
    data = {"start_date": CLOSED.isoformat(), "venue": str(event.venue_id), "place_name": ""}
    response = english_admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[event.pk]),
        _edit_form(event, data),
    )
    assert response.status_code == 302
    assert any(EVENT_WARNING in w for w in _warnings(response))


def _edit_form(event, fields):
    """The admin's form for ``event`` saved as a draft, with ``fields`` changed."""
    data = event_form(event.slug, title=event.title, **fields)
    del data["action-publish"]
    return data


@pytest.mark.parametrize(
    "where",
    [
        {"place_name": "Maison de la culture"},
        {"attendance_mode": "online", "online_url": "https://live.example/", "place_name": ""},
    ],
)
def test_an_event_held_elsewhere_on_a_closed_day_is_not_warned_about(english_admin_client, where):
    replace_opening_hours(closures=[{"start_date": CLOSED}])
    response = post_event(english_admin_client, "ailleurs", start_date=CLOSED.isoformat(), **where)
    assert response.status_code == 302
    assert not [w for w in _warnings(response) if EVENT_WARNING in w]
