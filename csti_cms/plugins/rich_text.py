"""Links in rich text follow the site's plugin switches, as link blocks do.

An editor links a declaration from a paragraph while the declarations plugin is on;
once a centre switches it off, that page answers 404 there. Wagtail's page link
handler does not know the site, so the link would stay. This one asks
:func:`csti_cms.core.hooks.public_pages` about the site of the request being answered
and renders a link to a page the site does not show as Wagtail renders a link to a
deleted page: an ``<a>`` without ``href``, its text left as it was.
"""

from django.db.models import Q
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from csti_cms.core.hooks import public_pages
from csti_cms.core.middleware import current_request


class PublicPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, leaving out pages the visitor's site does not show.

    One query (and one per page type, for the specific pages) serves all the page links
    of a rich text: the linked pages, their live translations in the active language
    (Wagtail's ``page.localized`` would ask once per link) and the public-page filters.
    Outside a request no site is known, and links are kept as Wagtail keeps them.
    """

    @classmethod
    def get_many(cls, attrs_list):
        """The page each link leads to: its live translation, else itself; ``None`` if hidden."""
        ids = [attrs.get("id") for attrs in attrs_list]
        language = get_language()
        candidates = Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                locale__language_code=language,
                live=True,
            )
        )
        request = current_request()
        if request is not None:
            candidates = public_pages(candidates, request)
        candidates = candidates.defer_streamfields().specific()
        by_pk, translations = {}, {}
        for page in candidates.select_related("locale", for_specific_subqueries=True):
            by_pk[str(page.pk)] = page
            if page.live and page.locale.language_code == language:
                translations[page.translation_key] = page
        pages = [by_pk.get(str(pk)) for pk in ids]
        return [page and translations.get(page.translation_key, page) for page in pages]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.url)}">' if page else "<a>" for page in cls.get_many(attrs_list)
        ]
