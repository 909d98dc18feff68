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
from wagtail.models import Locale, Site

from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import pages_of_site, x_default_language

logger = logging.getLogger(__name__)


class MultilingualSitemap(Sitemap):
    def items(self):
        # Wagtail falls back to the default site, and fails when there is none.
        if Site.find_for_request(self.request) is None:
            raise Http404("No site answers at this address.")
        pages = pages_of_site(self.get_wagtail_site())
        pages = public_pages(pages, self.request).filter(alias_of__isnull=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        # The specific pages do not keep a select_related("locale"): the few locales are
        # read once, not once per page with translations.
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        by_key = defaultdict(list)
        for item in pages:
            by_key[item.translation_key].append(item)
        urls = []
        unaddressed = []
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                if url_info["location"] is None:
                    unaddressed.append(item.pk)
                    continue
                alternates = self._alternates(by_key[item.translation_key], languages)
                if len(alternates) > 1:
                    url_info["alternates"] = alternates + self._x_default(alternates)
                urls.append(url_info)
        if unaddressed:
            self._warn_of_pages_without_address(unaddressed)
        return urls

    def _alternates(self, siblings, languages):
        """The language versions of a page that have an address: a ``None`` one would be
        written as the text "None", which search engines report as a broken link."""
        alternates = []
        for other in siblings:
            location = other.get_full_url(self.request)
            if location is not None:
                alternates.append({"lang_code": languages[other.locale_id], "location": location})
        return alternates

    def _x_default(self, alternates):
        """The ``x-default`` alternate, as a list of none or one: the version the pages' own
        ``hreflang`` links name (:func:`~csti_cms.core.i18n.x_default_language`), as search
        engines compare the two. None when no version is in a language the site offers."""
        by_language = {alternate["lang_code"]: alternate["location"] for alternate in alternates}
        language = x_default_language(self.get_wagtail_site(), by_language)
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
