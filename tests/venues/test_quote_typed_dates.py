"""An organiser whose browser shows no pickers types the event's dates and times as they
write them, in their language, and is told what to type when the form cannot read it."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.core.test_typed_dates import date_not_read
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

#: Times as each language writes them, all meaning 18:00 to 23:30.
TYPED_TIMES = {
    "fr": ("18h00", "23 h 30"),
    "nl": ("18.00", "23.30 uur"),
    "en": ("6:00 PM", "23.30"),
}


def event_day():
    return timezone.localdate() + timedelta(days=60)


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_dates_and_times_typed_as_the_language_writes_them_are_stored(client, language):
    day = event_day()
    start, end = TYPED_TIMES[language]
    data = quote_data(
        event_date=day.strftime("%d.%m.%Y"),
        end_date=(day + timedelta(days=1)).strftime("%d/%m/%Y"),
        start_time=start,
        end_time=end,
        spaces=[str(demo_page("space-auditorium", language).pk)],
    )
    response = client.post(quote_url(language), data)
    assert response.status_code == 302, response.context["form"].errors
    quote = QuoteRequest.objects.get()
    assert (quote.event_date, quote.end_date) == (day, day + timedelta(days=1))
    assert (quote.start_time, quote.end_time) == (time(18), time(23, 30))


def test_a_date_or_time_not_read_says_what_to_type(client):
    data = quote_data(
        organisation="",
        event_date="01/31/2027",  # month first: refused, never misread
        start_time="evening",
    )
    response = client.post(quote_url("en"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["event_date"] == [date_not_read()]
    assert errors["start_time"] == ["Enter a time as HH:MM, e.g. 18:30."]
