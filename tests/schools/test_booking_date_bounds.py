"""The booking form's date pickers offer the days the centre accepts, and no other.

They used to offer every past day, which the server then refused ("Choose a date from
tomorrow on."). The first day is tomorrow where the centre is, not on the server's clock:
at half past midnight in Brussels, it is still the day before in UTC.
"""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from freezegun import freeze_time

from csti_cms.schools.days_open import BOOKING_HORIZON
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url

pytestmark = pytest.mark.django_db

DATE_FIELDS = ("preferred_date", "alternative_date")
#: 00:30 on 15 June 2027 in Brussels (summer time), still 14 June in UTC.
AFTER_MIDNIGHT_IN_BRUSSELS = "2027-06-14 22:30:00"
CENTRE_TODAY = date(2027, 6, 15)


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def date_bounds(html, name):
    """``(min, max)`` of the date input ``name``, as the browser reads them."""
    (tag,) = re.findall(rf'<input type="date" name="{name}"[^>]*>', html)
    found = dict(re.findall(r'\b(min|max)="([^"]*)"', tag))
    return found.get("min"), found.get("max")


def date_errors(client, activity, name, day):
    """What the form says of ``day`` given as ``name`` (the other date left out, and the
    school too, so that no request is stored)."""
    others = {field: "" for field in DATE_FIELDS if field != name}
    data = booking_data(activity, school_name="", **{name: day.isoformat(), **others})
    response = client.post(booking_url(activity), data)
    assert response.status_code == 200
    return [str(error) for error in response.context["form"].errors.get(name, [])]


@freeze_time(AFTER_MIDNIGHT_IN_BRUSSELS)
def test_the_pickers_start_tomorrow_where_the_centre_is_and_end_at_the_horizon(client, activity):
    html = client.get(booking_url(activity)).content.decode()
    first, last = CENTRE_TODAY + timedelta(days=1), CENTRE_TODAY + BOOKING_HORIZON
    for name in DATE_FIELDS:
        assert date_bounds(html, name) == (first.isoformat(), last.isoformat()), name


@freeze_time(AFTER_MIDNIGHT_IN_BRUSSELS)
@pytest.mark.parametrize("name", DATE_FIELDS)
def test_the_pickers_bounds_are_the_first_and_last_days_the_form_accepts(client, activity, name):
    html = client.get(booking_url(activity)).content.decode()
    first, last = (date.fromisoformat(bound) for bound in date_bounds(html, name))
    too_soon = "Choose a date from tomorrow on."
    too_far = "Choose a date within the next two years."
    assert too_soon in date_errors(client, activity, name, first - timedelta(days=1))
    assert too_soon not in date_errors(client, activity, name, first)
    assert too_far not in date_errors(client, activity, name, last)
    assert too_far in date_errors(client, activity, name, last + timedelta(days=1))


def test_a_form_shown_the_next_day_starts_a_day_later_even_with_the_page_cache(settings, activity):
    """The form's page is never kept, so its first day never lags behind the calendar."""
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    visitor = Client()
    with freeze_time("2027-06-15 10:00:00"):
        before = date_bounds(visitor.get(booking_url(activity)).content.decode(), DATE_FIELDS[0])
    with freeze_time("2027-06-15 22:00:30"):  # just past midnight in Brussels
        after = date_bounds(visitor.get(booking_url(activity)).content.decode(), DATE_FIELDS[0])
    assert before[0] == "2027-06-16" and after[0] == "2027-06-17"
