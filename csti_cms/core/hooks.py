"""Wagtail hooks the core calls, so that other layers can shape what it shows.

The core never imports plugins or the plugin framework; they register for these
hooks (``wagtail.hooks.register``) instead.

``csti_filter_public_pages``
    ``fn(queryset, request) -> queryset``: narrows the pages the public site lists
    (menus, sitemap, search, listings). The plugin framework uses it to leave out
    pages of plugins switched off on the request's site.

``csti_is_block_available``
    ``fn(block_name, owner, site) -> bool``: see :mod:`csti_cms.blocks.slots`.

``csti_page_head``
    ``fn(request, page) -> safe HTML``: extra elements for ``<head>`` of public pages.

``csti_extra_subpage_types``
    ``fn(parent_model) -> iterable of page models``: page types that may be
    created under a core page type besides its own ``subpage_types`` (plugin pages
    that name a core page in their ``parent_page_types``).
"""

from wagtail import hooks

FILTER_PUBLIC_PAGES = "csti_filter_public_pages"
EXTRA_SUBPAGE_TYPES = "csti_extra_subpage_types"
PAGE_HEAD = "csti_page_head"


def public_pages(queryset, request):
    """Apply every registered public-page filter to ``queryset``."""
    for fn in hooks.get_hooks(FILTER_PUBLIC_PAGES):
        queryset = fn(queryset, request)
    return queryset


def extra_subpage_types(parent_model):
    models = []
    for fn in hooks.get_hooks(EXTRA_SUBPAGE_TYPES):
        models.extend(fn(parent_model))
    return models


def page_head(request, page):
    return [fn(request, page) for fn in hooks.get_hooks(PAGE_HEAD)]
