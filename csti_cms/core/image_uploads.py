"""Image uploads that refuse, with a message, files a page could not show or the server could
not store.

Wagtail reads an upload's size by decoding it, and lets the image library's error through
when the file is damaged: a photo cut short by a failed transfer, or corrupted on a memory
card, gave editors a server error on upload. They get a message in their language instead.
So they do when the media folder cannot take the file (see :class:`StoredUploadForm`).
"""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete, so pages could not show it. "
    "Open it on your computer to check it, or export it again, then upload it."
)

NOT_STORED_MESSAGE = _("The server could not store the file. Please tell your site administrator.")


class StoredUploadForm:
    """A form of Wagtail's media library that stores its upload while it is validated.

    Saving the model writes the file, and Wagtail's views save after the form is valid
    (the bulk upload in the view itself, after ``form.save(commit=False)``): a media
    folder the site cannot write, or a full disk, was a server error there, with no way
    back to the form. The file is therefore written once the form has no other error, as
    saving would write it; when the server cannot, the form is invalid with a message in
    the editor's language, which the bulk upload sends back as its error, and nothing is
    saved to the database. Saving then finds the file written and does not write it again.
    """

    def _post_clean(self):
        super()._post_clean()
        upload = self.instance.file
        if self.errors or "file" not in self.changed_data or upload._committed:
            return
        try:
            upload.save(upload.name, upload.file, save=False)
        except OSError as error:
            self._refuse_unstored(upload, error)

    def _refuse_unstored(self, upload, error):
        """One line for the operator, naming where the file was to go; no traceback."""
        logger.error(
            "Upload %r could not be stored as %s in %s: %s",
            upload.name,
            upload.field.generate_filename(self.instance, upload.name),
            getattr(upload.storage, "location", type(upload.storage).__name__),
            error,
        )
        self.add_error("file", ValidationError(NOT_STORED_MESSAGE, code="not_stored"))


class WholeImageField(WagtailImageField):
    """Wagtail's image field, refusing a file the image library cannot decode."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except OSError:
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None


class ImageForm(StoredUploadForm, BaseImageForm):
    """The admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), single and bulk uploads.

    The field is made with each form, as Wagtail makes its own: its help text and messages
    are written when it is made, in the editor's language, with the upload limits of the
    settings.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:
            self.fields["file"] = WholeImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )
