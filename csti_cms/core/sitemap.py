"""A sitemap covering the site in every language, with hreflang alternates.

Wagtail's own sitemap lists the default site root's tree only; with one tree per
locale, the translations would be missing. Each URL here carries links to its
other language versions, grouped in memory from one query.
"""

from collections import defaultdict

from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Site

from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import pages_of_site


class MultilingualSitemap(Sitemap):
    def items(self):
        # Wagtail falls back to the default site, and fails when there is none.
        if Site.find_for_request(self.request) is None:
            raise Http404("No site answers at this address.")
        pages = pages_of_site(self.get_wagtail_site())
        pages = public_pages(pages, self.request)
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
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                siblings = by_key[item.translation_key]
                if len(siblings) > 1:
                    url_info["alternates"] = [
                        {
                            "lang_code": languages[other.locale_id],
                            "location": other.get_full_url(self.request),
                        }
                        for other in siblings
                    ]
                urls.append(url_info)
        return urls
