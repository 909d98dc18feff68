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

``csti_footer_links``
    ``fn(request) -> list of (text, url)``: links added to the site footer.

``csti_organization_jsonld``
    ``fn(site, request) -> dict``: properties merged into the schema.org
    ``Organization`` describing the centre (lists are extended, e.g. ``memberOf``).

``csti_demo_content``
    ``fn(loader)``: called at the end of ``load_demo_content`` with the
    :class:`~csti_cms.core.demo_content.DemoContentLoader` (its ``site``, ``locales``,
    ``refs`` of loaded pages, images and documents, and ``report``), so an app or
    plugin adds its own demo content. It must be safe to run twice:
    ``loader.ensure_page(model, parent, spec)`` and ``loader.ensure_translated(model, spec)``
    create a page or snippet with its translations only where missing.

``csti_demo_dates``
    ``fn(loader, instance)``: called by ``load_demo_content`` once a page or snippet has
    its fields and before it is saved, so an app moves dates the demo computed from
    ``loader.today`` (the visit app keeps demo events off the days the centre is closed).

``csti_launch_checklist``
    ``fn(site) -> list of LaunchGap``: what ``site`` still lacks before visitors and its
    teams can rely on it, listed on the admin dashboard with a link to the setting that
    closes it (:mod:`csti_cms.core.launch_checklist`). A gap made with ``optional=True``
    is advice: listed after the others, it never keeps the list on the dashboard alone.

``csti_erase_personal_data``
    ``fn(before, dry_run) -> {model: count}``: called by ``erase_old_personal_data``
    (:mod:`csti_cms.enquiries.retention`), in its transaction, so an app or plugin erases
    the personal details it keeps. Erase at the latest what was collected before
    ``before`` (the install's retention period), sooner what is needed for less long;
    with ``dry_run`` only count. Return the number of objects erased (or due) per model.

``csti_centre_records``
    ``fn() -> list of (model, field name)``: the visitors' records an app or plugin keeps
    on pages, by the foreign key to their page (a declaration's endorsements).
    ``manage.py remove_centre`` (:mod:`csti_cms.core.centre_removal`) counts those of the
    leaving centre's pages and removes them with their admin history; rows tied to the
    site itself are found without the hook.

"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks

from csti_cms.core.caching import cached

FILTER_PUBLIC_PAGES = "csti_filter_public_pages"
PAGE_HEAD = "csti_page_head"
DEMO_CONTENT = "csti_demo_content"
FOOTER_LINKS = "csti_footer_links"
ORGANIZATION_JSONLD = "csti_organization_jsonld"
ERASE_PERSONAL_DATA = "csti_erase_personal_data"
CENTRE_RECORDS = "csti_centre_records"


def public_pages(queryset, request):
    """Apply every registered public-page filter to ``queryset``.

    Pages whose type is no longer installed (a plugin or app removed while its pages
    remain) are left out first: they cannot be shown, and answer 404.
    """
    missing = page_types_without_model()
    if missing:
        queryset = queryset.exclude(content_type__in=missing)
    for fn in hooks.get_hooks(FILTER_PUBLIC_PAGES):
        queryset = fn(queryset, request)
    return queryset


def page_head(request, page):
    return [fn(request, page) for fn in hooks.get_hooks(PAGE_HEAD)]


def footer_links(request):
    return [link for fn in hooks.get_hooks(FOOTER_LINKS) for link in fn(request)]


def organization_extensions(site, request):
    return [fn(site, request) for fn in hooks.get_hooks(ORGANIZATION_JSONLD)]


def page_types_without_model():
    """Ids of the content types whose model is not installed: pages of such a type are orphans.

    Read from the cache: the list changes only when the code installed does.
    """
    return cached(
        "content-types-without-model",
        lambda: [kind.pk for kind in ContentType.objects.all() if kind.model_class() is None],
    )
