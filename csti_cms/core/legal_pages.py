"""The privacy policy, legal notice and accessibility statement, which every page and form
must lead to, and the eco-design statement, which a centre may add beside them.

Data-protection law (the GDPR) asks whoever collects personal details to say, where
they are collected, how they are used: every public form links to the privacy policy.
French and Belgian law ask a site to name its publisher, and to state on every page how
accessible it is, leading to its accessibility statement: the footer links to all three.
French public bodies also publish how their site keeps its weight and energy use down (an
eco-design statement against the RGESN), as many European centres do of their own accord:
the footer links to it when the centre has chosen one.
A centre chooses the pages in its contact details settings, in any language; each
language links to its own live translation, else to the one chosen, else to any live
translation: the policy stays reachable as long as one is published, never through a 404.
The setting outlives the deletion of the page it names while a translation remains
(:func:`csti_cms.core.models.settings.move_to_a_translation`).
"""

from typing import NamedTuple

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from csti_cms.core.caching import cached
from csti_cms.core.hooks import public_pages
from csti_cms.core.i18n import restricted_paths
from csti_cms.core.models import ContactSettings

#: The settings fields of the pages, by the name templates read them under.
LEGAL_PAGE_FIELDS = {
    "privacy": "privacy_page_id",
    "legal_notice": "legal_notice_page_id",
    "accessibility": "accessibility_statement_page_id",
    "ecodesign": "ecodesign_statement_page_id",
}


class LegalLink(NamedTuple):
    """Where a legal page is read, and in which language when it is not the visitor's (its
    translation is not published): the footer then says so, as WCAG 3.1.2 asks."""

    url: str
    other_language: str | None


def legal_page_links(request):
    """``{"privacy": LegalLink, "legal_notice": LegalLink, "accessibility": LegalLink,
    "ecodesign": LegalLink}`` in the active language, for those set.

    Read once per site, language and publication (:func:`csti_cms.core.caching.cached`):
    the footer of every page asks for them.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {}
    language = get_language()
    return cached(f"legal-links:{site.pk}:{language}", lambda: _read_links(request, site, language))


def _read_links(request, site, language):
    contact = ContactSettings.for_site(site)
    chosen = {name: getattr(contact, field) for name, field in LEGAL_PAGE_FIELDS.items()}
    chosen = {name: pk for name, pk in chosen.items() if pk}
    if not chosen:
        return {}
    keys = dict(Page.objects.filter(pk__in=chosen.values()).values_list("pk", "translation_key"))
    versions = public_pages(
        Page.objects.filter(translation_key__in=keys.values()).live().select_related("locale"),
        request,
    )
    restricted = tuple(restricted_paths())
    shown = [version for version in versions if not version.path.startswith(restricted)]
    links = {}
    for name, pk in chosen.items():
        translations = [version for version in shown if version.translation_key == keys.get(pk)]
        if translations:
            best = min(translations, key=lambda version: _preference(version, pk, language))
            code = best.locale.language_code
            links[name] = LegalLink(best.get_url(request), None if code == language else code)
    return {name: link for name, link in links.items() if link.url}


def _preference(version, chosen_pk, language):
    """Rank of a live translation for visitors reading ``language``: theirs, then the one
    the centre chose, then the others in the order of ``LANGUAGES``."""
    languages = [code for code, _name in settings.LANGUAGES]
    code = version.locale.language_code
    if code == language:
        return (0, 0)
    if version.pk == chosen_pk:
        return (1, 0)
    return (2, languages.index(code) if code in languages else len(languages))
