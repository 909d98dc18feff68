"""A mail server that refuses a notification is told on one line, not a traceback.

The request is stored and ``retry_enquiry_notifications`` tries again every quarter of
an hour: a traceback each time would bury the journal under the same failure.
"""

import logging

import pytest
from django.db import transaction

from csti_cms.enquiries.services import notify
from tests.enquiries.helpers import stored_booking
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

BROKEN_MAIL = "tests.enquiries.backends.BrokenBackend"


@pytest.fixture
def site_log(caplog):
    """Records of ``csti_cms`` from INFO, which it does not hand on to the root logger."""
    logger = logging.getLogger("csti_cms")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="csti_cms")
    yield caplog
    logger.removeHandler(caplog.handler)


def enquiry_records(log, level=logging.INFO):
    return [
        record
        for record in log.records
        if record.name.startswith("csti_cms.enquiries") and record.levelno >= level
    ]


def test_a_refused_notification_is_one_warning_without_traceback(notifications, settings, site_log):
    settings.EMAIL_BACKEND = BROKEN_MAIL
    booking = stored_booking()
    assert notify(booking) is False
    (record,) = enquiry_records(site_log, logging.WARNING)
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    line = record.getMessage()
    assert f"csti_schools.bookingrequest {booking.pk} is stored" in line
    assert "SMTPServerDisconnected: Connection unexpectedly closed" in line
    assert booking.email not in line


def test_the_request_is_kept_for_the_retry(notifications, settings, site_log):
    settings.EMAIL_BACKEND = BROKEN_MAIL
    booking = stored_booking()
    notify(booking)
    booking.refresh_from_db()
    assert not booking.notified
    assert booking.notification_error.startswith("SMTPServerDisconnected")


def test_the_stored_request_is_logged_before_its_notification_fails(
    client, notifications, settings, site_log, monkeypatch
):
    """The site answers in autocommit, where Django runs ``on_commit`` callbacks at once.

    Tests run inside a transaction, which would hold the notification back until after
    every line of the view: callbacks are run at once here, as on the site.
    """
    monkeypatch.setattr(transaction, "on_commit", lambda callback, robust=False: callback())
    settings.EMAIL_BACKEND = BROKEN_MAIL
    response = client.post(quote_url(), quote_data())
    assert response.status_code == 302
    lines = [record.getMessage() for record in enquiry_records(site_log)]
    assert len(lines) == 2, lines
    assert lines[0].startswith("Stored csti_venues.quoterequest")
    assert "is stored but the team was not notified" in lines[1]
