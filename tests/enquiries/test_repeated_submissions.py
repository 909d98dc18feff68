"""The same request sent twice (a double tap, Back and send again) is stored and e-mailed once."""

import re
import threading
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import connection, connections, transaction
from django.test import RequestFactory
from django.utils import timezone, translation

from csti_cms.enquiries.repeats import REPEAT_WINDOW, fingerprint
from csti_cms.enquiries.services import submit
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.forms import QuoteRequestForm
from csti_cms.venues.models import QuoteRequest
from csti_cms.venues.views import listed_spaces
from tests.conftest import demo_page
from tests.enquiries.helpers import stored_quote
from tests.schools.helpers import booking_data, booking_url
from tests.venues.helpers import quote_data, quote_url

TOKEN = re.compile(r'<input type="hidden" name="submission" value="([0-9a-f]{32})"')


def token_of(response):
    """The one-time token the form page carries, as the browser would send it back."""
    (token,) = TOKEN.findall(response.content.decode())
    return token


def send_quote(client, capture, **overrides):
    with capture(execute=True):
        return client.post(quote_url(), quote_data(**overrides))


@pytest.fixture
def activity(db):
    return demo_page("activity-colour-chemistry", "fr")


@pytest.mark.django_db
def test_a_quote_sent_twice_is_stored_and_announced_once(
    client, notifications, django_capture_on_commit_callbacks
):
    token = token_of(client.get(quote_url()))
    first = send_quote(client, django_capture_on_commit_callbacks, submission=token)
    # Back: the browser refills every field, the token with them, and the visitor sends again.
    again = send_quote(client, django_capture_on_commit_callbacks, submission=token)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"], "the same thank-you page, no error"
    quote = QuoteRequest.objects.get()
    assert quote.submission_token == uuid.UUID(token)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_booking_sent_again_from_a_form_drawn_anew_is_a_repeat(
    client, activity, notifications, django_capture_on_commit_callbacks
):
    """A browser that does not refill hidden fields sends a new token: the answers tell."""
    for _ in range(2):
        token = token_of(client.get(booking_url(activity)))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(booking_url(activity), booking_data(activity, submission=token))
        assert response.status_code == 302
    assert BookingRequest.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_form_draws_a_token_each_time_and_keeps_it_while_the_visitor_corrects(client):
    first, second = token_of(client.get(quote_url())), token_of(client.get(quote_url()))
    assert first != second
    refused = client.post(quote_url(), quote_data(submission=first, email="not-an-address"))
    assert refused.status_code == 200
    assert token_of(refused) == first


@pytest.mark.django_db
def test_a_request_corrected_after_sending_is_a_new_request(
    client, notifications, django_capture_on_commit_callbacks
):
    """Back to correct the number of guests, from the same page: kept, and announced."""
    token = token_of(client.get(quote_url()))
    send_quote(client, django_capture_on_commit_callbacks, submission=token)
    corrected = send_quote(
        client, django_capture_on_commit_callbacks, submission=token, guests="90"
    )
    assert corrected.status_code == 302
    assert sorted(QuoteRequest.objects.values_list("guests", flat=True)) == [90, 150]
    assert len(mail.outbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("same_page", [True, False])
def test_the_same_request_a_day_later_is_a_new_request(
    client, notifications, django_capture_on_commit_callbacks, same_page
):
    token = token_of(client.get(quote_url()))
    send_quote(client, django_capture_on_commit_callbacks, submission=token)
    QuoteRequest.objects.update(created_at=timezone.now() - timedelta(days=1))
    later = token if same_page else token_of(client.get(quote_url()))
    assert (
        send_quote(client, django_capture_on_commit_callbacks, submission=later).status_code == 302
    )
    assert QuoteRequest.objects.count() == 2
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_repeat_just_inside_the_window_is_not_stored(client, django_capture_on_commit_callbacks):
    send_quote(client, django_capture_on_commit_callbacks)
    just_inside = timezone.now() - REPEAT_WINDOW + timedelta(minutes=1)
    QuoteRequest.objects.update(created_at=just_inside)
    send_quote(client, django_capture_on_commit_callbacks)
    assert QuoteRequest.objects.count() == 1


@pytest.mark.django_db
def test_the_same_request_on_another_centre_s_site_is_its_own(other_site, activity):
    """The fingerprint holds the site: two centres' teams each get their request."""
    factory = RequestFactory()
    listing = demo_page("venue-spaces", "fr")
    for host in (listing.get_site().hostname, other_site.hostname):
        request = factory.post("/", HTTP_HOST=host)
        with translation.override("fr"):
            form = QuoteRequestForm(
                quote_data(), spaces=listed_spaces(request, listing), request=request
            )
            assert form.is_valid(), form.errors
            submit(form, request)
    assert QuoteRequest.objects.count() == 2


@pytest.mark.django_db
def test_a_repeat_is_caught_when_the_mail_server_is_down(
    client, settings, notifications, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    token = token_of(client.get(quote_url()))
    for _ in range(2):
        response = send_quote(client, django_capture_on_commit_callbacks, submission=token)
        assert response.status_code == 302
    quote = QuoteRequest.objects.get()
    assert not quote.notified and quote.notification_error


@pytest.mark.django_db
def test_a_form_sent_without_a_valid_token_is_still_stored(
    client, django_capture_on_commit_callbacks
):
    """A page cached from before the token, or a mangled value: never an error for the visitor."""
    response = send_quote(client, django_capture_on_commit_callbacks, submission="not-a-token")
    assert response.status_code == 302
    assert QuoteRequest.objects.get().submission_token is None


@pytest.mark.django_db
def test_the_team_does_not_see_the_marks_of_a_repeat(english_admin_client):
    quote = stored_quote(submission_token=uuid.uuid4(), submission_fingerprint="f" * 64)
    html = english_admin_client.get(f"/admin/quote_requests/inspect/{quote.pk}/").content.decode()
    assert str(quote.submission_token) not in html and "f" * 64 not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two writers at once: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_copies_sent_at_the_same_moment_are_stored_once(client):
    """A double tap reaching two workers: both find no earlier copy, then both insert.

    The first worker's insert is held uncommitted while the second sends the same form; the
    unique token makes the second wait for the first, then hand back the first's request.
    """
    token = token_of(client.get(quote_url()))
    first_inserted, second_started, results = threading.Event(), threading.Event(), {}

    def first_worker():
        try:
            with transaction.atomic():
                quote = stored_quote(submission_token=uuid.UUID(token))
                first_inserted.set()
                second_started.wait(10)
                # Long enough for the second worker to reach its own insert and wait on it.
                threading.Event().wait(1)
            results["first"] = quote.pk
        finally:
            connections.close_all()

    def second_worker():
        try:
            first_inserted.wait(10)
            second_started.set()
            results["response"] = client.post(quote_url(), quote_data(submission=token))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first_worker), threading.Thread(target=second_worker)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results["response"].status_code == 302
    assert list(QuoteRequest.objects.values_list("pk", flat=True)) == [results["first"]]


@pytest.mark.django_db
def test_one_class_booked_for_two_activities_the_same_day_is_two_requests(activity):
    """Every answer alike, the activity the form belongs to differs: not a repeat."""
    other = demo_page("activity-energy-tour", "fr")
    answers = {"school_name": "École des Tilleuls", "email": "claire@ecole.example"}

    def booking_form(booked):
        fields = dict.fromkeys(answers)
        return SimpleNamespace(
            cleaned_data=answers, fields=fields, instance=BookingRequest(activity=booked)
        )

    site = activity.get_site()
    assert fingerprint(booking_form(activity), site) == fingerprint(booking_form(activity), site)
    assert fingerprint(booking_form(activity), site) != fingerprint(booking_form(other), site)
