"""Image uploads that refuse, with a message, files a page could not show.

Wagtail reads an upload's size by decoding it, and lets the image library's error through
when the file is damaged: a photo cut short by a failed transfer, or corrupted on a memory
card, gave editors a server error on upload. They get a message in their language instead.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_MESSAGE = _(
    "This image file is damaged or incomplete, so pages could not show it. "
    "Open it on your computer to check it, or export it again, then upload it."
)


class WholeImageField(WagtailImageField):
    """Wagtail's image field, refusing a file the image library cannot decode."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except OSError:
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None


class ImageForm(BaseImageForm):
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
