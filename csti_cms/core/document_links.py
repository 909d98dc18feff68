"""Links to documents in rich text say the file's type and size, as the downloads block does.

A visitor on a phone about to open a 12 MB PDF, or a screen-reader user who cannot see the
file's icon in the browser's status bar, should know what a link leads to before following
it. Wagtail's document link handler renders a bare ``<a href>``, and a link handler writes
only the opening tag: the description travels in a ``data-file`` attribute that the theme
shows after the link text (``a[data-file]::after``), which browsers include in the link's
accessible name.
"""

from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler

from csti_cms.core.file_sizes import readable_file_size


def file_description(document):
    """ "PDF, 146 kB": the file's type and, when Wagtail recorded it, its size, in the
    active language. The stored size only: reading the file would cost each view a disk
    (or object storage) access."""
    kind = document.file_extension.upper()
    if not document.file_size:
        return kind
    return f"{kind}, {readable_file_size(document.file_size)}"


class DescribedDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's document links, with the file's type and size (:func:`file_description`)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            format_html('<a href="{}" data-file="{}">', document.url, file_description(document))
            if document
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]
