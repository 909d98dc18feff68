"""The routes of a declaration page: the declaration, endorsing it, confirming by e-mail.

A visitor's path: the declaration links to its form (``endorse/``), a thank-you
page (``endorse/sent/``), the link in the e-mail (``confirm/?token=...``), which
shows a button that confirms (POST) and tells the centre's team by e-mail. The
endorsement is public once an editor approves it in the admin.

The form has an address of its own so that the declaration itself sets no cookie
(the form's CSRF token does): any shared cache in front of the site can keep it.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from wagtail.models import Site

from csti_cms.plugins import alphabetical, keep_on_language_switch, retention_period_text

from .endorsements import (
    ExpiredLink,
    InvalidLink,
    endorsement_from_token,
    per_address_period_text,
    send_confirmation,
    tell_the_team_once_stored,
    withheld_query,
    withheld_until,
)
from .forms import EndorsementForm, confirmation_withheld_until, replaced_endorsement
from .models import DeclarationPage, Endorsement, RelatedDeclaration
from .normalise import organisation_key
from .organisations import attach_organisations

#: Endorsers listed on one page of a declaration: a page stays light however many there are.
ENDORSERS_PER_PAGE = 100
#: The query parameter naming the page of endorsers, beside any other the page is given.
ENDORSERS_PAGE = "endorsers"


def related_declarations(page):
    """``(earlier, later)``: declarations linked to or from ``page``, in its language, by date.

    Links may have been made from any language version (they are copied to the
    translations as they are), so they are matched by translation key. Declarations
    restricted to some visitors (password, login, groups) are left out, as everywhere
    the public sees lists: their titles are not for everyone.
    """
    key = page.translation_key
    pairs = RelatedDeclaration.objects.filter(
        Q(page__translation_key=key) | Q(declaration__translation_key=key)
    ).values_list("page__translation_key", "declaration__translation_key")
    keys = {k for pair in pairs for k in pair} - {key}
    if not keys:
        return [], []
    pages = (
        DeclarationPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=page.locale_id)
        .defer("full_text", "commitments")
        .order_by("date")
    )
    earlier = [other for other in pages if other.date < page.date]
    later = [other for other in pages if other.date >= page.date]
    return earlier, later


def endorsers_in_order(page):
    """The keys of ``page``'s public endorsements, alphabetically by organisation.

    Sorted in Python, as :func:`alphabetical` reads names (no SQL ordering matches it in
    every database), from the keys and names alone: the rest is read for one page only.
    """
    names = Endorsement.objects.public().of(page).values_list("pk", "organisation")
    return [pk for pk, _name in sorted(names, key=lambda row: alphabetical(row[1]))]


def endorsers_page(request, page):
    """The page of endorsers the request asks for: two queries however many there are.

    A number that is not one shows the first page, one past the end the last: a link
    kept from a declaration that has since lost endorsers still lands somewhere useful.
    Endorsements are listed alike in every language, so the language switcher keeps
    the page: a visitor switching on page 2 stays on page 2.
    """
    listed = Paginator(endorsers_in_order(page), ENDORSERS_PER_PAGE).get_page(
        request.GET.get(ENDORSERS_PAGE)
    )
    if listed.number > 1:
        keep_on_language_switch(request, **{ENDORSERS_PAGE: listed.number})
    endorsers = (
        Endorsement.objects.public()
        .only("organisation", "country", "website", "language")
        .in_bulk(listed.object_list)
    )
    # One rejected since the first query is left out rather than shown.
    listed.object_list = [endorsers[pk] for pk in listed.object_list if pk in endorsers]
    return listed


def declaration_context(request, page):
    earlier, later = related_declarations(page)
    endorsers = endorsers_page(request, page)
    return {
        "signatories": attach_organisations(
            list(page.signatories.all()), Site.find_for_request(request)
        ),
        "endorsers": endorsers,
        "earlier": earlier,
        "later": later,
    }


def declaration(request, page):
    return page.render(request, context_overrides=declaration_context(request, page))


def endorsement_form(request, page, form, status=200):
    """The form carries a CSRF token and the visitor's answers: never cached."""
    response = page.render(
        request,
        template="declarations/endorse.html",
        context_overrides={"form": form, "contact_period": retention_period_text()},
    )
    response.status_code = status
    add_never_cache_headers(response)
    return response


def open_to_endorsements(page):
    """404 where the declaration takes no endorsements: its form and thank-you page alike."""
    if not page.accepts_endorsements:
        raise Http404


def too_many_endorsements(request, page, form):
    """The form again, with its rate-limit error, answered 429 with when to come back."""
    response = endorsement_form(request, page, form, status=429)
    response["Retry-After"] = str(settings.DECLARATIONS_ENDORSEMENT_RATE_PERIOD)
    return response


def endorse(request, page):
    open_to_endorsements(page)
    if request.method != "POST":
        return endorsement_form(request, page, EndorsementForm(declaration=page, request=request))
    form = EndorsementForm(request.POST, declaration=page, request=request)
    if not form.is_valid():
        if form.is_rate_limited:
            return too_many_endorsements(request, page, form)
        return endorsement_form(request, page, form)
    sent_url = page.get_url(request) + page.reverse_subpage("endorsement_sent")
    endorsement = form.save(commit=False)
    endorsement.declaration = page
    endorsement.language = get_language()
    endorsement.submitted_at = timezone.now()
    with transaction.atomic():
        lock_declaration_for_endorsements(page)
        # An earlier attempt that can no longer be confirmed: the new details replace it.
        # Any other request of the organisation stays, for the editors (see
        # ``forms.blocking_endorsements``): the visitor is answered as for a first one.
        stale = replaced_endorsement(page, organisation_key(endorsement.organisation))
        if stale is not None:
            endorsement.pk = stale.pk
        # The address had its link lately: stored, but not e-mailed again.
        again_at = confirmation_withheld_until(page, endorsement.email, replacing=stale)
        endorsement.confirmation_failed = again_at is not None
        endorsement.save()
    if again_at is not None:
        return redirect(f"{sent_url}?{withheld_query(again_at)}")
    if not send_confirmation(request, page, endorsement):
        mark_confirmation_failed(endorsement)
        sent_url += "?delivery=failed"
    return redirect(sent_url)


def lock_declaration_for_endorsements(page):
    """Hold ``page``'s row until the caller's transaction ends: one endorsement of it is
    stored at a time.

    The limit of one confirmation e-mail per address (``confirmation_withheld_until``)
    reads the endorsements stored, then stores one: two submissions at the same moment
    both read none and both got an e-mail. Locked, the second waits, then finds the
    first. PostgreSQL locks the row (``SELECT ... FOR UPDATE``); SQLite ignores that,
    but its transactions take the write lock when they start (``SQLITE_SHARED_BY_WORKERS``
    in the settings), so the second one starts once the first has committed.
    """
    locked = DeclarationPage.objects.select_for_update(of=("self",)).filter(pk=page.pk)
    list(locked.values_list("pk", flat=True))


def mark_confirmation_failed(endorsement):
    """Nobody got a link to confirm ``endorsement``: let a new request replace it."""
    endorsement.confirmation_failed = True
    endorsement.save(update_fields=["confirmation_failed"])


def endorsement_sent(request, page):
    open_to_endorsements(page)
    delivery = request.GET.get("delivery")
    withheld = delivery == "withheld"
    return page.render(
        request,
        template="declarations/endorsement_sent.html",
        context_overrides={
            "delivery_failed": delivery == "failed",
            "delivery_withheld": withheld,
            "withheld_until": withheld_until(request.GET.get("until")) if withheld else None,
            "withheld_period": per_address_period_text() if withheld else "",
        },
    )


def confirm_endorsement(endorsement):
    """Store that ``endorsement`` is confirmed now; whether this request confirmed it.

    Two POSTs at once (a double click) both find it unconfirmed: the database lets one
    confirm it, so that the team is told once.
    """
    now = timezone.now()
    unconfirmed = Endorsement.objects.filter(pk=endorsement.pk, confirmed_at__isnull=True)
    if not unconfirmed.update(confirmed_at=now):
        return False
    endorsement.confirmed_at = now
    return True


def confirm(request, page):
    """Check the link's token; a button confirms (POST), so that link checkers confirm nothing."""
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    state, endorsement, status = "ask", None, 200
    try:
        endorsement = endorsement_from_token(token, page)
    except ExpiredLink:
        state, status = "expired", 400
    except InvalidLink:
        state, status = "invalid", 400
    else:
        if endorsement.is_confirmed:
            state = "already"
        elif request.method == "POST":
            state = "confirmed" if confirm_endorsement(endorsement) else "already"
            if state == "confirmed":
                tell_the_team_once_stored(page, endorsement)
    response = page.render(
        request,
        template="declarations/endorsement_confirm.html",
        context_overrides={"state": state, "endorsement": endorsement, "token": token},
    )
    response.status_code = status
    # A form with a CSRF token and one endorsement's state, which confirming changes.
    add_never_cache_headers(response)
    return response
