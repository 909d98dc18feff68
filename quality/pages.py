"""Which page of the demo is of which page type, so benchmarks cover every type it has.

Needs Django set up on the demo's database (the benchmarks do it in their own
process, on the database of the server they measure).
"""

from urllib.parse import urlsplit

NOT_A_PAGE = "(not a page)"


def page_types():
    """``{path: page type name}`` of every live public page."""
    from wagtail.models import Page

    return {
        urlsplit(page.url).path: type(page).__name__
        for page in Page.objects.live().public().specific()
        if page.url
    }


def one_of_each_type(sitemap_pages, types):
    """The first sitemap page of each page type, in the order of the sitemap."""
    chosen = {}
    for page in sitemap_pages:
        kind = types.get(urlsplit(page.url).path, NOT_A_PAGE)
        chosen.setdefault(kind, page)
    return chosen
