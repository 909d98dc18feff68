"""A request's e-mail goes out once, however the attempts to send it overlap.

The web request's task, a timer's retry started while another is still waiting for a slow
mail server, a task backend that runs a task again: each claims the request in the database
before sending, and only the one whose claim changed the row sends.
"""

import threading
from datetime import timedelta
from functools import partial

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from csti_cms.enquiries.services import (
    claim_duration,
    claim_notification,
    notify,
    retry_pending,
    send_notification,
)
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.enquiries.backends import OverlappingBackend
from tests.enquiries.helpers import stored_booking, stored_quote

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def slow_mail_server(notifications, settings, monkeypatch):
    """A mail server slow enough for another process to act while an e-mail is being sent:
    ``meanwhile(action)`` runs ``action`` during the next send."""
    settings.EMAIL_BACKEND = "tests.enquiries.backends.OverlappingBackend"

    def meanwhile(action):
        monkeypatch.setattr(OverlappingBackend, "meanwhile", action)

    return meanwhile


def claimed_elsewhere(enquiry):
    """Claim ``enquiry`` as another process would, through its own copy of the row."""
    assert claim_notification(type(enquiry).objects.get(pk=enquiry.pk))


def retry():
    return retry_pending([BookingRequest, QuoteRequest])


def test_a_retry_leaves_alone_a_request_another_process_is_sending(notifications):
    booking = stored_booking()
    claimed_elsewhere(booking)
    assert retry() == (0, 0, 0)
    assert not mail.outbox
    booking.refresh_from_db()
    assert not booking.notified and booking.notification_claimed_at is not None


def test_a_retry_started_while_another_sends_sends_each_request_once(slow_mail_server):
    bookings = [stored_booking(), stored_booking(school_name="École des Tilleuls")]
    second_run = []
    slow_mail_server(lambda: second_run.append(retry()))
    first_run = retry()
    # The second run sends what the first had not claimed yet, and the first skips it.
    assert (first_run, second_run) == ((1, 0, 0), [(1, 0, 0)])
    assert len(mail.outbox) == 2
    told = BookingRequest.objects.filter(pk__in=[b.pk for b in bookings], notified=True)
    assert told.count() == 2
    assert retry() == (0, 0, 0)


def test_the_task_sends_nothing_a_retry_is_sending(slow_mail_server):
    booking = stored_booking()
    told_by_task = []
    label = booking._meta.label_lower
    slow_mail_server(lambda: told_by_task.append(send_notification.call(label, booking.pk)))
    assert retry() == (1, 0, 0)
    assert told_by_task == [False]
    assert len(mail.outbox) == 1


def test_the_task_sends_nothing_for_a_request_the_team_was_told_about(notifications):
    """A task backend that runs a task again (a worker restarted) tells the team once."""
    booking = stored_booking()
    assert send_notification.call(booking._meta.label_lower, booking.pk) is True
    assert send_notification.call(booking._meta.label_lower, booking.pk) is False
    assert notify(booking) is False
    assert len(mail.outbox) == 1


def test_a_claim_left_by_a_process_killed_while_sending_lapses(notifications):
    booking = stored_booking()
    claimed_elsewhere(booking)
    almost = timezone.now() - claim_duration() + timedelta(minutes=1)
    BookingRequest.objects.filter(pk=booking.pk).update(notification_claimed_at=almost)
    assert retry() == (0, 0, 0), "a send may still be under way"
    lapsed = timezone.now() - claim_duration() - timedelta(seconds=1)
    BookingRequest.objects.filter(pk=booking.pk).update(notification_claimed_at=lapsed)
    assert retry() == (1, 0, 0)
    booking.refresh_from_db()
    assert booking.notified and booking.notification_claimed_at is None
    assert len(mail.outbox) == 1


def test_a_failed_send_frees_its_claim_for_the_next_retry(notifications, settings):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    quote = stored_quote()
    assert retry() == (0, 1, 0)
    quote.refresh_from_db()
    assert quote.notification_error and quote.notification_claimed_at is None
    settings.EMAIL_BACKEND = LOCMEM
    assert retry() == (1, 0, 0)
    assert len(mail.outbox) == 1


def test_a_claim_outlasts_every_wait_for_the_mail_server(settings):
    """``EMAIL_TIMEOUT`` bounds each of a send's dozen waits, not the send."""
    settings.EMAIL_TIMEOUT = 10
    assert claim_duration() == timedelta(minutes=10)
    settings.EMAIL_TIMEOUT = 60
    assert claim_duration() == timedelta(minutes=30)


def claim_at_once(pk, together):
    """Claim quote request ``pk`` as soon as every party to ``together`` has read it."""
    quote = QuoteRequest.objects.get(pk=pk)
    together.wait(10)
    return claim_notification(quote)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="writers at once: PostgreSQL")
def test_of_two_processes_claiming_at_the_same_moment_one_sends():
    """Two database sessions (threads with connections of their own) claim one committed
    request at once, twenty times: each time exactly one claim changes the row.

    The request is committed outside the test's transaction, so it is deleted at the end.
    """
    outcome = {}

    def in_own_session(action):
        def run():
            try:
                outcome[threading.current_thread().name] = action()
            finally:
                connections.close_all()

        return run

    def run_apart(*actions):
        threads = [
            threading.Thread(target=in_own_session(action), name=str(i))
            for i, action in enumerate(actions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        return [outcome.pop(str(i)) for i in range(len(actions))]

    (pk,) = run_apart(lambda: stored_quote().pk)
    try:
        for _round in range(20):
            claim = partial(claim_at_once, pk, threading.Barrier(2))
            assert sorted(run_apart(claim, claim)) == [False, True]
            run_apart(
                lambda: QuoteRequest.objects.filter(pk=pk).update(notification_claimed_at=None)
            )
    finally:
        run_apart(lambda: QuoteRequest.objects.filter(pk=pk).delete())
