"""The retention period counts from the visit or the event when it is later than the request.

The booking form takes dates up to two years ahead and the quote form up to three: counted
from the request alone, the period erased who to call before the class came or the event
was held.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from csti_cms.enquiries.retention import erase_personal_data, erasure_cutoff
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import stored_booking, stored_quote
from tests.schools.helpers import booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

PERIOD = datetime.timedelta(days=730)
DAY = datetime.timedelta(days=1)
REQUEST_KINDS = (BookingRequest, QuoteRequest)


def at_noon(day):
    """Noon of ``day`` in the centre's time zone, when a request arrives or the job runs."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def received_on(enquiry, day, **dates):
    """``enquiry`` as if it had arrived on ``day``, for the visit or event ``dates`` give."""
    type(enquiry).objects.filter(pk=enquiry.pk).update(created_at=at_noon(day), **dates)
    return enquiry


def erased_on(day):
    """Run the daily job on ``day`` with the default period: the requests erased, by kind.

    The demo's endorsements, erased by the declarations plugin in the same run, are left out.
    """
    erased = erase_personal_data(erasure_cutoff(PERIOD.days, now=at_noon(day)))
    return {model: count for model, count in erased.items() if model in REQUEST_KINDS}


def still_named(enquiry):
    enquiry.refresh_from_db()
    return enquiry.personal_data_erased_at is None and enquiry.email != ""


def test_a_quote_three_years_ahead_keeps_its_organiser_until_two_years_after_the_event():
    event = datetime.date(2030, 11, 28)
    quote = received_on(stored_quote(), datetime.date(2027, 12, 7), event_date=event)
    assert erased_on(datetime.date(2029, 12, 6)) == {}
    assert erased_on(event + PERIOD) == {}
    assert still_named(quote)
    assert erased_on(event + PERIOD + DAY) == {QuoteRequest: 1}
    assert not still_named(quote)


def test_an_event_over_several_days_counts_from_its_last_day():
    first_day, last_day = datetime.date(2027, 6, 1), datetime.date(2027, 6, 3)
    quote = received_on(
        stored_quote(), datetime.date(2027, 1, 4), event_date=first_day, end_date=last_day
    )
    assert erased_on(last_day + PERIOD) == {}
    assert still_named(quote)
    assert erased_on(last_day + PERIOD + DAY) == {QuoteRequest: 1}


def test_a_booking_counts_from_its_other_possible_date_when_that_is_later():
    preferred, other = datetime.date(2028, 3, 7), datetime.date(2028, 9, 12)
    booking = received_on(
        stored_booking(),
        datetime.date(2027, 1, 4),
        preferred_date=preferred,
        alternative_date=other,
    )
    assert erased_on(preferred + PERIOD + DAY) == {}
    assert erased_on(other + PERIOD) == {}
    assert still_named(booking)
    assert erased_on(other + PERIOD + DAY) == {BookingRequest: 1}


def test_a_booking_without_another_date_counts_from_its_preferred_date():
    preferred = datetime.date(2027, 3, 2)
    booking = received_on(stored_booking(), datetime.date(2027, 1, 4), preferred_date=preferred)
    assert erased_on(preferred + PERIOD) == {}
    assert erased_on(preferred + PERIOD + DAY) == {BookingRequest: 1}
    assert not still_named(booking)


def test_a_request_whose_day_has_passed_still_counts_from_its_receipt():
    """A date the team moved earlier (the class came sooner) cuts no period short."""
    receipt = datetime.date(2027, 5, 4)
    booking = received_on(stored_booking(), receipt, preferred_date=datetime.date(2027, 4, 6))
    assert erased_on(receipt + PERIOD) == {}
    assert still_named(booking)
    assert erased_on(receipt + PERIOD + DAY) == {BookingRequest: 1}


def test_a_kind_of_request_naming_no_day_counts_from_its_receipt(monkeypatch):
    """What a plugin's request model without ``days_asked_for`` gets."""
    monkeypatch.setattr(QuoteRequest, "days_asked_for", ())
    receipt = datetime.date(2027, 12, 7)
    quote = received_on(stored_quote(), receipt, event_date=datetime.date(2030, 11, 28))
    assert erased_on(receipt + PERIOD + DAY) == {QuoteRequest: 1}
    assert not still_named(quote)


def test_retention_off_runs_in_a_time_zone_behind_utc(settings):
    """The job still runs daily for plugins, from the earliest moment, which a centre in
    Québec's time zone would move out of the calendar."""
    settings.CSTI_REQUEST_RETENTION_DAYS = 0
    settings.TIME_ZONE = "America/Toronto"
    booking = received_on(
        stored_booking(), datetime.date(2001, 1, 2), preferred_date=datetime.date(2001, 2, 6)
    )
    out = io.StringIO()
    call_command("erase_old_personal_data", stdout=out)
    assert out.getvalue() == ""
    assert still_named(booking)


@pytest.mark.parametrize(
    ("url", "wording"),
    [
        (
            lambda: booking_url(demo_page("activity-colour-chemistry", "en")),
            "2 years after your request or your visit, whichever is later.",
        ),
        (
            lambda: quote_url("en"),
            "2 years after your request or your event, whichever is later.",
        ),
    ],
    ids=["booking", "quote"],
)
def test_the_forms_tell_visitors_the_period_counts_from_their_visit_or_event(client, url, wording):
    with translation.override("en"):
        html = client.get(url()).content.decode()
    assert f"erase your contact details and messages {wording}" in html
    assert "after you send it" not in html
