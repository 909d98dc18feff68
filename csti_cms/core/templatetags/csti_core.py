"""Template tags of the default theme: language switcher, menu, SEO helpers."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from csti_cms.core import hooks, i18n, icons, navigation, routing, seo
from csti_cms.core.legal_pages import legal_page_links as read_legal_page_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    # Views that are not pages (search) have no ``page`` in their context.
    return i18n.language_versions(context["request"], page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def hreflang_links(context, versions, page=None):
    page = page if isinstance(page, Page) else None
    return i18n.hreflang_links(context["request"], versions, page)


@register.simple_tag
def open_graph_locale(code, country=""):
    """``fr_BE`` for French on a Belgian centre's site (see ``i18n.open_graph_locale``)."""
    return i18n.open_graph_locale(code, country)


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None, versions=()):
    """The absolute canonical address of what the request shows (see ``i18n.canonical_url``)."""
    page = page if isinstance(page, Page) else None
    return i18n.canonical_url(context["request"], page, versions or ())


@register.simple_tag(takes_context=True)
def main_menu(context):
    return navigation.main_menu(context["request"])


@register.simple_tag(takes_context=True)
def audience_hubs(context, page=None):
    """The audience entry points, each with its ``aria-current`` value for ``page``."""
    path = page.path if isinstance(page, Page) else None
    links = []
    for hub in navigation.audience_hubs(context["request"]):
        if path == hub.path:
            current = "page"
        elif path and path.startswith(hub.path):
            current = "true"
        else:
            current = None
        links.append({"page": hub, "current": current})
    return links


@register.simple_tag(takes_context=True)
def site_home(context):
    return navigation.localized_site_root(context["request"])


@register.simple_tag(takes_context=True)
def linkable_parent(context, page):
    """The listing above ``page``, or ``None`` where it would answer 404 (see
    ``navigation.linkable_parent``)."""
    return navigation.linkable_parent(context["request"], page)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def page_head_extras(context, page=None):
    """What other layers (plugins) add to ``<head>`` for this page."""
    fragments = hooks.page_head(context["request"], page if isinstance(page, Page) else None)
    return mark_safe("\n".join(str(fragment) for fragment in fragments if fragment))  # noqa: S308


@register.simple_tag(takes_context=True)
def organization_jsonld(context):
    """The centre's schema.org Organization, for the home page."""
    request = context["request"]
    site = Site.find_for_request(request)
    return seo.json_ld_script(seo.organization(request, site)) if site else ""


@register.simple_tag(takes_context=True)
def footer_links(context):
    return hooks.footer_links(context["request"])


@register.simple_tag(takes_context=True)
def legal_page_links(context):
    """The privacy policy's and legal notice's addresses and, for a page read in another
    language than the visitor's, that language (:mod:`csti_cms.core.legal_pages`)."""
    request = context.get("request")
    return read_legal_page_links(request) if request else {}


@register.filter
def autocomplete(bound_field, token):
    """``bound_field`` with the ``autocomplete`` token browsers and password managers read
    (WCAG 1.3.5, 3.3.8), for a form whose class the site does not own: Wagtail's page
    password form gives its password field none."""
    bound_field.field.widget.attrs["autocomplete"] = token
    return bound_field


@register.simple_tag
def language_name_in_text(code):
    """The name of a language as a sentence writes it ("(en néerlandais)")."""
    return i18n.language_name_in_text(code)


@register.simple_tag(takes_context=True)
def breadcrumb_ancestors(context, page):
    """The pages above ``page`` from the site's home down (routing has usually read them).

    Otherwise (a preview, say) they are read from the tree, starting at the depth of the
    site's home: a network may file its centres' homes below a folder of no site.
    """
    known = routing.route_ancestors(page)
    if known is not None:
        return known
    request = context.get("request")
    home = routing.site_home(request) if request else None
    return list(page.get_ancestors().filter(depth__gte=home.depth if home else 2))


@register.inclusion_tag("includes/site_icons.html", takes_context=True)
def site_icons(context):
    icon, touch_icon = icons.site_icon_urls(context["request"])
    return {"icon": icon, "touch_icon": touch_icon}
