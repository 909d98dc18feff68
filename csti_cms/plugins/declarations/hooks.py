"""Extension points the declarations plugin implements (see csti_cms.plugins.extension_points)."""

from django.templatetags.static import static
from django.utils.html import format_html

from csti_cms.plugins import hookimpl


@hookimpl
def csti_page_head():
    return format_html('<link rel="stylesheet" href="{}">', static("declarations/declarations.css"))
