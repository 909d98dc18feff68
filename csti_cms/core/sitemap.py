"""A sitemap covering the site in every language, with hreflang alternates.

Wagtail's own sitemap lists the default site root's tree only; with one tree per
locale, the translations would be missing. Each URL here carries links to its
other language versions, grouped in memory from one query.
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from csti_cms.core.hooks import public_pages


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).live()
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        if not in_any_tree:
            return Page.objects.none()
        pages = public_pages(Page.objects.filter(in_any_tree), self.request)
        return (
            pages.live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .select_related("locale")
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
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
                            "lang_code": other.locale.language_code,
                            "location": other.get_full_url(self.request),
                        }
                        for other in siblings
                    ]
                urls.append(url_info)
        return urls
