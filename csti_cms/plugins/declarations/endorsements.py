"""Confirming endorsements by e-mail, and telling the centre's team one awaits approval.

The confirmation link carries a signed, timestamped token (Django's signing, with
its own salt): it names the endorsement and when it was sent, so a link cannot be
forged, reused for another endorsement or used after ``DECLARATIONS_CONFIRMATION_MAX_AGE``.

Once confirmed, an endorsement waits for an editor: the team is e-mailed, where it reads
visitors' requests, rather than left to find it in the admin by chance.
"""

import logging
import math
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.timesince import timesince
from django_tasks import task
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page

from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.plugins import (
    admin_base_url,
    centre_sender,
    retention_period_text,
    site_language,
    team_addresses,
)

from .models import Endorsement

logger = logging.getLogger(__name__)

SALT = "csti_cms.plugins.declarations.endorsement-confirmation"


class InvalidLink(Exception):
    """The confirmation link was altered, is incomplete or belongs elsewhere."""


class ExpiredLink(InvalidLink):
    """The confirmation link is genuine but too old."""


def confirmation_token(endorsement):
    payload = {
        "id": endorsement.pk,
        "declaration": str(endorsement.declaration_key),
        "sent": endorsement.submitted_at.isoformat(),
    }
    return signing.dumps(payload, salt=SALT)


def endorsement_from_token(token, declaration):
    """The endorsement ``token`` confirms; raises :class:`InvalidLink` or :class:`ExpiredLink`."""
    try:
        payload = signing.loads(
            token or "", salt=SALT, max_age=settings.DECLARATIONS_CONFIRMATION_MAX_AGE
        )
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    if not isinstance(payload, dict) or payload.get("declaration") != str(
        declaration.translation_key
    ):
        raise InvalidLink
    endorsement = Endorsement.objects.of(declaration).filter(pk=payload.get("id")).first()
    if endorsement is None or endorsement.submitted_at.isoformat() != payload.get("sent"):
        raise InvalidLink
    return endorsement


def confirmation_url(request, declaration, endorsement):
    path = declaration.get_url(request) + declaration.reverse_subpage("confirm")
    query = urlencode({"token": confirmation_token(endorsement)})
    return request.build_absolute_uri(f"{path}?{query}")


def withheld_query(until):
    """The thank-you page's query telling that no e-mail was sent, and until when.

    The time is rounded up to the minute, as the page shows it: never too early.
    """
    return urlencode({"delivery": "withheld", "until": math.ceil(until.timestamp() / 60) * 60})


def withheld_until(value):
    """When the visitor whose link was withheld may send the form again, or ``None``.

    ``value`` is the thank-you page's ``until`` (:func:`withheld_query`), which anyone can
    alter: only a time within the coming period is shown, in the site's time zone.
    """
    try:
        until = datetime.fromtimestamp(int(value or ""), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    now = timezone.now()
    period = timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD)
    latest = now + period + timedelta(minutes=1)
    return timezone.localtime(until) if now < until <= latest else None


def per_address_period_text():
    """``DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD`` as the visitor reads it: "1 hour"."""
    now = timezone.now()
    period = timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD)
    return timesince(now - period, now)


def send_mail(subject, body, from_email, recipient_list, reply_to=None):
    """Django's ``send_mail``, with the Reply-To it does not take."""
    EmailMessage(subject, body, from_email, recipient_list, reply_to=reply_to).send()


def send_confirmation(request, declaration, endorsement):
    """E-mail the confirmation link, in the language the form was filled in.

    The endorsement is already stored: a failure is logged and reported (False),
    and the organisation can simply endorse again later.

    It comes from the centre's name, and a reply goes to the centre's contact address,
    the one the e-mail quotes, rather than to the install's sending address.
    """
    contact_email = ContactSettings.for_request(request).email
    context = {
        "endorsement": endorsement,
        "declaration": declaration,
        "url": confirmation_url(request, declaration, endorsement),
        "centre_name": BrandingSettings.for_request(request).centre_name,
        "valid_days": settings.DECLARATIONS_CONFIRMATION_MAX_AGE // (24 * 3600),
        "contact_period": retention_period_text(),
        "contact_email": contact_email,
    }
    with translation.override(endorsement.language):
        subject = render_to_string("declarations/email/confirm_subject.txt", context)
        body = render_to_string("declarations/email/confirm_body.txt", context)
    try:
        send_mail(
            " ".join(subject.split()),
            body,
            centre_sender(context["centre_name"]),
            [endorsement.email],
            reply_to=[contact_email] if contact_email else None,
        )
    except Exception as error:
        # One line, without the error's text: an SMTP refusal quotes the endorser's address.
        logger.warning(
            "Endorsement %s is stored, but its confirmation e-mail could not be sent (%s)",
            endorsement.pk,
            type(error).__name__,
        )
        return False
    return True


def tell_the_team_once_stored(declaration, endorsement):
    """Have the team told of ``endorsement`` once its confirmation is committed.

    As a task, as the team hears of visitors' requests: a rolled-back confirmation tells
    nobody, and with a task worker (``TASKS``) the visitor waits for no mail server. The
    default backend runs the task at once, after the commit.
    """
    declaration_id, endorsement_id = declaration.pk, endorsement.pk
    transaction.on_commit(
        lambda: send_team_notice.enqueue(declaration_id, endorsement_id), robust=True
    )


@task()
def send_team_notice(declaration_id, endorsement_id):
    """The background task of :func:`tell_the_team_once_stored`."""
    declaration = Page.objects.get(pk=declaration_id).specific
    return tell_the_team(declaration, Endorsement.objects.get(pk=endorsement_id))


def tell_the_team(declaration, endorsement):
    """E-mail the team of ``declaration``'s site that ``endorsement`` awaits its approval.

    Called once the confirmation is stored: whatever goes wrong here is logged on one
    line, without the error's text (it may quote an address), and the visitor still
    sees the endorsement confirmed. Returns whether the e-mail was sent.
    """
    try:
        site = declaration.get_site()
        recipients = team_addresses(site)
        if not recipients:
            logger.warning(
                "Endorsement %s is confirmed, but no address is set to tell the team "
                "(enquiry notifications or contact details settings)",
                endorsement.pk,
            )
            return False
        awaiting_approval_message(site, declaration, endorsement, recipients).send()
    except Exception as error:
        logger.warning(
            "Endorsement %s is confirmed, but the e-mail telling the team could not be sent (%s)",
            endorsement.pk,
            type(error).__name__,
        )
        return False
    return True


def awaiting_approval_message(site, declaration, endorsement, recipients):
    """The e-mail to the team, in the centre's language, answerable to the endorser.

    The centre's own language (its home's), not the endorser's: a team reads its e-mails
    in one language, and the declaration's title in it (:func:`declaration_in`). What the
    endorser typed is put on one line each, so that a line break cannot make it pass for
    another of the e-mail's fields.
    """
    centre_name = on_one_line(BrandingSettings.for_site(site).centre_name or site.site_name)
    language = site_language(site)
    declaration = declaration_in(declaration, language)
    with translation.override(language):
        context = {
            "centre_name": centre_name,
            "organisation": on_one_line(endorsement.organisation),
            "title": on_one_line(declaration.title),
            "lines": endorsement_lines(declaration, endorsement),
            "admin_url": admin_url(site, endorsement),
        }
        subject = render_to_string("declarations/email/awaiting_approval_subject.txt", context)
        body = render_to_string("declarations/email/awaiting_approval_body.txt", context)
    return EmailMessage(
        on_one_line(subject)[:250],
        body,
        centre_sender(centre_name),
        recipients,
        reply_to=[endorsement.email],
    )


def declaration_in(declaration, language):
    """``declaration``'s live translation in ``language``, else ``declaration`` itself.

    An endorsement belongs to the translation it was made on, in the endorser's language:
    the team's e-mail, in the centre's language, names the declaration as the team knows it.
    """
    locale = Locale.objects.filter(language_code=language).first()
    version = declaration.get_translation_or_none(locale) if locale else None
    return version if version is not None and version.live else declaration


def endorsement_lines(declaration, endorsement):
    """``(label, value)`` of each detail the team checks, labelled as the admin labels them."""
    field = Endorsement._meta.get_field
    details = [
        (field(name).verbose_name, on_one_line(getattr(endorsement, name)))
        for name in ("organisation", "country", "contact_name", "email", "website")
        if getattr(endorsement, name)
    ]
    return [
        *details,
        (field("declaration").verbose_name, on_one_line(declaration.title)),
        (field("submitted_at").verbose_name, endorsement.submitted_at),
        (field("confirmed_at").verbose_name, endorsement.confirmed_at),
    ]


def admin_url(site, endorsement):
    """Where the team approves ``endorsement``: the admin on its own site's address.

    The admin shows each centre's team its own site's endorsements only, so a link
    through another centre's host name would answer "not found".
    """
    path = AdminURLFinder().get_edit_url(endorsement)
    return f"{admin_base_url(site)}{path}" if path else ""


def on_one_line(text):
    """``text`` with each run of spaces, tabs and line breaks made one space."""
    return " ".join(str(text).split())
