"""An event or a date moved online gives the link people follow it by.

Only an event "online" or "on site and online" had to give its link: a date or a whole
event moved online was published with nowhere to go, and its feeds could name no
online place.
"""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset

from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import field_errors, post_event, refused

pytestmark = pytest.mark.django_db

EVENT_MOVED = "The event is moved online: give the link where people follow it."
DATE_MOVED = "This date is moved online: give the online link of the event, under “Where”."
WEEKLY = {"start_date": "2026-03-04", "recurrence": "FREQ=WEEKLY;COUNT=3"}  # Wednesdays


def second_wednesday(status):
    return inline_formset(
        [
            {
                "original_date": "2026-03-11",
                "status": status,
                "new_date": "",
                "new_start_time": "",
                "new_end_time": "",
            }
        ]
    )


def test_an_event_moved_online_without_a_link_is_refused(english_admin_client):
    response = post_event(english_admin_client, "passe-en-ligne", status="moved-online")
    refused(response, "online_url", EVENT_MOVED)
    assert not EventPage.objects.filter(slug="passe-en-ligne").exists()


def test_an_event_moved_online_is_refused_without_a_link_outside_the_admin_too():
    event = EventPage(title="Conférence", start_date=date(2026, 3, 4), status="moved-online")
    assert event.validation_errors()["online_url"] == EVENT_MOVED
    event.online_url = "https://live.example.org/conference"
    assert "online_url" not in event.validation_errors()
    with pytest.raises(ValidationError):
        EventPage(title="Conférence", start_date=date(2026, 3, 4), status="moved-online").clean()


def test_a_date_moved_online_without_a_link_is_refused(english_admin_client):
    response = post_event(
        english_admin_client,
        "date-en-ligne",
        **WEEKLY,
        occurrence_changes=second_wednesday("moved-online"),
    )
    refused(response, "occurrence_changes-status", DATE_MOVED)
    assert not EventPage.objects.filter(slug="date-en-ligne").exists()


def test_a_date_moved_online_with_the_event_s_link_is_published(english_admin_client):
    response = post_event(
        english_admin_client,
        "date-en-ligne-avec-lien",
        **WEEKLY,
        online_url="https://live.example.org/atelier",
        occurrence_changes=second_wednesday("moved-online"),
    )
    assert response.status_code == 302, field_errors(response)


def test_other_changes_to_a_date_need_no_link(english_admin_client):
    response = post_event(
        english_admin_client,
        "date-annulee",
        **WEEKLY,
        occurrence_changes=second_wednesday("cancelled"),
    )
    assert response.status_code == 302, field_errors(response)
