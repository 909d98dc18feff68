"""The quote form's date pickers offer the days the centre accepts, and no other.

They used to offer every past day, which the server then refused ("Choose a date from
tomorrow on."). The first day is tomorrow where the centre is, not on the server's clock:
at half past midnight in Brussels, it is still the day before in UTC.
"""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from freezegun import freeze_time

from csti_cms.venues.forms import LONGEST_EVENT, QUOTE_HORIZON
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

#: 00:30 on 15 June 2027 in Brussels (summer time), still 14 June in UTC.
AFTER_MIDNIGHT_IN_BRUSSELS = "2027-06-14 22:30:00"
CENTRE_TODAY = date(2027, 6, 15)


def date_bounds(html, name):
    """``(min, max)`` of the date input ``name``, as the browser reads them."""
    (tag,) = re.findall(rf'<input type="date" name="{name}"[^>]*>', html)
    found = dict(re.findall(r'\b(min|max)="([^"]*)"', tag))
    return found.get("min"), found.get("max")


def date_errors(client, **dates):
    """What the form says of the event's dates (no organisation given: nothing is stored)."""
    data = quote_data(organisation="", **{name: day.isoformat() for name, day in dates.items()})
    response = client.post(quote_url("en"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    return [str(error) for name in dates for error in errors.get(name, [])]


@freeze_time(AFTER_MIDNIGHT_IN_BRUSSELS)
def test_the_pickers_start_tomorrow_where_the_centre_is_and_end_at_the_horizon(client):
    html = client.get(quote_url("en")).content.decode()
    first, last = CENTRE_TODAY + timedelta(days=1), CENTRE_TODAY + QUOTE_HORIZON
    assert date_bounds(html, "event_date") == (first.isoformat(), last.isoformat())
    # An event starting on the last day may last its two weeks.
    assert date_bounds(html, "end_date") == (
        first.isoformat(),
        (last + LONGEST_EVENT).isoformat(),
    )


@freeze_time(AFTER_MIDNIGHT_IN_BRUSSELS)
def test_the_pickers_bounds_are_the_first_and_last_days_the_form_accepts(client):
    html = client.get(quote_url("en")).content.decode()
    first, last = (date.fromisoformat(bound) for bound in date_bounds(html, "event_date"))
    end_first, end_last = (date.fromisoformat(bound) for bound in date_bounds(html, "end_date"))
    too_soon = "Choose a date from tomorrow on."
    too_far = "Choose a date within the next three years."
    assert too_soon in date_errors(client, event_date=first - timedelta(days=1))
    assert date_errors(client, event_date=first, end_date=end_first) == []
    assert date_errors(client, event_date=last, end_date=end_last) == []
    assert too_far in date_errors(client, event_date=last + timedelta(days=1))


def test_a_form_shown_the_next_day_starts_a_day_later_even_with_the_page_cache(settings):
    """The form's page is never kept, so its first day never lags behind the calendar."""
    settings.CSTI_PAGE_CACHE_SECONDS = 60
    visitor = Client()
    with freeze_time("2027-06-15 10:00:00"):
        before = date_bounds(visitor.get(quote_url("en")).content.decode(), "event_date")
    with freeze_time("2027-06-15 22:00:30"):  # just past midnight in Brussels
        after = date_bounds(visitor.get(quote_url("en")).content.decode(), "event_date")
    assert before[0] == "2027-06-16" and after[0] == "2027-06-17"
