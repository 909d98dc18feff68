"""What a site shows of its memberships, in the visitor's language, in a fixed number of queries.

Memberships, their roles and their organisations are translatable: each language
has its own rows. A page in Dutch shows the Dutch row of each membership and
organisation when there is one, and falls back to another language's row rather
than leaving a membership out while its translation is on its way.

Whatever the number of memberships and roles, this costs three queries (memberships
with their organisations, roles, organisations with their logos) plus one for the
logos' renditions, once per request: the page, its JSON-LD and any "Our networks"
block share the result. The memberships page shows them :data:`MEMBERSHIPS_PER_PAGE`
at a time (:func:`memberships_page`): a network of hundreds renders one page of them.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Site

from csti_cms.core.caching import cached
from csti_cms.plugins import alphabetical, prefer_language

from .models import Membership, Organisation, Role, Scope

#: Memberships shown on one page of the memberships page (current or past): each card
#: holds a logo and a timeline of roles, so a page stays light however many there are.
MEMBERSHIPS_PER_PAGE = 50
#: The query parameter naming the page of memberships.
MEMBERSHIPS_PAGE = "page"


@dataclass
class ScopeGroup:
    scope: Scope
    memberships: list

    @property
    def label(self):
        return self.scope.label


@dataclass
class MembershipListing:
    current: list = field(default_factory=list)
    past: list = field(default_factory=list)


def group_by_scope(memberships):
    by_scope = {}
    for membership in memberships:
        by_scope.setdefault(membership.organisation.scope, []).append(membership)
    return [
        ScopeGroup(scope, sorted(by_scope[scope], key=lambda m: alphabetical(m.organisation.name)))
        for scope in Scope
        if scope in by_scope
    ]


def in_page_order(memberships):
    """``memberships`` as the memberships page lists them: by scope, then by name."""
    scopes = {scope: index for index, scope in enumerate(Scope)}
    return sorted(
        memberships,
        key=lambda m: (
            scopes.get(m.organisation.scope, len(scopes)),
            alphabetical(m.organisation.name),
        ),
    )


def memberships_page(request, memberships):
    """The page of ``memberships`` the request asks for, its slice grouped by scope.

    As a declaration's endorsers are: a number that is not one shows the first page, one
    past the end the last, so an old link still lands somewhere useful. A scope that
    runs over two pages is headed on both.
    """
    listed = Paginator(in_page_order(memberships), MEMBERSHIPS_PER_PAGE).get_page(
        request.GET.get(MEMBERSHIPS_PAGE)
    )
    listed.groups = group_by_scope(listed.object_list)
    return listed


def listing_page_numbers(memberships):
    """The page of the memberships page on which each of ``memberships`` is listed, by
    its organisation's translation key: links to one card (the "Our networks" logos)
    lead to the page that shows it."""
    return {
        membership.organisation.translation_key: index // MEMBERSHIPS_PER_PAGE + 1
        for index, membership in enumerate(in_page_order(memberships))
    }


def site_memberships(request, site=None):
    """The :class:`MembershipListing` of ``site`` (the request's by default), cached per request.

    Each membership gets ``organisation`` (in the visitor's language) and
    ``timeline`` (its roles, oldest first).
    """
    site = site or Site.find_for_request(request)
    language = get_language()
    cache = request.__dict__.setdefault("_csti_memberships", {})
    key = (site.pk if site else None, language)
    if key not in cache:
        cache[key] = load_memberships(site, language) if site else MembershipListing()
    return cache[key]


def load_memberships(site, language):
    rows = (
        Membership.objects.filter(site_id=site.pk)
        .select_related("locale", "organisation")
        .prefetch_related(Prefetch("roles", queryset=Role.objects.order_by("sort_order")))
    )
    memberships = prefer_language(rows, language)
    organisation_keys = {membership.organisation.translation_key for membership in memberships}
    organisations = {
        organisation.translation_key: organisation
        for organisation in prefer_language(
            Organisation.objects.filter(translation_key__in=organisation_keys)
            .select_related("locale", "logo")
            .prefetch_related("logo__renditions"),
            language,
        )
    }
    this_year = timezone.localdate().year
    listing = MembershipListing()
    for membership in memberships:
        membership.organisation = organisations[membership.organisation.translation_key]
        membership.timeline = sorted(
            membership.roles.all(), key=lambda role: (role.start_year, role.end_year or 9999)
        )
        is_current = membership.until is None or membership.until >= this_year
        (listing.current if is_current else listing.past).append(membership)
    return listing


def organization_jsonld(request, site=None):
    """schema.org ``memberOf`` of the centre: the organisations it is a member of now.

    It is part of the centre's ``Organization`` on every home page, so it is cached
    (per site, language and year) until a membership, role or organisation changes
    (the app's ``ready()`` has them start a new cache generation), and costs the home
    page no query.
    """
    site = site or Site.find_for_request(request)
    if site is None:
        return {}
    year = timezone.localdate().year
    member_of = cached(
        f"memberships:member-of:{site.pk}:{get_language()}:{year}",
        lambda: _member_of(site_memberships(request, site).current),
    )
    return {"memberOf": member_of} if member_of else {}


def _member_of(memberships):
    member_of = []
    for membership in sorted(memberships, key=lambda m: alphabetical(m.organisation.name)):
        organisation = membership.organisation
        entry = {"@type": "Organization", "name": organisation.name}
        if organisation.acronym_meaning:
            entry["alternateName"] = organisation.acronym_meaning
        if organisation.website:
            entry["url"] = organisation.website
        member_of.append(entry)
    return member_of
