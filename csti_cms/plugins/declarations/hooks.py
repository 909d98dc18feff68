"""Extension points the declarations plugin implements (see csti_cms.plugins.extension_points)."""

from django.templatetags.static import static
from django.utils.html import format_html

from csti_cms.plugins import hookimpl

from .blocks import SLOT_BLOCKS

#: The names our blocks take in the pages' StreamFields.
BLOCK_NAMES = {name for blocks in SLOT_BLOCKS.values() for name, _block in blocks}


@hookimpl
def csti_page_head(page):
    """Our stylesheet, on the pages that show declarations: the declarations' own pages
    (their endorsement forms included) and pages with a featured declaration block. Read
    from the page's stored blocks, without a query."""
    if not shows_declarations(page):
        return None
    return format_html('<link rel="stylesheet" href="{}">', static("declarations/declarations.css"))


def shows_declarations(page):
    from .models import DeclarationIndexPage, DeclarationPage

    if page is None:
        return False
    if isinstance(page, (DeclarationIndexPage, DeclarationPage)):
        return True
    return any(block_types(getattr(page, field, None)) & BLOCK_NAMES for field in SLOT_BLOCKS)


def block_types(stream):
    """The types of ``stream``'s top-level blocks, read from its raw data (no query)."""
    raw = getattr(stream, "raw_data", None)
    return {child.get("type") for child in raw or () if isinstance(child, dict)}
