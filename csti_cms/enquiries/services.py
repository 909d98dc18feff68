"""Store a request, then tell the team, and keep note of what could not be sent.

The order matters: the request is committed to the database before any e-mail
is attempted, so nothing a visitor sends is lost to a mail server that is down,
slow or misconfigured. The e-mail goes out as a background task
(``django-tasks``): with the default immediate backend it is sent at the end of
the request, with a database backend a worker sends it and the visitor does not
wait for the mail server. Whatever goes wrong is logged and written on the request.
"""

import logging
import re
import smtplib
import uuid
from collections import namedtuple
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import get_resolver
from django.utils import translation
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from csti_cms.core.models import ContactSettings

from .models import Enquiry, EnquiryNotificationSettings
from .teams import admin_base_url

logger = logging.getLogger(__name__)


def submit(form, request):
    """Save the request a valid model form holds, as sent from ``request``, then notify.

    The site and language come from the request (the page's language prefix), so
    the team knows which site the visitor used and in which language to answer.
    The notification is scheduled for after the transaction commits, so a worker
    always finds the request it is told about.
    """
    enquiry = form.save(commit=False)
    enquiry.site = Site.find_for_request(request)
    enquiry.language = translation.get_language() or settings.LANGUAGE_CODE
    enquiry.save()
    form.save_m2m()
    label, pk = enquiry._meta.label_lower, enquiry.pk
    # Logged before the notification is scheduled: outside a transaction it is sent at once,
    # and the log would otherwise tell of its failure before telling of the request.
    logger.info("Stored %s %s from site %s", label, pk, enquiry.site_id)
    transaction.on_commit(lambda: send_notification.enqueue(label, pk), robust=True)
    return enquiry


@task()
def send_notification(model_label, pk):
    """The background task: e-mail the team about one stored request."""
    enquiry = apps.get_model(model_label).objects.get(pk=pk)
    return notify(enquiry)


class MailServerUnreachable(Exception):
    """The mail server could not be reached or did not answer in time."""


def notify(enquiry):
    """E-mail the site's team about ``enquiry``; record and log the outcome.

    Returns whether the e-mail was sent. Never raises for a mail failure: the
    request is already stored and the failure is written on it for the team. A
    failure is logged on one line, without traceback (:func:`_record`): a refusing
    mail server is an operator's matter, met again at every retry, not a bug.
    """
    try:
        return attempt(enquiry)
    except MailServerUnreachable:
        return False


def attempt(enquiry):
    """:func:`notify`, raising :class:`MailServerUnreachable` once the failure is recorded
    when the mail server could not be reached: every other request would meet it too."""
    recipient = recipient_for(enquiry.site)
    if not recipient:
        return _record(
            enquiry, "No address in the enquiry notifications nor the contact details settings."
        )
    try:
        build_message(enquiry, recipient).send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - SMTP, network and backend errors alike
        _record(enquiry, f"{type(error).__name__}: {error}"[:2000])
        if unreachable(error):
            raise MailServerUnreachable(str(error)) from error
        return False
    return _record(enquiry, "")


def unreachable(error):
    """Whether ``error`` is the connection failing rather than the server refusing one e-mail.

    Network errors, timeouts and TLS failures are ``OSError``; so are the answers of a
    server (``SMTPException``), of which only a refused or dropped connection is one.
    A server that accepts connections and never answers ends in a timeout, reported by
    ``smtplib`` as ``SMTPServerDisconnected``.
    """
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    return isinstance(error, OSError) and not isinstance(error, smtplib.SMTPException)


def recipient_for(site):
    """The site's notification address, or else its public contact address.

    Falling back to the contact address means a new site announces its requests
    somewhere before anyone has thought of the setting.
    """
    if site is None:
        return ""
    address = EnquiryNotificationSettings.for_site(site).recipient_email
    return address or ContactSettings.for_site(site).email


def build_message(enquiry, recipient):
    """The e-mail to the team, in the site's main language, answerable to the visitor."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "enquiry": enquiry,
            "lines": enquiry.notification_lines(),
            "admin_url": admin_url(enquiry),
        }
        subject = enquiry.notification_subject()
        body = render_to_string("csti_enquiries/email/notification.txt", context)
        site_name = enquiry.site.site_name if enquiry.site else ""
        prefix = f"[{site_name}] " if site_name else ""
        return EmailMessage(
            subject=one_line(f"{prefix}{subject}")[:250],
            body=body,
            to=[recipient],
            reply_to=[enquiry.email],
        )


def one_line(text):
    """``text`` fit for an e-mail header: a line break typed into a one-line field (by a robot,
    or pasted) would otherwise make every attempt to notify the team fail."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text)


def admin_url(enquiry):
    """Where the team follows the request up: the admin on its own site's host name.

    The admin shows each centre's team only its own site's requests, so a link
    through another centre's host name would answer "not found" (see :mod:`.teams`).
    """
    # Wagtail learns where each kind of request is edited as it loads the admin's URLs,
    # which a process that never served a page (a task worker, a command) has not done.
    get_resolver().url_patterns  # noqa: B018 - loads the URLconf
    path = AdminURLFinder().get_edit_url(enquiry)
    return f"{admin_base_url(enquiry.site)}{path}" if path else ""


def _record(enquiry, error):
    """Write the outcome without touching what editors may be changing meanwhile."""
    sent = not error
    type(enquiry).objects.filter(pk=enquiry.pk).update(notified=sent, notification_error=error)
    enquiry.notified, enquiry.notification_error = sent, error
    if error:
        logger.warning(
            "%s %s is stored but the team was not notified: %s "
            "(the retry_enquiry_notifications command sends it again)",
            enquiry._meta.label_lower,
            enquiry.pk,
            error,
        )
    return sent


#: What a retry did: notifications sent, failed, and left for the next run untried.
Retried = namedtuple("Retried", ["sent", "failed", "left"])


def retry_pending(models_):
    """Try again to notify every stored request whose e-mail did not go out.

    Stops at the first request the mail server could not be reached for: a server
    that never answers would otherwise cost ``EMAIL_TIMEOUT`` per request. Those after
    it stay pending, counted as ``left``.
    """
    pending = [enquiry for model in models_ for enquiry in pending_notifications(model)]
    sent = failed = 0
    for tried, enquiry in enumerate(pending, start=1):
        try:
            delivered = attempt(enquiry)
        except MailServerUnreachable:
            return Retried(sent, failed + 1, len(pending) - tried)
        if delivered:
            sent += 1
        else:
            failed += 1
    return Retried(sent, failed, 0)


def pending_notifications(model):
    """The requests of ``model`` the team was not told about and still can be."""
    # A request whose details were erased has no one left to reply to.
    pending = model.objects.filter(notified=False, personal_data_erased_at__isnull=True)
    return pending.select_related("site")


#: Seconds after which a retry that never finished (killed, its machine restarted) no
#: longer keeps the next ones from running.
RETRY_LOCK_SECONDS = 30 * 60


@contextmanager
def retry_lock():
    """Yields whether this process may retry notifications: no other retry is under way.

    Two overlapping runs (a quarter-hourly timer while the mail server is slow) would
    send the same notification twice. The lock lives in the cache, shared by every
    process when it is Redis; when Redis cannot be used (the cache answers ``None``
    rather than ``False``), the retry runs unlocked rather than leave the team untold.
    """
    key, token = "csti-enquiries-retry-lock", uuid.uuid4().hex
    acquired = cache.add(key, token, RETRY_LOCK_SECONDS)
    try:
        yield acquired is not False
    finally:
        if acquired and cache.get(key) == token:
            cache.delete(key)


def enquiry_models():
    """Every concrete model built on :class:`~.models.Enquiry`."""
    return [model for model in apps.get_models() if issubclass(model, Enquiry)]
