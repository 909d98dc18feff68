"""The privacy policy and legal notice, which every page and form must lead to.

Data-protection law (the GDPR) asks whoever collects personal details to say, where
they are collected, how they are used: every public form links to the privacy policy.
French and Belgian law ask a site to name its publisher: the footer links to both.
A centre chooses the pages in its contact details settings, in any language; each
language links to its own live translation, or to no page at all, never to a 404.
"""

from django.utils.translation import get_language
from wagtail.models import Page, Site

from csti_cms.core.caching import cached
from csti_cms.core.i18n import localize_pages
from csti_cms.core.models import ContactSettings

#: The settings fields of the pages, by the name templates read them under.
LEGAL_PAGE_FIELDS = {"privacy": "privacy_page_id", "legal_notice": "legal_notice_page_id"}


def legal_page_urls(request):
    """``{"privacy": url, "legal_notice": url}`` in the active language, for those set.

    Read once per site, language and publication (:func:`csti_cms.core.caching.cached`):
    the footer of every page asks for them.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {}
    language = get_language()
    return cached(f"legal-pages:{site.pk}:{language}", lambda: _read_urls(request, site, language))


def _read_urls(request, site, language):
    contact = ContactSettings.for_site(site)
    chosen = {name: getattr(contact, field) for name, field in LEGAL_PAGE_FIELDS.items()}
    chosen = {name: pk for name, pk in chosen.items() if pk}
    if not chosen:
        return {}
    pages = Page.objects.in_bulk(set(chosen.values()))
    names = [name for name, pk in chosen.items() if pk in pages]
    localized = localize_pages([pages[chosen[name]] for name in names], language, request)
    return {
        name: page.get_url(request)
        for name, page in zip(names, localized, strict=True)
        if page is not None and page.live
    }
