"""A sitemap covering the site in every language, with hreflang alternates.

Wagtail's own sitemap lists the default site root's tree only; with one tree per
locale, the translations would be missing. Each URL here carries links to its
other language versions, grouped in memory from one query.

Aliases (pages kept the same as another, placed elsewhere: another centre's agenda,
another index) are left out: their canonical address is their original's, which the
sitemap of the original's site lists (``i18n.canonical_url``).
"""

import logging
from collections import defaultdict

from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page, Site

from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import pages_of_site, x_default_language

logger = logging.getLogger(__name__)


#: What the sitemap reads of a page: its address is made of its path in the tree, its
#: language versions share its translation key, and its entry says when it changed
#: (:meth:`wagtail.models.Page.get_sitemap_urls`).
SITEMAP_FIELDS = (
    "url_path",
    "translation_key",
    "locale",
    "content_type",
    "last_published_at",
    "latest_revision_created_at",
)

#: What makes a page's address and sitemap entries. A page type that redefines one of
#: them (a routable page listing its routes too) is read as its own type, to answer
#: them its way; the others are answered by :class:`~wagtail.models.Page` itself.
ADDRESS_METHODS = ("get_url_parts", "get_full_url", "get_sitemap_urls")


def has_own_addresses(model):
    return any(getattr(model, name) is not getattr(Page, name) for name in ADDRESS_METHODS)


class MultilingualSitemap(Sitemap):
    def __init__(self, request=None):
        super().__init__(request)
        #: The ``x-default`` language of each set of languages pages are published in.
        self._x_default_languages = {}

    def items(self):
        # Wagtail falls back to the default site, and fails when there is none.
        if Site.find_for_request(self.request) is None:
            raise Http404("No site answers at this address.")
        pages = pages_of_site(self.get_wagtail_site())
        pages = public_pages(pages, self.request).filter(alias_of__isnull=True)
        # Plain pages with the few fields an entry reads, not each page as its own type:
        # with thousands of pages, building them took most of the sitemap's time.
        return pages.live().public().order_by("path").only(*SITEMAP_FIELDS)

    def _urls(self, page, protocol, domain):
        pages = own_types_where_needed(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        # Each page's address once: every language version lists all the others.
        locations = {item.pk: item.get_full_url(self.request) for item in pages}
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls = []
        unaddressed = []
        for item in pages:
            for url_info in self._entries(item, locations[item.pk]):
                if url_info["location"] is None:
                    unaddressed.append(item.pk)
                    continue
                alternates = self._alternates(by_key[item.translation_key], locations, languages)
                if len(alternates) > 1:
                    url_info["alternates"] = alternates + self._x_default(alternates)
                urls.append(url_info)
        if unaddressed:
            self._warn_of_pages_without_address(unaddressed)
        return urls

    def _entries(self, item, location):
        """The sitemap entries of ``item``: those of :meth:`Page.get_sitemap_urls
        <wagtail.models.Page.get_sitemap_urls>`, with the address already found, unless
        its type makes its own."""
        if has_own_addresses(type(item)):
            return item.get_sitemap_urls(self.request)
        return [
            {
                "location": location,
                "lastmod": item.last_published_at or item.latest_revision_created_at,
            }
        ]

    def _alternates(self, siblings, locations, languages):
        """The language versions of a page that have an address: a ``None`` one would be
        written as the text "None", which search engines report as a broken link."""
        return [
            {"lang_code": languages[other.locale_id], "location": locations[other.pk]}
            for other in siblings
            if locations[other.pk] is not None
        ]

    def _x_default(self, alternates):
        """The ``x-default`` alternate, as a list of none or one: the version the pages' own
        ``hreflang`` links name (:func:`~csti_cms.core.i18n.x_default_language`), as search
        engines compare the two. None when no version is in a language the site offers."""
        by_language = {alternate["lang_code"]: alternate["location"] for alternate in alternates}
        codes = frozenset(by_language)
        if codes not in self._x_default_languages:  # a few sets of languages, many pages
            self._x_default_languages[codes] = x_default_language(self.get_wagtail_site(), codes)
        language = self._x_default_languages[codes]
        return [{"lang_code": "x-default", "location": by_language[language]}] if language else []

    def _warn_of_pages_without_address(self, page_ids):
        """One warning per sitemap, not one per page: the operator learns that pages of the
        site have no address (no site of Settings > Sites covers them) and which ones."""
        logger.warning(
            "The sitemap of %s leaves out %s live page(s) that have no address (ids %s): "
            "no site under Settings > Sites covers them.",
            self.request.get_host(),
            len(page_ids),
            ", ".join(str(page_id) for page_id in page_ids),
        )


def own_types_where_needed(pages):
    """``pages`` (plain pages), each of a type with :func:`its own addresses
    <has_own_addresses>` replaced by its specific page, in one query per such type."""
    pages = list(pages)
    needed = [item.pk for item in pages if has_own_addresses(item.specific_class or Page)]
    if not needed:
        return pages
    specific = Page.objects.filter(pk__in=needed).defer_streamfields().specific().in_bulk()
    return [specific.get(item.pk, item) for item in pages]
