"""Store a request, then tell the team, and keep note of what could not be sent.

The order matters: the request is committed to the database before any e-mail
is attempted, so nothing a visitor sends is lost to a mail server that is down,
slow or misconfigured. The e-mail goes out as a background task
(``django-tasks``): with the default immediate backend it is sent at the end of
the request, with a database backend a worker sends it and the visitor does not
wait for the mail server. Whatever goes wrong is logged and written on the request.
"""

import logging
import smtplib
from collections import namedtuple
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import get_resolver
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import ngettext
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Site

from csti_cms.core.i18n import site_language
from csti_cms.core.models import ContactSettings
from csti_cms.core.teams import centre_sender

from . import repeats
from .forms import on_one_line
from .models import Enquiry, EnquiryNotificationSettings, email_addresses
from .teams import admin_base_url

logger = logging.getLogger(__name__)


def submit(form, request):
    """Save the request a valid model form holds, as sent from ``request``, then notify.

    The site and language come from the request (the page's language prefix), so
    the team knows which site the visitor used and in which language to answer.
    The notification is scheduled for after the transaction commits, so a worker
    always finds the request it is told about.

    The same request sent again (a double tap, Back and send, several tabs at once) is
    neither stored nor announced again: the request already stored is returned, its
    ``sent_again`` true, so the thank-you page can tell the visitor it was stored once
    (:mod:`.repeats`, :mod:`.receipts`).
    """
    site = Site.find_for_request(request)
    fingerprint = repeats.fingerprint(form, site)
    with repeats.one_at_a_time(fingerprint):
        earlier = repeats.earlier_copy(form._meta.model, fingerprint)
        if earlier is not None:
            return _repeated(earlier)
        return _store(form, site, fingerprint)


def _store(form, site, fingerprint):
    """Save the request ``form`` holds, sent from ``site``, and schedule its notification;
    or return the copy sent at the same moment with the same token, stored meanwhile."""
    model = form._meta.model
    token = getattr(form, "submission_token", None)
    enquiry = form.save(commit=False)
    enquiry.site = site
    enquiry.language = translation.get_language() or settings.LANGUAGE_CODE
    enquiry.submission_token = repeats.token_to_record(model, token)
    enquiry.submission_fingerprint = fingerprint
    try:
        # A savepoint: the transaction outlives a token another copy stored meanwhile.
        with transaction.atomic():
            enquiry.save()
            form.save_m2m()
    except IntegrityError:
        # Sent twice at once: the other copy, stored meanwhile, holds the token.
        token = enquiry.submission_token
        earlier = model.objects.filter(submission_token=token).first() if token else None
        if earlier is None:
            raise
        return _repeated(earlier)
    label, pk = enquiry._meta.label_lower, enquiry.pk
    # Logged before the notification is scheduled: it is sent as soon as the transaction
    # commits, and the log would otherwise tell of its failure before telling of the request.
    logger.info("Stored %s %s from site %s", label, pk, enquiry.site_id)
    transaction.on_commit(lambda: send_notification.enqueue(label, pk), robust=True)
    return enquiry


def _repeated(earlier):
    """``earlier``, which a request just sent repeats: logged, not announced again, and
    marked ``sent_again``: a teacher who sent the same request for a second class must
    learn that the team holds one, not believe both classes booked."""
    logger.info("Not stored again: a repeat of %s %s", earlier._meta.label_lower, earlier.pk)
    earlier.sent_again = True
    return earlier


@task()
def send_notification(model_label, pk):
    """The background task: e-mail the team about one stored request.

    Safe to run twice (a task backend that retries, a worker restarted mid-task) and
    alongside a retry: :func:`notify` sends only what it claims.
    """
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
    Sends nothing when the request is not this call's to send (:func:`claim_notification`):
    the team was told already, or another process is telling them now.
    """
    if not claim_notification(enquiry):
        return False
    try:
        return attempt(enquiry)
    except MailServerUnreachable:
        return False


def claim_duration():
    """How long a claim keeps other processes from sending a notification.

    Far longer than a send can take, or a slow send would be sent again by the next
    retry: ``EMAIL_TIMEOUT`` bounds each wait for the mail server, not the whole send,
    which waits about a dozen times (connection, greeting, STARTTLS, login, sender, each
    recipient, message, end), so 30 of them leave more than twice that. At least 10
    minutes, so a database or a template slow to answer never matters either; without a
    timeout (``None``: wait for ever) a minute per wait is assumed. A claim left by a
    process killed while sending lapses after this, and a later retry sends it.
    """
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 60
    return max(timedelta(minutes=10), 30 * timedelta(seconds=timeout))


def claimable(now):
    """The requests not notified yet and not being notified by another process at ``now``:
    unclaimed, or claimed longer ago than :func:`claim_duration`."""
    free = Q(notification_claimed_at__isnull=True)
    lapsed = Q(notification_claimed_at__lt=now - claim_duration())
    return Q(notified=False) & (free | lapsed)


def claim_notification(enquiry):
    """Whether this process may send ``enquiry``'s notification, having just claimed it.

    Two processes may set out to send the same notification: the web request's task and
    a timer's retry, two overlapping retries, a task run twice, on one server or several.
    One UPDATE both checks and claims, so exactly one of them changes the row: the database
    writes a row once at a time, and PostgreSQL checks the condition again on the row the
    other has just written. Only that one sends; :func:`_record` frees the claim once the
    send succeeded or failed, so a failure is tried again by the next retry.
    """
    now = timezone.now()
    model = type(enquiry)
    claimed = model.objects.filter(claimable(now), pk=enquiry.pk).update(
        notification_claimed_at=now
    )
    if not claimed:
        logger.info(
            "%s %s not notified by this process: the team was told already or is being told",
            enquiry._meta.label_lower,
            enquiry.pk,
        )
        return False
    enquiry.notification_claimed_at = now
    return True


def attempt(enquiry):
    """:func:`notify` for a request this process has claimed, raising
    :class:`MailServerUnreachable` once the failure is recorded when the mail server could
    not be reached: every other request would meet it too."""
    try:
        recipients = recipients_for(enquiry)
        message = build_message(enquiry, recipients) if recipients else None
    except Exception as error:  # noqa: BLE001 - logged with its traceback
        return _unwritten(enquiry, error)
    if message is None:
        return _record(
            enquiry, "No address in the enquiry notifications nor the contact details settings."
        )
    try:
        message.send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - SMTP, network and backend errors alike
        _record(enquiry, described(error))
        if unreachable(error):
            raise MailServerUnreachable(str(error)) from error
        return False
    return _record(enquiry, "")


def described(error):
    """``error`` as written on the request for the team: its kind and its message."""
    return f"{type(error).__name__}: {error}"[:2000]


def _unwritten(enquiry, error):
    """Record that ``enquiry``'s e-mail could not even be written, and free its claim.

    A template, a setting or a request's answer the e-mail trips on is a fault to mend, not
    a mail server's answer: logged with its traceback, and never taken for the mail server
    being out of reach, which would stop a retry before the other requests. The request
    stays "not notified" and unclaimed, so the next retry tries again at once rather than
    after :func:`claim_duration`.
    """
    logger.exception(
        "%s %s is stored but the e-mail telling the team could not be written: %s "
        "(the retry_enquiry_notifications command tries again)",
        enquiry._meta.label_lower,
        enquiry.pk,
        described(error),
    )
    return _write_outcome(enquiry, described(error))


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


def recipients_for(enquiry):
    """The addresses of the team ``enquiry`` goes to, or else its site's contact address.

    Falling back to the contact address means a new site announces its requests
    somewhere before anyone has thought of the setting.
    """
    site = enquiry.site
    if site is None:
        return []
    addresses = EnquiryNotificationSettings.for_site(site).recipients_for(enquiry)
    return addresses or contact_addresses(site)


def team_addresses(site):
    """The addresses a centre's team reads visitors' requests at: those of "all other
    requests" in the enquiry notifications settings, or else the site's contact address.

    What a plugin tells a centre's team (an endorsement awaiting approval) goes where the
    team reads requests of no particular kind, and reaches someone on a new site too.
    """
    if site is None:
        return []
    addresses = email_addresses(EnquiryNotificationSettings.for_site(site).recipients)
    return addresses or contact_addresses(site)


def contact_addresses(site):
    """The addresses in ``site``'s contact details, where a team without settings is told."""
    return email_addresses(ContactSettings.for_site(site).email)


def build_message(enquiry, recipients):
    """The e-mail to the team, in the site's main language, answerable to the visitor.

    One e-mail to all of ``recipients``: each sees who else was told, so no two of them
    answer the visitor unaware of each other.

    The site's own language (its home's, :func:`~csti_cms.core.i18n.site_language`), not the
    install's: a Dutch-first centre may share an install with French-first ones. For the
    same reason the e-mail comes from the centre's name, the one its subject opens with.
    """
    with translation.override(site_language(enquiry.site)):
        context = {
            "enquiry": enquiry,
            "lines": [(label, *quoted(value)) for label, value in enquiry.notification_lines()],
            "admin_url": admin_url(enquiry),
            "earlier_request": earlier_request_note(enquiry),
        }
        # Capitalised here only: the body names the request mid-sentence.
        subject = capfirst(enquiry.notification_subject())
        body = render_to_string("csti_enquiries/email/notification.txt", context)
        site_name = enquiry.site.site_name if enquiry.site else ""
        prefix = f"[{site_name}] " if site_name else ""
        return EmailMessage(
            subject=on_one_line(f"{prefix}{subject}")[:250],
            body=body,
            from_email=centre_sender(site_name),
            to=recipients,
            reply_to=[enquiry.email],
        )


def quoted(value):
    """``(value, None)`` for a one-line answer, ``(None, lines)`` for a text of several.

    The e-mail prints a text of several lines under its label, each line quoted ("> "):
    a visitor who writes "E-mail: someone@else.example" on a line of their own must not
    pass for the request's own field.
    """
    lines = str(value).splitlines()
    if len(lines) < 2:
        return value, None
    return None, "\n".join(f"> {line}".rstrip() for line in lines)


#: How long after a request another of the same kind from the same address is pointed
#: out to the team as perhaps correcting it: the sender went Back, changed a detail and
#: sent again, and the team should not book two slots.
CORRECTION_WINDOW = timedelta(minutes=30)


def earlier_request(enquiry):
    """The latest request of ``enquiry``'s kind sent from the same site and address within
    :data:`CORRECTION_WINDOW` before it, or ``None``.

    Identical copies are never stored (:mod:`.repeats`): one found here differs.
    """
    if not enquiry.email or enquiry.created_at is None:
        return None
    earlier = type(enquiry).objects.filter(
        site_id=enquiry.site_id,
        created_at__gte=enquiry.created_at - CORRECTION_WINDOW,
        pk__lt=enquiry.pk,
        email__iexact=enquiry.email,
    )
    return earlier.only("pk", "created_at").order_by("-created_at", "-pk").first()


def earlier_request_note(enquiry):
    """The line telling the team that ``enquiry`` may correct an earlier request, or ""."""
    earlier = earlier_request(enquiry)
    if earlier is None:
        return ""
    seconds = (enquiry.created_at - earlier.created_at).total_seconds()
    minutes = max(1, round(seconds / 60))
    # Translators: near the top of the e-mail announcing a request to the team; the reference
    # is the earlier request's ("B-4"). French puts a no-break space (U+00A0) before the colon.
    return ngettext(
        "Sent %(minutes)s minute after %(reference)s from the same address: "
        "it may correct or repeat it.",
        "Sent %(minutes)s minutes after %(reference)s from the same address: "
        "it may correct or repeat it.",
        minutes,
    ) % {"minutes": minutes, "reference": earlier.reference}


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
    """Write the outcome and free the claim (:func:`_write_outcome`); log a failure on one
    line, without traceback."""
    sent = _write_outcome(enquiry, error)
    if error:
        logger.warning(
            "%s %s is stored but the team was not notified: %s "
            "(the retry_enquiry_notifications command sends it again)",
            enquiry._meta.label_lower,
            enquiry.pk,
            error,
        )
    return sent


def _write_outcome(enquiry, error):
    """Write the outcome and free the claim, without touching what editors may be changing
    meanwhile; return whether the e-mail was sent.

    Only while the claim is still this process's: one that lapsed during the send (longer
    than :func:`claim_duration`) may be another process's now, whose outcome counts.
    """
    sent = not error
    ours = type(enquiry).objects.filter(
        pk=enquiry.pk, notification_claimed_at=enquiry.notification_claimed_at
    )
    if not ours.update(notified=sent, notification_error=error, notification_claimed_at=None):
        logger.warning(
            "%s %s: the attempt to notify the team outlasted its claim; its outcome is "
            "left to the attempt that claimed it since",
            enquiry._meta.label_lower,
            enquiry.pk,
        )
    enquiry.notified, enquiry.notification_error = sent, error
    enquiry.notification_claimed_at = None
    return sent


#: What a retry did: notifications sent, failed, and left for the next run untried.
Retried = namedtuple("Retried", ["sent", "failed", "left"])


def retry_pending(models_):
    """Try again to notify every stored request whose e-mail did not go out.

    Stops at the first request the mail server could not be reached for: a server
    that never answers would otherwise cost ``EMAIL_TIMEOUT`` per request. Those after
    it stay pending, counted as ``left``. A request another process claims meanwhile
    (a run overlapping this one, the task of the web request) is its to send, and is
    counted by neither.
    """
    pending = [enquiry for model in models_ for enquiry in pending_notifications(model)]
    sent = failed = 0
    for tried, enquiry in enumerate(pending, start=1):
        if not claim_notification(enquiry):
            continue
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
    """The requests of ``model`` the team was not told about and still can be, but for
    those another process is sending now (:func:`claim_notification`)."""
    # A request whose details were erased has no one left to reply to.
    pending = model.objects.filter(claimable(timezone.now()), personal_data_erased_at__isnull=True)
    return pending.select_related("site")


def enquiry_models():
    """Every concrete model built on :class:`~.models.Enquiry`."""
    return [model for model in apps.get_models() if issubclass(model, Enquiry)]
