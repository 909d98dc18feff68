"""Confirming endorsements by e-mail.

The confirmation link carries a signed, timestamped token (Django's signing, with
its own salt): it names the endorsement and when it was sent, so a link cannot be
forged, reused for another endorsement or used after ``DECLARATIONS_CONFIRMATION_MAX_AGE``.
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.plugins import centre_sender, retention_period_text

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
