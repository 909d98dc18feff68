"""What editors can type but the agenda cannot expand: a clear message, never a hang or a 500.

Repeat rules that dateutil parses may still loop for ever (``INTERVAL=0``), crash
(``BYDAY=9MO``), search until the year 9999 (``BYYEARDAY=400``) or give several dates a
day (``BYHOUR=10,14``). Dates at the ends of Python's calendar overflow on publish, and
coordinates off the globe reach the map and the structured data. The admin refuses them
all; rules stored before these checks are skipped (and logged) rather than expanded.
"""

import logging
import re
from datetime import date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from csti_cms.agenda import recurrence, sync
from csti_cms.agenda.models import EventPage, OccurrenceChange, Venue
from csti_cms.agenda.recurrence import Schedule
from tests.agenda.helpers import (
    event_form,
    field_errors,
    json_ld,
    post_event,
    publish_event,
    refused,
    within,
)
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

AGENDA_YEARS = "Give a date between 1901-01-01 and 2999-12-31."
ONCE_A_DAY = "An event repeats once a day at most"
NO_DATE = "This repeat rule gives no date in the 10 years from the first date."


# Repeat rules -----------------------------------------------------------------------------

UNSAFE_RULES = [
    ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more."),
    ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more."),
    ("FREQ=DAILY;INTERVAL=-1", "INTERVAL must be a whole number of 1 or more."),
    ("FREQ=DAILY;COUNT=-3", "COUNT must be a whole number of 1 or more."),
    ("FREQ=MONTHLY;BYDAY=9MO", "BYDAY takes numbers from 1 to 5, or from -5 to -1."),
    ("FREQ=MONTHLY;BYDAY=-6FR", "BYDAY takes numbers from 1 to 5, or from -5 to -1."),
    ("FREQ=YEARLY;BYMONTH=3;BYDAY=6MO", "BYDAY takes numbers from 1 to 5"),
    ("FREQ=YEARLY;BYDAY=60MO", "BYDAY takes numbers from 1 to 53, or from -53 to -1."),
    ("FREQ=DAILY;BYYEARDAY=400", "BYYEARDAY takes numbers from 1 to 366"),
    ("FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY takes numbers from 1 to 366"),
    ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY takes numbers from 1 to 31"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY takes numbers from 1 to 31"),
    ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO takes numbers from 1 to 53"),
    ("FREQ=DAILY;BYMONTH=13", "BYMONTH takes month numbers from 1 to 12."),
    ("FREQ=DAILY;BYHOUR=10,14", ONCE_A_DAY),
    ("FREQ=WEEKLY;BYMINUTE=0,30", ONCE_A_DAY),
    ("FREQ=DAILY;BYSECOND=0,1", ONCE_A_DAY),
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", NO_DATE),
    ("FREQ=DAILY;BYSETPOS=2", NO_DATE),
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=7", NO_DATE),
    ("FREQ=WEEKLY;UNTIL=20250101", NO_DATE),
    ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "Give COUNT or UNTIL, not both."),
    ("FREQ=WEEKLY;UNTIL=2027-12-31", "Write UNTIL as a date, 20271231"),
    ("FREQ=WEEKLY;UNTIL=20271231T170000Z", "Write UNTIL as a date, 20271231"),
    ("FREQ=YEARLY;BYEASTER=0", "BYEASTER is not part of calendar (RFC 5545) repeat rules."),
]


@pytest.mark.parametrize("rule, message", UNSAFE_RULES)
def test_rules_that_cannot_be_expanded_are_refused_quickly(rule, message):
    with within(3), pytest.raises(ValueError, match=re.escape(message)):
        recurrence.normalise_rule(rule, date(2026, 3, 4), time(10))


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=WEEKLY;BYDAY=WE",
        "FREQ=MONTHLY;BYDAY=1SU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=5",
        "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
        "FREQ=YEARLY;BYDAY=20MO",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYYEARDAY=-1",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=TH",
        "FREQ=DAILY;BYHOUR=10;BYMINUTE=0",
        "FREQ=WEEKLY;BYDAY=SA,SU;UNTIL=20271231",
        "FREQ=WEEKLY;UNTIL=20271231T170000",
        "FREQ=DAILY;COUNT=5",
    ],
)
def test_rules_calendars_use_are_kept(rule):
    with within(3):
        assert recurrence.normalise_rule(rule, date(2026, 3, 4), time(10)) == rule


def test_the_trial_follows_the_first_date_of_the_event():
    # Every 12 months on the 31st: never from April, every year from March.
    rule = "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31"
    assert recurrence.normalise_rule(rule, date(2026, 3, 4)) == rule
    with pytest.raises(ValueError, match=NO_DATE):
        recurrence.normalise_rule(rule, date(2026, 4, 4))
    # The 29th of February comes back within the trial's years, from any year.
    for year in (2026, 2097, 2396):
        rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"
        assert recurrence.normalise_rule(rule, date(year, 1, 1)) == rule


@pytest.mark.parametrize(
    "rule, message",
    [
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more."),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL must be a whole number of 1 or more."),
        ("FREQ=MONTHLY;BYDAY=9MO", "BYDAY takes numbers from 1 to 5, or from -5 to -1."),
        ("FREQ=DAILY;BYYEARDAY=400", "BYYEARDAY takes numbers from 1 to 366"),
        ("FREQ=DAILY;BYHOUR=10,14", ONCE_A_DAY),
    ],
)
def test_publishing_an_unsafe_rule_answers_with_a_message(english_admin_client, rule, message):
    # A first date over a year ago: publishing expanded the rule through the past.
    first = timezone.localdate() - timedelta(days=500)
    slug = "regle-" + re.sub(r"[^a-z0-9]+", "-", rule.lower())
    response = post_event(english_admin_client, slug, start_date=first.isoformat(), recurrence=rule)
    refused(response, "recurrence", message)
    assert not EventPage.objects.filter(slug=slug).exists()


def test_a_safe_rule_is_published_with_its_dates(english_admin_client):
    first = timezone.localdate() - timedelta(days=500)
    response = post_event(
        english_admin_client, "regle-sure", start_date=first.isoformat(), recurrence="FREQ=WEEKLY"
    )
    assert response.status_code == 302, field_errors(response)
    page = EventPage.objects.get(slug="regle-sure")
    assert page.live and page.occurrences.count() > 100


@pytest.fixture
def stored_unsafe_rule():
    """An event published before the checks with ``INTERVAL=0`` and a change to one of
    its dates: the rule is written to the database the way it was stored then."""
    first = timezone.localdate() - timedelta(days=400)
    page = publish_event(
        start_date=first,
        recurrence="FREQ=DAILY",
        occurrence_changes=[
            OccurrenceChange(original_date=first + timedelta(days=3), status="cancelled")
        ],
    )
    EventPage.objects.filter(pk=page.pk).update(recurrence="FREQ=DAILY;INTERVAL=0")
    return EventPage.objects.get(pk=page.pk)


def test_a_stored_unsafe_rule_does_not_hang_the_calendar_file(client, stored_unsafe_rule, caplog):
    with caplog.at_level(logging.WARNING, "csti_cms.agenda.recurrence"), within(10):
        response = client.get(f"{stored_unsafe_rule.url}ics/")
    assert response.status_code == 200
    body = response.content.decode()
    # Calendars get the first date alone, like the agenda.
    assert "DTSTART" in body and "RRULE" not in body and "RECURRENCE-ID" not in body
    warning = f"event page {stored_unsafe_rule.pk} ({stored_unsafe_rule.title})"
    assert any(warning in record.getMessage() for record in caplog.records)


def test_a_stored_unsafe_rule_does_not_hang_the_refresh(stored_unsafe_rule, caplog):
    with caplog.at_level(logging.WARNING, "csti_cms.agenda.recurrence"), within(20):
        refreshed = sync.refresh_all()
    assert refreshed >= 1
    # Only the first date is left; the rest of the agenda is refreshed as usual.
    starts = [o.start for o in stored_unsafe_rule.occurrences.all()]
    assert [timezone.localdate(start) for start in starts] == [stored_unsafe_rule.start_date]
    assert any("INTERVAL=0" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;INTERVAL=0;BYDAY=MO",  # dateutil searched for ever without giving a date
        "FREQ=DAILY;INTERVAL=-1",  # ValueError: day is out of range
        "FREQ=MONTHLY;BYDAY=9MO",  # IndexError
        "FREQ=DAILY;BYYEARDAY=400",  # seconds of searching
    ],
)
def test_stored_unsafe_rules_leave_the_first_date_only(rule, caplog):
    schedule = Schedule(
        start_date=date(2024, 3, 5),  # a Tuesday
        start_time=time(10),
        end_time=time(11),
        rule=rule,
        changes={date(2024, 3, 12): recurrence.Change(status="cancelled")},
        label=f"stored rule {rule}",
    )
    with caplog.at_level(logging.WARNING, "csti_cms.agenda.recurrence"), within(3):
        found = recurrence.occurrences(schedule, datetime(2024, 1, 1), datetime(2025, 1, 1))
        assert recurrence.planned_on(schedule, date(2024, 3, 12)) is None
    assert [o.start.replace(tzinfo=None) for o in found] == [datetime(2024, 3, 5, 10)]
    assert any(f"stored rule {rule}" in record.getMessage() for record in caplog.records)


def test_expanding_a_rule_stops_after_a_bounded_number_of_dates(caplog):
    schedule = Schedule(
        start_date=date(1901, 1, 1),
        start_time=time(10),
        end_time=time(11),
        rule="FREQ=DAILY",
        label="a daily event since 1901",
    )
    with caplog.at_level(logging.WARNING, "csti_cms.agenda.recurrence"), within(3):
        # The 2999 date lies 400,000 dates away: the search gives up instead.
        assert recurrence.planned_on(schedule, date(2999, 12, 31)) is None
        found = recurrence.planned_starts(schedule, datetime(2990, 1, 1), datetime(2990, 2, 1))
    assert found == []
    cut = [r.getMessage() for r in caplog.records if "cut after" in r.getMessage()]
    assert len(cut) == 2 and "a daily event since 1901" in cut[0]
    # Within the bound, dates are found as before.
    assert recurrence.planned_on(schedule, date(1950, 6, 1)) == datetime(1950, 6, 1, 10)


# Dates at the ends of the calendar ---------------------------------------------------------

ALL_DAY = {"start_time": "", "end_time": ""}


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"start_date": "9999-12-31"}, "start_date"),
        ({"start_date": "0001-01-01"}, "start_date"),
        ({"start_date": "1900-12-31"}, "start_date"),
        ({"end_date": "9999-12-31"}, "end_date"),
        ({"end_date": "3000-01-01"}, "end_date"),
    ],
)
def test_an_all_day_event_beyond_the_agendas_years_is_refused(english_admin_client, fields, field):
    slug = f"hors-limites-{field}-{fields[field][:4]}"
    response = post_event(english_admin_client, slug, **ALL_DAY, **fields)
    refused(response, field, AGENDA_YEARS)
    assert not EventPage.objects.filter(slug=slug).exists()


@pytest.mark.parametrize(
    "inline, row, field",
    [
        ("added_dates", {"date": "9999-12-31", "start_time": ""}, "date"),
        ("added_dates", {"date": "0001-01-01", "start_time": ""}, "date"),
        ("excluded_dates", {"date": "9999-12-31"}, "date"),
        (
            "occurrence_changes",
            {"original_date": "2026-03-11", "status": "rescheduled", "new_date": "9999-12-31"},
            "new_date",
        ),
        (
            "occurrence_changes",
            {"original_date": "0001-01-01", "status": "cancelled", "new_date": ""},
            "original_date",
        ),
    ],
)
def test_dates_of_a_series_beyond_the_agendas_years_are_refused(
    english_admin_client, inline, row, field
):
    slug = f"serie-hors-limites-{inline.replace('_', '-')}-{field.replace('_', '-')}"
    row = {"new_start_time": "", "new_end_time": "", **row} if "status" in row else row
    response = post_event(
        english_admin_client,
        slug,
        **ALL_DAY,
        recurrence="FREQ=WEEKLY",
        **{inline: inline_formset([row])},
    )
    refused(response, f"{inline}-{field}", AGENDA_YEARS)
    assert not EventPage.objects.filter(slug=slug).exists()


@pytest.mark.parametrize("day", ["1901-01-01", "2999-12-31"])
def test_an_all_day_event_on_the_agendas_first_or_last_day_is_published(english_admin_client, day):
    slug = f"bord-{day}"
    response = post_event(english_admin_client, slug, **ALL_DAY, start_date=day, end_date=day)
    assert response.status_code == 302, field_errors(response)
    (occurrence,) = EventPage.objects.get(slug=slug).occurrences.all()
    assert occurrence.all_day and occurrence.local_day.isoformat() == day
    assert occurrence.last_day.isoformat() == day


def test_an_event_stored_beyond_the_agendas_years_before_they_were_enforced(
    client, english_admin_client
):
    """Such an event still shows, and publishing it again asks for a date, never a 500."""
    event = publish_event()
    EventPage.objects.filter(pk=event.pk).update(start_date=date(9999, 12, 31), start_time=None)
    agenda = demo_page("agenda", "fr")
    for url in (event.url, agenda.url, agenda.url + "ics/", agenda.url + "json/"):
        assert client.get(url).status_code == 200, url

    edit = reverse("wagtailadmin_pages:edit", args=[event.pk])
    assert english_admin_client.get(edit).status_code == 200
    data = event_form(event.slug, title=event.title, **ALL_DAY, start_date="9999-12-31")
    with within(20):
        response = english_admin_client.post(edit, data)
    refused(response, "start_date", AGENDA_YEARS)
    with pytest.raises(ValidationError):
        EventPage.objects.get(pk=event.pk).save_revision().publish()


def test_model_validation_keeps_inline_dates_within_the_agendas_years():
    change = OccurrenceChange(
        original_date=date(2026, 3, 11), status="rescheduled", new_date=date(9999, 12, 31)
    )
    with pytest.raises(ValidationError) as error:
        change.clean()
    assert error.value.message_dict == {"new_date": [AGENDA_YEARS]}
    change.new_date = date(2999, 12, 31)
    change.clean()


# Coordinates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "latitude, longitude, field, message",
    [
        ("200", "4.86", "latitude", "less than or equal to 90"),
        ("-90.5", "4.86", "latitude", "greater than or equal to -90"),
        ("50.46", "180.000001", "longitude", "less than or equal to 180"),
        ("50.46", "-181", "longitude", "greater than or equal to -180"),
    ],
)
def test_an_event_off_the_globe_is_refused(
    english_admin_client, latitude, longitude, field, message
):
    slug = f"hors-globe-{field}-{latitude.replace('.', '-')}-{longitude.replace('.', '-')}"
    response = post_event(english_admin_client, slug, latitude=latitude, longitude=longitude)
    refused(response, field, message)
    assert not EventPage.objects.filter(slug=slug).exists()


def test_a_venue_off_the_globe_is_refused(english_admin_client):
    url = reverse("wagtailsnippets_csti_agenda_venue:add") + "?locale=fr"
    data = {
        "name": "Salle du pôle",
        "locality": "Mechelen",
        "country": "BE",
        "latitude": "200",
        "longitude": "4.86",
    }
    response = english_admin_client.post(url, data)
    assert response.status_code == 200
    assert "less than or equal to 90" in response.content.decode()
    assert not Venue.objects.filter(name="Salle du pôle").exists()
    response = english_admin_client.post(url, {**data, "latitude": "90", "longitude": "-180"})
    assert response.status_code == 302
    assert Venue.objects.filter(name="Salle du pôle").exists()


def test_model_validation_keeps_coordinates_on_the_globe():
    venue = Venue(name="Salle du pôle", latitude="-90.000001", longitude="180.5")
    with pytest.raises(ValidationError) as error:
        venue.clean_fields(exclude=["locale"])
    assert set(error.value.message_dict) == {"latitude", "longitude"}


# Prices -----------------------------------------------------------------------------------


def test_a_negative_price_is_refused(english_admin_client):
    response = post_event(english_admin_client, "prix-negatif", price="-5")
    refused(response, "price", "greater than or equal to 0")
    assert not EventPage.objects.filter(slug="prix-negatif").exists()


def test_a_price_of_nothing_is_published(english_admin_client):
    response = post_event(english_admin_client, "prix-nul", price="0")
    assert response.status_code == 302, field_errors(response)
    assert EventPage.objects.get(slug="prix-nul").price == 0


# Country codes ----------------------------------------------------------------------------

COUNTRY_CODE = "Give the two-letter country code, e.g. BE, FR, NL."


def test_a_country_code_in_lower_case_is_stored_in_capitals(client, english_admin_client):
    # Structured data describes the dates to come.
    soon = (date.today() + timedelta(days=30)).isoformat()
    response = post_event(english_admin_client, "pays-minuscules", country="nl", start_date=soon)
    assert response.status_code == 302, field_errors(response)
    event = EventPage.objects.get(slug="pays-minuscules")
    assert event.country == "NL"
    (item,) = json_ld(client.get(event.url).content.decode())
    assert item["location"]["address"]["addressCountry"] == "NL"


@pytest.mark.parametrize("country", ["Belgium", "B", "B1", "BEL"])
def test_a_country_that_is_not_a_two_letter_code_is_refused(english_admin_client, country):
    slug = f"pays-{country.lower()}"
    response = post_event(english_admin_client, slug, country=country)
    refused(response, "country", COUNTRY_CODE)
    assert not EventPage.objects.filter(slug=slug).exists()


def test_a_venue_country_is_a_two_letter_code_in_capitals(english_admin_client):
    url = reverse("wagtailsnippets_csti_agenda_venue:add") + "?locale=fr"
    form = english_admin_client.get(url).content.decode()
    (country,) = re.findall(r'<input[^>]*name="country"[^>]*>', form)
    assert "maxlength" not in country, "the browser cut “Belgium” to “Be” without a word"

    data = {"name": "Salle de Lille", "locality": "Lille", "country": "France"}
    response = english_admin_client.post(url, data)
    assert response.status_code == 200
    assert COUNTRY_CODE in response.content.decode()
    assert not Venue.objects.filter(name="Salle de Lille").exists()
    response = english_admin_client.post(url, {**data, "country": " fr "})
    assert response.status_code == 302
    assert Venue.objects.get(name="Salle de Lille").country == "FR"


def test_model_validation_keeps_country_codes_in_capitals():
    venue = Venue(name="Salle du pôle", country="be")
    venue.clean_fields(exclude=["locale"])
    assert venue.country == "BE"
    venue.country = "Belgium"
    with pytest.raises(ValidationError) as error:
        venue.clean_fields(exclude=["locale"])
    assert COUNTRY_CODE in error.value.message_dict["country"]
