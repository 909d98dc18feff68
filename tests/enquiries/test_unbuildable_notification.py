"""A notification whose e-mail cannot even be written is logged with its cause and tried
again by the next retry, not held back until its claim lapses.

A template an update broke, a setting the e-mail trips on: a fault to mend, told with its
traceback, never mistaken for the mail server being out of reach.
"""

import logging

import pytest
from django.core import mail

from csti_cms.enquiries import services
from csti_cms.schools.models import BookingRequest
from csti_cms.venues.models import QuoteRequest
from tests.enquiries.helpers import stored_booking
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_log(caplog):
    """Records of ``csti_cms`` from INFO, which it does not hand on to the root logger."""
    logger = logging.getLogger("csti_cms")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="csti_cms")
    yield caplog
    logger.removeHandler(caplog.handler)


@pytest.fixture
def unwritable(notifications, monkeypatch):
    """``fail(step, error)``: writing the e-mail fails at ``step`` (a function of
    :mod:`~csti_cms.enquiries.services`) with ``error``; ``mend()`` undoes it."""

    def fail(step, error):
        def failing(*args, **kwargs):
            raise error

        monkeypatch.setattr(services, step, failing)

    fail.mend = monkeypatch.undo
    return fail


def retry():
    return services.retry_pending([BookingRequest, QuoteRequest])


def notified(enquiry):
    enquiry.refresh_from_db()
    return enquiry.notified


@pytest.mark.parametrize("step", ["build_message", "recipients_for"])
def test_an_unwritable_notification_is_freed_for_the_next_retry(unwritable, step):
    unwritable(step, ValueError("a template tripped"))
    booking = stored_booking()
    assert services.notify(booking) is False
    booking.refresh_from_db()
    assert not booking.notified and booking.notification_claimed_at is None
    assert booking.notification_error == "ValueError: a template tripped"
    unwritable.mend()
    assert retry() == (1, 0, 0)
    assert notified(booking) and len(mail.outbox) == 1


def test_the_cause_is_logged_with_the_request_and_its_traceback(unwritable, site_log):
    unwritable("build_message", KeyError("school_name"))
    booking = stored_booking()
    services.notify(booking)
    (record,) = [r for r in site_log.records if r.levelno >= logging.WARNING]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    line = record.getMessage()
    assert f"csti_schools.bookingrequest {booking.pk} is stored" in line
    assert "KeyError: 'school_name'" in line


def test_an_unreadable_template_is_not_taken_for_the_mail_server_out_of_reach(unwritable):
    """A file the e-mail cannot read is an ``OSError``, as a network failure is: the
    retry must still go on to the other requests."""
    unwritable("build_message", PermissionError("notification.txt"))
    stored_booking(), stored_booking(school_name="École des Tilleuls")
    assert retry() == (0, 2, 0)
    assert not BookingRequest.objects.filter(notification_claimed_at__isnull=False).exists()


def test_the_visitor_s_request_is_stored_all_the_same(
    client, unwritable, django_capture_on_commit_callbacks
):
    unwritable("build_message", ValueError("a template tripped"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(quote_url(), quote_data())
    assert response.status_code == 302
    quote = QuoteRequest.objects.get()
    assert not quote.notified and quote.notification_claimed_at is None
    unwritable.mend()
    assert retry() == (1, 0, 0)
