"""Days of the week an activity is offered on: told to teachers, enforced on bookings."""

import importlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail import hooks

from csti_cms.enquiries.closures import CLOSED_DATES_HOOK
from csti_cms.schools.models import BookingRequest
from csti_cms.schools.models.choices import describe_days, every_day, school_week
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url, next_weekday

pytestmark = pytest.mark.django_db


def next_saturday(days=14):
    day = timezone.localdate() + timedelta(days=days)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def never_closed(site, start_date, end_date):
    return []


@pytest.mark.parametrize(
    ("codes", "english", "french", "dutch"),
    [
        (school_week(), "Monday to Friday", "du lundi au vendredi",
         "van maandag tot en met vrijdag"),
        (["thu", "tue"], "Tuesday and Thursday", "mardi et jeudi", "dinsdag en donderdag"),
        (["mon", "tue", "thu"], "Monday, Tuesday and Thursday", "lundi, mardi et jeudi",
         "maandag, dinsdag en donderdag"),
        (["sat"], "Saturday", "samedi", "zaterdag"),
        (every_day(), "", "", ""),
        ([], "", "", ""),
    ],
)  # fmt: skip
def test_days_read_as_a_range_or_a_list_in_each_language(codes, english, french, dutch):
    for language, expected in (("en", english), ("fr", french), ("nl", dutch)):
        with translation.override(language):
            assert describe_days(codes) == expected


def test_a_new_activity_is_offered_in_the_school_week_and_needs_a_day():
    activity = demo_page("activity-colour-chemistry", "fr")
    assert activity.days_offered == school_week()
    activity.days_offered = []
    with pytest.raises(ValidationError) as refused:
        activity.full_clean()
    assert "days_offered" in refused.value.error_dict


def test_activities_from_before_the_field_stay_bookable_every_day():
    migration = importlib.import_module("csti_cms.schools.migrations.0004_activity_days_offered")
    added = migration.Migration.operations[0]
    assert added.name == "days_offered"
    assert added.field.default() == every_day()


def test_the_activity_page_tells_the_days_in_its_language(client):
    for language, label, days in (
        ("fr", "Jours", "Mardi et jeudi"),
        ("nl", "Dagen", "Dinsdag en donderdag"),
        ("en", "Days", "Tuesday and Thursday"),
    ):
        page = demo_page("activity-climate-talk", language)
        html = client.get(page.url).content.decode()
        assert f"<dt>{label}</dt><dd>{days}</dd>" in html


def test_a_day_not_offered_is_refused_on_its_own_field(client):
    activity = demo_page("activity-colour-chemistry", "fr")
    saturday = next_saturday()
    data = booking_data(activity, alternative_date=saturday.isoformat())
    with hooks.register_temporarily(CLOSED_DATES_HOOK, never_closed):
        response = client.post(booking_url(activity), data)
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["alternative_date"]
    assert errors["alternative_date"][0].code == "day_not_offered"
    with translation.override("fr"):
        message = errors["alternative_date"][0].messages[0]
    assert message.startswith(
        "Cette activité a lieu ces jours-là uniquement\u00a0: du mardi au vendredi. Samedi "
    )
    assert not BookingRequest.objects.exists()


def test_the_date_help_names_the_days(client):
    activity = demo_page("activity-climate-talk", "en")
    html = client.get(booking_url(activity)).content.decode()
    assert "A day on which your class can come: Tuesday and Thursday." in html


def test_a_saturday_activity_takes_saturday_bookings(client):
    activity = demo_page("activity-colour-chemistry", "fr")
    activity.days_offered = ["sat"]
    activity.save_revision().publish()
    data = booking_data(
        activity,
        preferred_date=next_saturday().isoformat(),
        alternative_date=next_saturday(21).isoformat(),
    )
    with hooks.register_temporarily(CLOSED_DATES_HOOK, never_closed):
        assert client.post(booking_url(activity), data).status_code == 302
        data["preferred_date"] = next_weekday(14).isoformat()
        errors = client.post(booking_url(activity), data).context["form"].errors
    assert list(errors) == ["preferred_date"]
    assert BookingRequest.objects.count() == 1
