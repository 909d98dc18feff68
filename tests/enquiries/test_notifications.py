"""Store first, then notify; whatever the mail server does, the request stays."""

import io
import logging
import time

import pytest
from django.core import mail
from django.core.management import call_command

from csti_cms.core.models import ContactSettings
from csti_cms.enquiries.models import EnquiryNotificationSettings
from csti_cms.enquiries.services import notify, retry_pending
from csti_cms.schools.models import BookingRequest
from tests.enquiries.helpers import stored_booking
from tests.helpers import run_manage

pytestmark = pytest.mark.django_db


def test_the_team_gets_what_the_visitor_sent_and_can_reply(notifications):
    booking = stored_booking(needs='=HYPERLINK("http://evil")')
    assert notify(booking) is True
    (message,) = mail.outbox
    assert message.to == ["ecoles@curiosa.example"]
    assert message.reply_to == ["pieter@school.example"]
    assert message.subject.startswith("[Curiosa]")
    assert f"B-{booking.pk}" in message.subject, "the team answers and files it by reference"
    assert "Basisschool De Linde" in message.body and "éerlandais" in message.body
    booking.refresh_from_db()
    assert booking.notified and not booking.notification_error


def test_without_a_notification_address_the_contact_address_is_used(no_notification_lists, home_fr):
    site = home_fr.get_site()
    assert not EnquiryNotificationSettings.for_site(site).recipients
    assert notify(stored_booking()) is True
    assert mail.outbox[0].to == [ContactSettings.for_site(site).email]


def test_without_any_address_the_request_says_so(no_notification_lists, home_fr, caplog):
    contact = ContactSettings.for_site(home_fr.get_site())
    contact.email = ""
    contact.save()
    booking = stored_booking()
    with caplog.at_level(logging.WARNING, logger="csti_cms.enquiries"):
        assert notify(booking) is False
    booking.refresh_from_db()
    assert not booking.notified and "No address" in booking.notification_error
    assert "not notified" in caplog.text
    assert not mail.outbox


def test_failed_notifications_are_sent_again_later(notifications, settings):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    booking = stored_booking()
    assert notify(booking) is False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_enquiry_notifications", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.notified and not booking.notification_error
    assert len(mail.outbox) == 1
    assert retry_pending([BookingRequest]) == (0, 0, 0)


def retry_output(verbosity=1):
    out = io.StringIO()
    call_command("retry_enquiry_notifications", stdout=out, verbosity=verbosity)
    return out.getvalue()


def test_a_retry_with_nothing_pending_prints_nothing_for_cron_to_mail(notifications):
    assert retry_output() == ""
    assert retry_output(verbosity=2) == "0 notification(s) sent, 0 still failing.\n"


def test_a_retry_tells_what_it_sent_and_what_still_fails(notifications, settings):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenBackend"
    notify(stored_booking())
    assert retry_output() == "0 notification(s) sent, 1 still failing.\n"
    assert retry_output(verbosity=0) == ""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry_output() == "1 notification(s) sent, 0 still failing.\n"


def test_a_line_break_in_a_school_name_does_not_stop_the_notification(notifications):
    """Browsers send one-line fields on one line; robots and pasted text may not."""
    booking = stored_booking(school_name="Basisschool\r\nDe Linde\rLeuven")
    assert notify(booking) is True
    (message,) = mail.outbox
    assert "Basisschool De Linde Leuven" in message.subject
    assert "\r" not in message.subject and "\n" not in message.subject


def test_a_silent_mail_server_stops_the_retry_at_the_first_request(
    notifications, silent_mail_server
):
    """The others would each wait as long for the same server: they wait for the next run."""
    bookings = [stored_booking() for _ in range(3)]
    started = time.monotonic()
    output = retry_output()
    assert time.monotonic() - started < 2 * silent_mail_server.timeout
    assert output == (
        "0 notification(s) sent, 1 still failing. "
        "The mail server could not be reached: 2 more left for the next run.\n"
    )
    errors = BookingRequest.objects.filter(pk__in=[b.pk for b in bookings], notified=False)
    assert sorted(bool(error) for error in errors.values_list("notification_error", flat=True)) == [
        False,
        False,
        True,
    ]


def test_a_process_that_never_served_a_page_links_the_team_to_the_request():
    """A task worker or a timer's command e-mails the team before loading any admin page."""
    code = (
        "from csti_cms.schools.models import BookingRequest;"
        "from csti_cms.enquiries.services import admin_url;"
        "print(admin_url(BookingRequest(pk=7)))"
    )
    result = run_manage("shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].endswith("/admin/booking_requests/edit/7/")
