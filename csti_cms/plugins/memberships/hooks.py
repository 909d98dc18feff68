"""Extension points the memberships plugin implements (see csti_cms.plugins.extension_points)."""

from django.templatetags.static import static
from django.utils.html import format_html

from csti_cms.plugins import hookimpl

from .listing import organization_jsonld


@hookimpl
def csti_page_head():
    return format_html('<link rel="stylesheet" href="{}">', static("memberships/memberships.css"))


@hookimpl
def csti_organization_jsonld(site, request):
    """The centre's current memberships, as ``memberOf`` of its schema.org Organization."""
    return organization_jsonld(request, site) or None
