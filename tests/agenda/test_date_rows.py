"""Changes to single dates and added dates that do nothing are refused with a plain message.

A change planned on a date the event does not have was saved and changed nothing; an
added date the rule already gives added nothing. Both left the editor believing the
agenda said something it did not.
"""

import pytest
from wagtail.test.utils.form_data import inline_formset

from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import field_errors, post_event, refused

pytestmark = pytest.mark.django_db

NOTHING_TO_CHANGE = "This date is not one of the event's dates, so there is nothing to change."
PICK = "Pick a date the rule produces, or remove this row."
DOES_NOT_REPEAT = "This event does not repeat and this date is not one of its dates"
ALREADY = "This date is already one of the event's dates: remove this row."
WEEKLY = {"start_date": "2026-03-04", "recurrence": "FREQ=WEEKLY;COUNT=6"}  # Wednesdays


def changes(*moves, deleted=()):
    """Rows moving each ``(original date, new date)``; ``deleted`` rows are ticked off."""
    rows = [(original, new, {}) for original, new in moves]
    rows += [(original, new, {"DELETE": "on"}) for original, new in deleted]
    return inline_formset(
        [
            {
                "original_date": original,
                "status": "rescheduled",
                "new_date": new,
                "new_start_time": "",
                "new_end_time": "",
                **extra,
            }
            for original, new, extra in rows
        ]
    )


def added(*days, deleted=()):
    rows = [{"date": day, "start_time": ""} for day in days]
    rows += [{"date": day, "start_time": "", "DELETE": "on"} for day in deleted]
    return inline_formset(rows)


def starts(slug):
    page = EventPage.objects.get(slug=slug)
    return sorted(occurrence.local_day.isoformat() for occurrence in page.occurrences.all())


def test_a_change_on_a_date_the_rule_does_not_give_is_refused(english_admin_client):
    response = post_event(
        english_admin_client,
        "change-jeudi",
        **WEEKLY,
        occurrence_changes=changes(("2026-03-12", "2026-03-13")),  # a Thursday
    )
    refused(response, "occurrence_changes-original_date", NOTHING_TO_CHANGE)
    (message,) = field_errors(response)["occurrence_changes-original_date"]
    assert PICK in message
    assert not EventPage.objects.filter(slug="change-jeudi").exists()


def test_a_change_on_another_date_of_a_single_date_event_is_refused(english_admin_client):
    response = post_event(
        english_admin_client,
        "change-unique",
        occurrence_changes=changes(("2026-03-05", "")),
    )
    refused(response, "occurrence_changes-original_date", DOES_NOT_REPEAT)


def test_changes_on_dates_of_the_rule_or_added_dates_are_published(english_admin_client):
    response = post_event(
        english_admin_client,
        "change-valide",
        **WEEKLY,
        added_dates=added("2026-03-13"),
        occurrence_changes=changes(
            ("2026-03-11", "2026-03-12"),
            ("2026-03-13", "2026-03-14"),
            # A row the editor deleted is not judged.
            deleted=[("2026-03-19", "2026-03-20")],
        ),
    )
    assert response.status_code == 302, field_errors(response)
    assert starts("change-valide") == [
        "2026-03-04",
        "2026-03-12",
        "2026-03-14",
        "2026-03-18",
        "2026-03-25",
        "2026-04-01",
        "2026-04-08",
    ]


def test_a_wrong_rule_shows_its_own_error_not_one_on_the_changes(english_admin_client):
    response = post_event(
        english_admin_client,
        "change-regle-fausse",
        start_date="2026-03-04",
        recurrence="FREQ=DAILY;INTERVAL=0",
        added_dates=added("2026-03-04"),
        occurrence_changes=changes(("2026-03-12", "")),
    )
    refused(response, "recurrence", "INTERVAL must be a whole number of 1 or more.")
    errors = field_errors(response)
    assert "occurrence_changes-original_date" not in errors, errors
    assert "added_dates-date" not in errors, errors


@pytest.mark.parametrize(
    "day, fields",
    [
        ("2026-03-18", WEEKLY),  # a Wednesday of the rule
        ("2026-03-04", WEEKLY),  # the first date
        ("2026-03-04", {}),  # the only date of an event that does not repeat
    ],
)
def test_an_added_date_the_event_already_has_is_refused(english_admin_client, day, fields):
    response = post_event(english_admin_client, "ajout-double", **fields, added_dates=added(day))
    refused(response, "added_dates-date", ALREADY)


def test_an_added_date_given_twice_is_refused_once(english_admin_client):
    response = post_event(
        english_admin_client,
        "ajout-deux-fois",
        **WEEKLY,
        added_dates=added("2026-03-13", "2026-03-13"),
    )
    refused(response, "added_dates-date", ALREADY)
    assert field_errors(response)["added_dates-date"] == [ALREADY]


def test_added_dates_outside_the_rule_are_published(english_admin_client):
    """Each added date counts against the rule, not against itself."""
    response = post_event(
        english_admin_client,
        "ajout-valide",
        **WEEKLY,
        added_dates=added("2026-03-13", "2026-04-15", deleted=["2026-03-18"]),
        # An excluded date may still be one of the added ones.
        excluded_dates=inline_formset([{"date": "2026-03-13"}]),
    )
    assert response.status_code == 302, field_errors(response)
    assert starts("ajout-valide") == [
        "2026-03-04",
        "2026-03-11",
        "2026-03-18",
        "2026-03-25",
        "2026-04-01",
        "2026-04-08",
        "2026-04-15",
    ]


def test_a_change_on_a_date_that_is_also_excluded_is_refused(english_admin_client):
    response = post_event(
        english_admin_client,
        "change-exclue",
        **WEEKLY,
        excluded_dates=inline_formset([{"date": "2026-03-11"}]),
        occurrence_changes=changes(("2026-03-11", "2026-03-12")),
    )
    refused(response, "occurrence_changes-original_date", "This date is also excluded")
    assert "excluded_dates-date" not in field_errors(response)
