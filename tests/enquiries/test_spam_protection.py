"""The honeypot and the per-client rate limit, on a real request form."""

import pytest
from django.utils import translation

from csti_cms.enquiries.ratelimit import RateLimit, client_address
from csti_cms.schools.models import BookingRequest
from tests.conftest import demo_page
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return demo_page("activity-colour-chemistry", "en")


def test_the_honeypot_is_hidden_from_people_and_refuses_robots(client, activity):
    html = client.get(booking_url(activity)).content.decode()
    assert '<div class="enquiry-form__trap">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    response = client.post(booking_url(activity), booking_data(activity, website="http://spam"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "honeypot"
    assert not BookingRequest.objects.exists()


def test_a_client_may_send_a_few_requests_then_is_asked_to_wait(client, activity, settings):
    settings.CSTI_ENQUIRY_RATE_LIMIT = 2
    # Two classes of the school: the same request twice would be stored once.
    for pupils in ("22", "23"):
        data = booking_data(activity, pupils=pupils)
        assert client.post(booking_url(activity), data).status_code == 302
    response = client.post(booking_url(activity), booking_data(activity, pupils="24"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "rate"
    assert BookingRequest.objects.count() == 2
    # Another client (another address) still gets through.
    other = client.post(booking_url(activity), booking_data(activity), REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302


def test_mistakes_do_not_use_up_the_allowance(client, activity, settings):
    settings.CSTI_ENQUIRY_RATE_LIMIT = 1
    for _ in range(3):
        invalid = client.post(booking_url(activity), booking_data(activity, email="not-an-address"))
        assert list(invalid.context["form"].errors) == ["email"]
    assert client.post(booking_url(activity), booking_data(activity)).status_code == 302


def test_the_allowance_is_per_client_and_form_and_keeps_no_address(rf):
    request = rf.post("/", REMOTE_ADDR="198.51.100.7")
    limit = RateLimit(request, "csti_schools.bookingrequest", limit=1, period=60)
    assert "198.51.100.7" not in limit.key
    assert limit.consume() is True
    assert limit.consume() is False
    other_form = RateLimit(request, "csti_venues.quoterequest", limit=1, period=60)
    assert other_form.consume() is True


def test_behind_a_proxy_each_visitor_has_an_allowance_of_their_own(client, activity, settings):
    """On a Unix socket behind nginx REMOTE_ADDR is empty: every visitor would share one."""
    settings.CSTI_ENQUIRY_RATE_LIMIT = 1
    settings.CSTI_CLIENT_ADDRESS_HEADER = "X-Real-IP"
    first, second = {"REMOTE_ADDR": ""}, {"REMOTE_ADDR": ""}
    first["HTTP_X_REAL_IP"], second["HTTP_X_REAL_IP"] = "192.0.2.10", "192.0.2.20"
    assert client.post(booking_url(activity), booking_data(activity), **first).status_code == 302
    assert client.post(booking_url(activity), booking_data(activity), **second).status_code == 302
    refused = client.post(booking_url(activity), booking_data(activity), **first)
    assert refused.context["form"].non_field_errors().as_data()[0].code == "rate"


def test_in_a_forwarded_list_the_address_the_proxy_saw_counts(rf, settings):
    settings.CSTI_CLIENT_ADDRESS_HEADER = "X-Forwarded-For"
    claimed = rf.post("/", HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7")
    other_claim = rf.post("/", HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7")
    scope = "csti_schools.bookingrequest"
    assert RateLimit(claimed, scope).key == RateLimit(other_claim, scope).key
    assert client_address(claimed) == "198.51.100.7"


def test_without_the_setting_a_forwarded_header_is_not_believed(rf):
    request = rf.post("/", REMOTE_ADDR="198.51.100.7", HTTP_X_REAL_IP="203.0.113.1")
    assert client_address(request) == "198.51.100.7"


def test_free_text_is_bounded_in_plain_words(client, activity):
    """A request's free text is stored and e-mailed: megabytes of it are refused."""
    too_long = client.post(booking_url(activity), booking_data(activity, needs="x" * 5001))
    with translation.override("en"):
        assert too_long.context["form"].errors["needs"] == [
            "Please keep this to 5000 characters (you wrote 5001): for more, write to us by e-mail."
        ]
    assert 'maxlength="5000"' in too_long.content.decode()
    at_the_limit = booking_data(activity, needs="x\r\n" * 2500)  # the browser counts 5000
    assert client.post(booking_url(activity), at_the_limit).status_code == 302
    quote = quote_data(message="x" * 5001)
    assert list(client.post(quote_url(), quote).context["form"].errors) == ["message"]
