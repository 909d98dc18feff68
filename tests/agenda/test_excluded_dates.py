"""An excluded date that is none of the event's dates is refused with a plain message.

Such a row used to be saved and do nothing, silently: the date the editor meant to take
out of the agenda stayed in it.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from csti_cms.agenda.models import EventPage, ExcludedDate
from tests.agenda.helpers import event_form, field_errors, post_event, refused, within

pytestmark = pytest.mark.django_db

NOT_A_DATE = "This date is not one of the event's dates, so there is nothing to exclude."
DOES_NOT_REPEAT = "This event does not repeat and this date is not one of its dates"
WEEKLY = {"start_date": "2026-03-04", "recurrence": "FREQ=WEEKLY;COUNT=6"}  # Wednesdays


def excluded(*days, deleted=()):
    return inline_formset(
        [{"date": day} for day in days] + [{"date": day, "DELETE": "on"} for day in deleted]
    )


def starts(slug):
    page = EventPage.objects.get(slug=slug)
    return sorted(occurrence.local_day.isoformat() for occurrence in page.occurrences.all())


def test_an_excluded_date_the_rule_does_not_give_is_refused(english_admin_client):
    response = post_event(
        english_admin_client,
        "exclu-jeudi",
        **WEEKLY,
        excluded_dates=excluded("2026-03-11", "2026-03-12"),
    )
    refused(response, "excluded_dates-date", NOT_A_DATE)
    (message,) = field_errors(response)["excluded_dates-date"]
    assert "Pick a date the rule produces, or remove this row." in message
    assert not EventPage.objects.filter(slug="exclu-jeudi").exists()


def test_excluded_dates_of_the_rule_or_added_dates_are_published(english_admin_client):
    response = post_event(
        english_admin_client,
        "exclu-valide",
        **WEEKLY,
        added_dates=inline_formset([{"date": "2026-03-13", "start_time": ""}]),
        # A row the editor deleted is not judged.
        excluded_dates=excluded("2026-03-11", "2026-03-13", deleted=["2026-03-12"]),
    )
    assert response.status_code == 302, field_errors(response)
    assert starts("exclu-valide") == [
        "2026-03-04",
        "2026-03-18",
        "2026-03-25",
        "2026-04-01",
        "2026-04-08",
    ]


def test_an_event_that_does_not_repeat_excludes_only_its_own_dates(english_admin_client):
    response = post_event(
        english_admin_client, "exclu-unique", excluded_dates=excluded("2026-03-05")
    )
    refused(response, "excluded_dates-date", DOES_NOT_REPEAT)


@pytest.mark.parametrize(
    "rule, field, message",
    [
        ("FREQ=DAILY;INTERVAL=0", "recurrence", "INTERVAL must be a whole number of 1 or more."),
        ("FREQ=SOMETIMES", "recurrence", "This is not a valid repeat rule"),
    ],
)
def test_a_wrong_rule_shows_its_own_error_not_one_on_the_excluded_dates(
    english_admin_client, rule, field, message
):
    response = post_event(
        english_admin_client,
        "exclu-regle-fausse",
        start_date="2026-03-04",
        recurrence=rule,
        excluded_dates=excluded("2026-03-12"),
    )
    refused(response, field, message)
    assert "excluded_dates-date" not in field_errors(response)


def test_a_missing_first_date_shows_its_own_error_only(english_admin_client):
    response = post_event(
        english_admin_client,
        "exclu-sans-date",
        start_date="",
        recurrence="FREQ=WEEKLY",
        excluded_dates=excluded("2026-03-12"),
    )
    assert response.status_code == 200
    errors = field_errors(response)
    assert "start_date" in errors and "excluded_dates-date" not in errors, errors


def test_an_event_whose_excluded_dates_all_match_is_published_again(english_admin_client):
    response = post_event(
        english_admin_client, "exclu-existant", **WEEKLY, excluded_dates=excluded("2026-03-18")
    )
    assert response.status_code == 302, field_errors(response)
    page = EventPage.objects.get(slug="exclu-existant")
    (row,) = ExcludedDate.objects.filter(page=page)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert english_admin_client.get(edit).status_code == 200
    rows = [{"id": str(row.pk), "date": "2026-03-18"}, {"date": "2026-03-25"}]
    data = event_form(
        page.slug, title=page.title, **WEEKLY, excluded_dates=inline_formset(rows, initial=1)
    )
    with within(20):
        response = english_admin_client.post(edit, data)
    assert response.status_code == 302, field_errors(response)
    assert starts("exclu-existant") == ["2026-03-04", "2026-03-11", "2026-04-01", "2026-04-08"]
