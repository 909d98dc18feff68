"""The receipt a visitor finds on the thank-you page: what they have just asked for.

A teacher who prints the page, or comes back to it within the hour, keeps the dates,
the group and the reference the team will quote when it answers. Only the sender sees
it: the form's redirect gives a signed cookie naming the request, which the browser
sends back to the thank-you page's address only; anyone else, a tampered or expired
cookie, a request of another site or one since deleted, gets the thank-you alone.

A send that only repeated a request stored earlier (:func:`~.services.submit`) gets the
receipt of that request, marked as sent again: the page then says the team holds it once,
so a teacher who sent the same request for a second class does not believe both booked.
The mark is in the cookie, so reloading the page says the same.

The receipt is the sender's only copy (the team's e-mail goes to the team alone) and lasts
:data:`MAX_AGE`: the page says so beside the reference (:func:`how_long_it_is_kept`), and
offers to print it.

The thank-you page is never kept by the page cache (:mod:`csti_cms.core.page_cache`)
nor any shared cache: the page cache tells visitors apart by their session cookie
only, so it would hand one sender's receipt to the next visitor, or a thank-you kept
earlier to the sender instead of their receipt.
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri
from django.utils.translation import ngettext
from wagtail.models import Site

COOKIE_NAME = "csti_receipt"
#: Keeps these signatures from being accepted as any other signed value of the site's.
SALT = "csti_cms.enquiries.receipts"
#: Seconds the sender can come back to the receipt: long enough to print it, short
#: enough that a shared computer does not show it to the next person for long.
MAX_AGE = 60 * 60
#: Ends the cookie of a send that repeated a request stored earlier.
SENT_AGAIN = "again"


def how_long_it_is_kept(seconds):
    """That the receipt goes after ``seconds`` and is the only copy, so the reference must be
    noted: a teacher told "keep this page" would otherwise come back to it the next day."""
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext(
            "Note it down: this page is only kept for %(count)d hour, and we do not send you "
            "a copy by e-mail.",
            "Note it down: this page is only kept for %(count)d hours, and we do not send you "
            "a copy by e-mail.",
            hours,
        ) % {"count": hours}
    minutes = max(seconds // 60, 1)
    return ngettext(
        "Note it down: this page is only kept for %(count)d minute, and we do not send you "
        "a copy by e-mail.",
        "Note it down: this page is only kept for %(count)d minutes, and we do not send you "
        "a copy by e-mail.",
        minutes,
    ) % {"count": minutes}


@dataclass(frozen=True)
class Receipt:
    """A request as its sender reads it: its reference and their answers, worded as the form.

    ``sent_again`` when the last send only repeated this request, stored at ``sent_at``.
    """

    reference: str
    answers: list
    sent_at: datetime | None = None
    sent_again: bool = False

    @property
    def only_copy_notice(self):
        """How long the page stays, in the visitor's language: see :func:`how_long_it_is_kept`."""
        return how_long_it_is_kept(MAX_AGE)


def redirect_to_receipt(request, enquiry, sent_url):
    """The redirect after a form that stored ``enquiry``: to ``sent_url``, with its receipt."""
    response = redirect(sent_url)
    set_receipt(response, request, enquiry, sent_url)
    return response


def set_receipt(response, request, enquiry, sent_url):
    """Give the sender of ``enquiry`` the cookie that shows it on the page at ``sent_url``.

    The cookie goes back to that page alone (its path), never to scripts, and never
    unencrypted when the site is served over HTTPS. It says whether this send repeated
    ``enquiry`` (``sent_again``, set by :func:`~.services.submit`).
    """
    value = f"{enquiry._meta.label_lower}:{enquiry.pk}"
    if getattr(enquiry, "sent_again", False):
        value = f"{value}:{SENT_AGAIN}"
    response.set_signed_cookie(
        COOKIE_NAME,
        value,
        salt=SALT,
        max_age=MAX_AGE,
        path=iri_to_uri(urlsplit(sent_url).path),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )


def sent_enquiry(request, model):
    """The request of ``model`` this visitor sent from this site within the hour, or ``None``;
    its ``sent_again`` says whether their last send only repeated it."""
    value = request.get_signed_cookie(COOKIE_NAME, default=None, salt=SALT, max_age=MAX_AGE)
    label, _, rest = (value or "").partition(":")
    pk, _, mark = rest.partition(":")
    site = Site.find_for_request(request)
    if label != model._meta.label_lower or not pk.isdigit() or site is None:
        return None
    enquiry = model.objects.filter(pk=pk, site=site).first()
    if enquiry is not None:
        enquiry.sent_again = mark == SENT_AGAIN
    return enquiry


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
    return Receipt(
        reference=enquiry.reference,
        answers=answers(enquiry, form_class),
        sent_at=enquiry.created_at,
        sent_again=enquiry.sent_again,
    )


def render_sent_page(request, page, template, form_class):
    """``page``'s thank-you route, with the receipt for its sender; kept by no shared cache."""
    response = page.render(
        request,
        template=template,
        context_overrides={"receipt": receipt_for(request, form_class)},
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
