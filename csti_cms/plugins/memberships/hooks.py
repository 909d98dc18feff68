"""Extension points the memberships plugin implements (see csti_cms.plugins.extension_points)."""

from django.templatetags.static import static
from django.utils.html import format_html

from csti_cms.plugins import hookimpl

from .blocks import SLOT_BLOCKS
from .listing import organization_jsonld

#: The names our blocks take in the pages' StreamFields.
BLOCK_NAMES = {name for blocks in SLOT_BLOCKS.values() for name, _block in blocks}


@hookimpl
def csti_page_head(page):
    """Our stylesheet, on the pages that show memberships: the memberships page and pages
    with a networks block. Read from the page's stored blocks, without a query."""
    if not shows_memberships(page):
        return None
    return format_html('<link rel="stylesheet" href="{}">', static("memberships/memberships.css"))


def shows_memberships(page):
    from .models import MembershipsPage

    if page is None:
        return False
    if isinstance(page, MembershipsPage):
        return True
    return any(block_types(getattr(page, field, None)) & BLOCK_NAMES for field in SLOT_BLOCKS)


def block_types(stream):
    """The types of ``stream``'s top-level blocks, read from its raw data (no query)."""
    raw = getattr(stream, "raw_data", None)
    return {child.get("type") for child in raw or () if isinstance(child, dict)}


@hookimpl
def csti_organization_jsonld(site, request):
    """The centre's current memberships, as ``memberOf`` of its schema.org Organization."""
    return organization_jsonld(request, site) or None
