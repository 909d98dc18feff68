"""Start and end times of an event, an evening past midnight included, reach the team."""

from datetime import date, time, timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import time_format

from csti_cms.core.dates import EN_DASH, day_date, time_of_day, time_range
from csti_cms.venues.models import QuoteRequest
from tests.enquiries.helpers import QUOTES, csv_rows, read_only_values
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


def test_an_evening_past_midnight_is_one_day_with_its_hours(
    client, english_admin_client, notifications, django_capture_on_commit_callbacks
):
    html = client.get(quote_url("en")).content.decode()
    assert "An end time earlier than the start time is the next morning" in html
    data = quote_data(end_date="", start_time="18:00", end_time="01:00", guests="120", spaces=[])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(quote_url("en"), data).status_code == 302
    quote = QuoteRequest.objects.get()
    assert (quote.start_time, quote.end_time, quote.end_date) == (time(18), time(1), None)

    (message,) = mail.outbox
    with translation.override("fr"):  # the team's language
        guests = translation.ngettext("%(count)s guest", "%(count)s guests", 120) % {"count": 120}
        when = f"{day_date(quote.event_date, 'j F Y')}, {time_range(time(18), time(1))}"
        assert f"({when}, {guests})" in message.subject
        assert time_of_day(time(18)) in message.body and time_of_day(time(1)) in message.body

    edit = english_admin_client.get(f"{QUOTES}edit/{quote.pk}/").content.decode()
    with translation.override("en"):
        assert {time_format(time(18), "TIME_FORMAT"), time_format(time(1), "TIME_FORMAT")} <= set(
            read_only_values(edit)
        )
    (row,) = csv_rows(english_admin_client, QUOTES)
    assert (row["Start time"], row["End time"]) == ("18:00", "01:00")


def test_a_title_gives_the_days_and_the_guests():
    start = timezone.localdate() + timedelta(days=30)
    quote = QuoteRequest(
        organisation="Biotech Namur SA",
        event_date=date(2027, 3, 12),
        end_date=date(2027, 3, 13),
        guests=1,
    )
    with translation.override("en"):
        assert str(quote) == f"Biotech Namur SA (12 March 2027 {EN_DASH} 13 March 2027, 1 guest)"
        quote.end_date, quote.event_date, quote.start_time = None, start, time(9, 30)
        quote.guests = 40
        assert str(quote) == f"Biotech Namur SA ({day_date(start, 'j F Y')}, 9:30, 40 guests)"
