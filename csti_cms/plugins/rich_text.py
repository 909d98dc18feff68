"""Links in rich text lead only to pages the visitor's site shows, as link blocks do.

An editor links a declaration from a paragraph while the declarations plugin is on;
once a centre switches it off, that page answers 404 there. Likewise a page since
unpublished, or restricted to some visitors (password, login), would answer 404 or ask
to log in, and its link would tell what it hides. Wagtail's page link handler knows
neither the site nor the visitor, so the link would stay. This one resolves links as
:func:`csti_cms.core.i18n.localize_pages` does for the request being answered, and
renders a link to a page the site does not show as Wagtail renders a link to a deleted
page: an ``<a>`` without ``href``, its text left as it was.
"""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from csti_cms.core.i18n import localize_page_ids, page_ids
from csti_cms.core.middleware import current_request


class PublicPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, leaving out pages the visitor's site does not show.

    The links of a page body are read with its blocks' links, in one query
    (:func:`csti_cms.blocks.links.resolve_page_links`); any other rich text reads its
    links in one query: the linked pages, their live translations in the active
    language (Wagtail's ``page.localized`` would ask once per link) and the public-page
    filters. Outside a request no site is known: only links to unpublished pages lose
    their address, as those answer 404 on every site.
    """

    @classmethod
    def get_many(cls, attrs_list):
        """The page each link leads to: its live translation, else itself if live and shown;
        otherwise ``None``."""
        # An id that is no page id (a link pasted from elsewhere, a damaged import) leads
        # nowhere, as a deleted page does.
        ids = [next(page_ids([str(attrs.get("id"))]), None) for attrs in attrs_list]
        pages = localize_page_ids([pk for pk in ids if pk is not None], request=current_request())
        shown = [pages.get(pk) for pk in ids]
        return [page if page is not None and page.live else None for page in shown]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.url)}">' if page else "<a>" for page in cls.get_many(attrs_list)
        ]
