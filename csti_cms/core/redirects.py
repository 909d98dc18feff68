"""Redirects of a centre's former addresses, as Wagtail keeps them, made safe for migration day.

Wagtail's redirects (``wagtail.contrib.redirects``) hold the addresses of the centre's former
website, imported or added by editors, and those Wagtail adds itself when a page changes
address. Two things here change how they work:

- :func:`keep_automatic_redirects_on_empty_batches` works around a Wagtail bug that deleted
  every automatic redirect of the install on a harmless edit;
- :func:`redirect_only_addresses_once_public` keeps Wagtail from adding redirects from the
  addresses of pages never published, which no visitor or search engine ever saw;
- :class:`CentreRedirectMiddleware` answers the old addresses, as Wagtail's middleware does,
  without a redirect to the address asked, with links shared carrying tracking parameters,
  with the whole query of an address a page answered before it changed address, and
  without a permanent redirect to a page that is not published.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit, urlunsplit

from django import http
from django.http.request import split_domain_port
from wagtail.contrib.redirects import signal_handlers
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.redirects.signal_handlers import BatchRedirectCreator

#: Wagtail's own ``BatchRedirectCreator.pre_process``, kept to tell when Wagtail fixes it.
WAGTAIL_PRE_PROCESS = BatchRedirectCreator.pre_process
#: Wagtail's own redirect creation, which its receivers of slug changes and moves call.
WAGTAIL_CREATE_REDIRECTS = signal_handlers.create_redirects

#: Query parameters that campaigns, newsletters and social networks add to the links they
#: carry. They say where a visitor comes from, never what the old address showed.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
    }
)


def keep_automatic_redirects_on_empty_batches():
    """Make Wagtail's batch of new automatic redirects touch nothing when it holds none.

    Before saving a batch, Wagtail deletes the automatic redirects whose old address the batch
    takes over, with a filter built from its items; with no item, the filter is empty and
    deletes every automatic redirect of every site (Wagtail issue #11338, fix proposed in
    pull request #14626). Here a batch is empty whenever a page whose address depends on
    no site changes slug: a home in another language, beside the site's root page (its slug
    changed on the Promote tab, or created by ``add_centre`` for a second centre).

    Remove this, with its test, once the Wagtail the project requires has the fix:
    ``test_wagtail_still_deletes_every_automatic_redirect_on_an_empty_batch`` then fails.
    """

    def pre_process(batch):
        if batch.items:
            WAGTAIL_PRE_PROCESS(batch)

    BatchRedirectCreator.pre_process = pre_process


def redirect_only_addresses_once_public():
    """Add automatic redirects only from addresses a page had once it was published.

    Wagtail adds a redirect whenever a page's address changes, published or not. A page
    translated into another language starts as a draft at the address of its source's
    slug, which the translator then translates: every translation left a redirect from
    an address nobody ever saw (163 for the demo's content), and Settings > Redirects,
    which a centre reads on migration day, was full of them. Wagtail serves the live
    pages below a draft, though: when such a page changes address, Wagtail's redirects
    are made for it and its subpages alike. Wagtail's receivers call ``create_redirects``
    by its module name, so it is replaced there, whatever the order in which the apps
    connected their receivers.
    """

    def create_redirects(page, page_old, sites):
        if _building_new_content.get():
            return
        if was_public(page_old) or page.get_descendants().live().exists():
            WAGTAIL_CREATE_REDIRECTS(page=page, page_old=page_old, sites=sites)

    signal_handlers.create_redirects = create_redirects


_building_new_content = ContextVar("csti_building_new_content", default=False)


@contextmanager
def building_new_content():
    """Within it, pages change address without redirects: content built from nothing (the
    demo's) had no address anyone saw. Wagtail makes its redirects once the change is
    committed: commit within it."""
    token = _building_new_content.set(True)
    try:
        yield
    finally:
        _building_new_content.reset(token)


def was_public(page):
    """Whether ``page``'s address was ever shown: it was published once.

    Not whether it is live: wagtail-localize's copy for a new translation may be, at the
    address of its source's slug, before the translator's slug and first publication.
    """
    return page.first_published_at is not None


def is_tracking_parameter(name):
    """Whether the query parameter ``name`` only says where the visitor comes from."""
    return name.startswith("utm_") or name in TRACKING_PARAMETERS


def split_tracking(path):
    """``(path, tracking)``: ``path`` without its tracking parameters, and those parameters.

    The query is split as written, not decoded, so that what remains is still the address
    as Wagtail files it.
    """
    parts = urlsplit(path)
    fields = parts.query.split("&") if parts.query else []
    kept = [field for field in fields if not is_tracking_parameter(field.split("=")[0])]
    tracking = [field for field in fields if is_tracking_parameter(field.split("=")[0])]
    return urlunsplit(parts._replace(query="&".join(kept))), tracking


def with_tracking(link, tracking):
    """``link`` with the visitor's tracking parameters added to its own query."""
    if not tracking:
        return link
    parts = urlsplit(link)
    return urlunsplit(parts._replace(query="&".join(filter(None, [parts.query, *tracking]))))


def follows_a_page(redirect):
    """Whether ``redirect`` leads from an address a page answered to the page's new one.

    Wagtail makes such a redirect for the page's own address and for each route it lists
    (``get_route_paths``: an agenda's ``json/``, an activity's booking form) when the page
    is renamed or moved; an editor may point one at a page's route too. The old address
    took the same query as the new one does: a feed reader's ``updated_since`` and
    cursor, an agenda's filters, a page number. A row filed with a query of its own (a
    former site's ``agenda.php?id=7``) is left out: that query chose the row.
    """
    return (
        redirect.redirect_page_id is not None
        and (redirect.automatically_created or bool(redirect.redirect_page_route_path))
        and "?" not in redirect.old_path
    )


def carried_query(redirect, path, tracking):
    """The query fields of ``path`` that go on to ``redirect``'s new address: all of
    them when it follows a page (:func:`follows_a_page`), else its tracking parameters."""
    if not follows_a_page(redirect):
        return tracking
    query = urlsplit(path).query
    return query.split("&") if query else []


def addresses_to_try(path):
    """The addresses a redirect may be filed under for ``path``, the closest first.

    The address as asked, then without tracking parameters, then without any query (as
    Wagtail's middleware does), each with the tracking parameters to carry to the new
    address.
    """
    untracked, tracking = split_tracking(path)
    tried = {}
    for address, carried in ((path, []), (untracked, tracking), (urlsplit(path).path, tracking)):
        tried.setdefault(address, carried)
    return tried.items()


def leads_back(redirect, request, path):
    """Whether ``redirect`` sends the visitor asking for ``path`` to that very address.

    Such a row (an imported line whose new address is its old one) answers nothing while a
    page has the address, then, once the page is renamed, answers with a redirect to itself
    for ever: Wagtail adds no redirect of its own for an address a row already holds.
    """
    target = urlsplit(redirect.link)
    if target.hostname and target.hostname != split_domain_port(request.get_host())[0]:
        return False
    target_path = Redirect.normalise_path(urlunsplit(("", "", target.path, target.query, "")))
    return target_path in {redirect.old_path, Redirect.normalise_path(path)}


def leads_to_unpublished_page(redirect):
    """Whether ``redirect`` leads to a page that is not published, so ends on "not found".

    The old address then answers "not found" itself rather than with a permanent redirect:
    browsers remember a permanent redirect for good and search engines move the address
    to its target, a "not found" is neither; once the page is published again, the redirect
    answers again, nothing lost. A temporary redirect would only send the visitor to the
    same "not found", one request later.
    """
    return redirect.redirect_page_id is not None and not redirect.redirect_page.live


class CentreRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, answered only when they lead somewhere other than the address asked.

    Like Wagtail's middleware, this one looks for a redirect only for an address the site
    answers with "not found", so pages cost no query more. It differs in four ways:

    - a redirect to the address asked is ignored (see :func:`leads_back`): the page there or
      "not found" answers, not a redirect loop;
    - an address with tracking parameters (``utm_source``, ``fbclid``...) finds the redirect
      of the address without them, and the parameters go on to the new address, so that the
      campaign that brought the visitor is still counted there;
    - the old address of a renamed or moved page, or of one of its routes, keeps its whole
      query (see :func:`follows_a_page`): a feed reader asking ``json/?updated_since=…``
      gets what changed since then, not the first page of everything;
    - a redirect to an unpublished page is ignored (see :func:`leads_to_unpublished_page`).

    An ignored redirect counts as absent: the next, less precise address is tried.
    """

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        for address, tracking in addresses_to_try(path):
            redirect = get_redirect(request, address)
            if redirect is None or not self.leads_elsewhere(redirect, request, path):
                continue
            link = with_tracking(redirect.link, carried_query(redirect, path, tracking))
            if redirect.is_permanent:
                return http.HttpResponsePermanentRedirect(link)
            return http.HttpResponseRedirect(link)
        return response

    @staticmethod
    def leads_elsewhere(redirect, request, path):
        """Whether ``redirect`` leads somewhere a visitor asking for ``path`` can go."""
        return (
            redirect.link is not None
            and not leads_back(redirect, request, path)
            and not leads_to_unpublished_page(redirect)
        )
