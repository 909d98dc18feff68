"""Document uploads that tell the editor, rather than fail, when the server cannot store them.

A ``documents/`` folder the site cannot write, or a full disk, gave editors a server error
on upload, and the bulk upload a bare "Sorry, upload failed". They get a message in their
language instead, the log says where the file was to go, and no document is left behind
without its file, nor a file without its document when the database cannot save the row.
"""

from wagtail.documents.forms import BaseDocumentForm

from .image_uploads import StoredUploadForm


class DocumentForm(StoredUploadForm, BaseDocumentForm):
    """The admin's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), single and bulk uploads."""
