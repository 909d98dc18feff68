"""English dates day first and times on the 24-hour clock, as a Belgian team reads them:
"12/28/2026" and "Dec. 6, 2026, 12:28 p.m." are the American formats Django defaults to."""

from datetime import date, datetime

import pytest
from django import forms
from django.utils import translation
from django.utils.formats import date_format
from freezegun import freeze_time

from tests.enquiries.helpers import BOOKINGS, stored_booking

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 12, 6, 12, 28)


@pytest.mark.parametrize(
    ("format_name", "value", "expected"),
    [
        ("SHORT_DATE_FORMAT", date(2026, 12, 28), "28/12/2026"),
        ("DATE_FORMAT", date(2027, 3, 29), "29 March 2027"),
        ("DATETIME_FORMAT", MOMENT, "6 December 2026, 12:28"),
        ("SHORT_DATETIME_FORMAT", MOMENT, "06/12/2026 12:28"),
        ("TIME_FORMAT", MOMENT, "12:28"),
    ],
)
def test_english_formats_put_the_day_first_and_use_the_24_hour_clock(format_name, value, expected):
    with translation.override("en"):
        assert date_format(value, format_name) == expected


def test_the_english_requests_listing_dates_as_the_team_reads_them(english_admin_client):
    with freeze_time("2026-12-06T11:28:00Z"):
        stored_booking(preferred_date=date(2027, 3, 29))
    html = english_admin_client.get(BOOKINGS).content.decode()
    assert "29 March 2027" in html
    assert "6 December 2026, 12:28" in html
    assert "p.m." not in html and "March 29, 2027" not in html


def test_a_date_typed_in_english_is_read_day_first_as_it_is_shown():
    with translation.override("en"):
        assert forms.DateField().clean("05/04/2027") == date(2027, 4, 5)
        assert forms.DateField().clean("28/12/2026") == date(2026, 12, 28)
        assert forms.DateField().clean("2027-04-05") == date(2027, 4, 5)
