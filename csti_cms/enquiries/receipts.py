"""The receipt a visitor finds on the thank-you page: what they have just asked for.

A teacher who prints the page, or comes back to it within the hour, keeps the dates,
the group and the reference the team will quote when it answers. Only the sender sees
it: the form's redirect gives a signed cookie naming the request, which the browser
sends back to the thank-you page's address only; anyone else, a tampered or expired
cookie, a request of another site or one since deleted, gets the thank-you alone.

The thank-you page is never kept by the page cache (:mod:`csti_cms.core.page_cache`)
nor any shared cache: the page cache tells visitors apart by their session cookie
only, so it would hand one sender's receipt to the next visitor, or a thank-you kept
earlier to the sender instead of their receipt.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from wagtail.models import Site

COOKIE_NAME = "csti_receipt"
#: Keeps these signatures from being accepted as any other signed value of the site's.
SALT = "csti_cms.enquiries.receipts"
#: Seconds the sender can come back to the receipt: long enough to print it, short
#: enough that a shared computer does not show it to the next person for long.
MAX_AGE = 60 * 60


@dataclass(frozen=True)
class Receipt:
    """A request as its sender reads it: its reference and their answers, worded as the form."""

    reference: str
    answers: list


def redirect_to_receipt(request, enquiry, sent_url):
    """The redirect after a form that stored ``enquiry``: to ``sent_url``, with its receipt."""
    response = redirect(sent_url)
    set_receipt(response, request, enquiry, sent_url)
    return response


def set_receipt(response, request, enquiry, sent_url):
    """Give the sender of ``enquiry`` the cookie that shows it on the page at ``sent_url``.

    The cookie goes back to that page alone (its path), never to scripts, and never
    unencrypted when the site is served over HTTPS.
    """
    response.set_signed_cookie(
        COOKIE_NAME,
        f"{enquiry._meta.label_lower}:{enquiry.pk}",
        salt=SALT,
        max_age=MAX_AGE,
        path=iri_to_uri(urlsplit(sent_url).path),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def sent_enquiry(request, model):
    """The request of ``model`` this visitor sent from this site within the hour, or ``None``."""
    value = request.get_signed_cookie(COOKIE_NAME, default=None, salt=SALT, max_age=MAX_AGE)
    label, _, pk = (value or "").rpartition(":")
    site = Site.find_for_request(request)
    if label != model._meta.label_lower or not pk.isdigit() or site is None:
        return None
    return model.objects.filter(pk=pk, site=site).first()


def answers(enquiry, form_class):
    """``(label, value)`` of each answer ``enquiry`` holds, labelled and ordered as on the form.

    Values read as in the e-mail to the team (:meth:`~.models.Enquiry.notification_value`),
    in the active language: choices by their names, dates written out. Questions left
    unanswered are left out, as the form marked them optional.
    """
    lines = []
    for name, form_field in form_class.base_fields.items():
        value = enquiry.notification_value(enquiry._meta.get_field(name))
        if value not in (None, "", []):
            lines.append((form_field.label, value))
    return lines


def receipt_for(request, form_class):
    """The :class:`Receipt` of the request this visitor sent through ``form_class``, or ``None``."""
    enquiry = sent_enquiry(request, form_class._meta.model)
    if enquiry is None:
        return None
    return Receipt(reference=enquiry.reference, answers=answers(enquiry, form_class))


def render_sent_page(request, page, template, form_class):
    """``page``'s thank-you route, with the receipt for its sender; kept by no shared cache."""
    response = page.render(
        request,
        template=template,
        context_overrides={"receipt": receipt_for(request, form_class)},
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
