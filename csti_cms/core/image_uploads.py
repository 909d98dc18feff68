"""Image uploads that refuse, with a message, files a page could not show or the server could
not store.

Wagtail reads an upload's size by decoding it, and lets the image library's error through
when the file is damaged: a photo cut short by a failed transfer, or corrupted on a memory
card, gave editors a server error on upload. They get a message in their language instead.
So they do when the media folder cannot take the file (see :class:`StoredUploadForm`).

A photo is stored as pages show it, and without what the camera wrote about it: the
original file is served as it is (``/media/original_images/``), and its JPEG sizes kept
its metadata, so anyone could read where and with which camera a phone photo was taken.
It is also made no larger than pages need (see :func:`published_original`).
"""

import io
import logging

import willow
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connections, router, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageCms, ImageOps
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

    The row can still fail to be saved once the file is written: the database out of
    reach, or the collection deleted by another editor meanwhile. The file is then removed
    again, from whatever storage holds it, so the media folder keeps no file that no image
    or document names; the error goes on to the site's error page (a 503 while the
    database is out of reach), and the log names the file removed. A replaced file is
    deleted only once the row naming its successor is committed, so a failed edit keeps
    the file its row still names.
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
            return
        self._remove_file_if_row_not_saved(upload.storage, upload.name)

    def _remove_file_if_row_not_saved(self, storage, name):
        """Make the next save of the row remove the file just written when it fails.

        The row is saved by ``form.save()``, or by the bulk upload itself after
        ``form.save(commit=False)``: both call the instance's ``save``, which is wrapped
        once. The save runs in a transaction of its own (a savepoint within the view's),
        and its deferred constraints are checked before it ends: a collection deleted
        meanwhile fails there, while the file can still be removed, not at the commit of
        the view's transaction, after this form is done.
        """
        instance = self.instance
        save_row = instance.save

        def save_row_or_remove_file(*args, **kwargs):
            del instance.save  # once: a later save is the model's own
            using = kwargs.get("using") or router.db_for_write(type(instance), instance=instance)
            try:
                with transaction.atomic(using=using):
                    save_row(*args, **kwargs)
                    connections[using].check_constraints(table_names=[instance._meta.db_table])
            except Exception as error:
                self._remove_unsaved_file(storage, name, error)
                raise

        instance.save = save_row_or_remove_file

    def _remove_unsaved_file(self, storage, name, error):
        """One line for the operator: the row's error, and the file removed (or not)."""
        try:
            storage.delete(name)
        except Exception as removal_error:
            logger.error(
                "Upload %s could not be saved to the database (%s: %s), and its file could "
                "not be removed from %s (%s: %s): delete it there.",
                name,
                type(error).__name__,
                _first_line(error),
                getattr(storage, "location", type(storage).__name__),
                type(removal_error).__name__,
                _first_line(removal_error),
            )
            return
        logger.error(
            "Upload %s could not be saved to the database (%s: %s): its file was removed.",
            name,
            type(error).__name__,
            _first_line(error),
        )

    def save(self, commit=True):
        """Save the row; delete the file it replaces only once the row is committed.

        Wagtail deletes the replaced file as it saves (the document form even before the
        row): a save that failed left the row naming a file no longer there.
        """
        replaced = None
        if commit and "file" in self.changed_data and self.original_file:
            replaced, self.original_file = self.original_file, None
        instance = super().save(commit=commit)
        if replaced is not None:
            self._forget_what_was_made_of_the_replaced_file()
            using = router.db_for_write(type(instance), instance=instance)
            transaction.on_commit(lambda: _delete_replaced(replaced), using=using)
        return instance

    def _forget_what_was_made_of_the_replaced_file(self):
        """What the media library made of the replaced file is of no use any more."""

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


def _first_line(error):
    """An error on one line of the log: the database adapter's go on with hints."""
    return str(error).strip().partition("\n")[0]


def _delete_replaced(replaced):
    """Delete a file the media library no longer names; one it cannot is only a leftover."""
    try:
        replaced.storage.delete(replaced.name)
    except Exception as error:
        logger.warning(
            "The replaced file %s could not be deleted (%s: %s): delete it from the media folder.",
            replaced.name,
            type(error).__name__,
            error,
        )


#: The longest side, in pixels, an uploaded original keeps (``CSTI_IMAGE_MAX_SIDE``): twice
#: the widest size pages show (a hero on a wide screen at two device pixels per CSS pixel).
#: A 48-megapixel camera photo took a gigabyte of memory for each size made from it.
DEFAULT_MAX_SIDE = 4000

#: How each format an original is written again in is saved: the formats Pillow writes
#: back with nothing lost but the metadata. Others (SVG) are stored as they are sent.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "AVIF": {"quality": 90},
    "GIF": {},
}

#: What Pillow reads of a file's metadata: EXIF (GPS position, camera and its serial
#: number, maker notes), XMP, IPTC (``photoshop``), comments. The colour profile is kept.
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "photoshop", "comment", "iptc"}

#: Formats Pillow names a file by that are stored as another: a phone photo holding a second
#: picture (HDR and dual-lens phones write a "Multi-Picture Object") is a JPEG to every
#: browser, which shows its first picture only.
STORED_AS = {"MPO": "JPEG"}

#: The JPEG segments that carry no metadata: JFIF, the colour profile (APP2), Adobe's
#: colour transform (APP14). APP1 holds EXIF and XMP, APP13 IPTC.
PLAIN_JPEG_SEGMENTS = {"APP0", "APP2", "APP14"}

#: The EXIF tag of the way a camera held the photo, which viewers turn it by.
ORIENTATION = 0x0112

#: Pillow's errors for a file it cannot decode after reading its size.
DECODING_ERRORS = (OSError, EOFError, SyntaxError, ValueError, ImageCms.PyCMSError)


def max_side():
    return getattr(settings, "CSTI_IMAGE_MAX_SIDE", DEFAULT_MAX_SIDE)


def published_original(file, longest=None):
    """The bytes to store for the image ``file``, or ``None`` when it can be stored as sent.

    It is written again, in its own format, when it carries metadata, is turned by its
    EXIF orientation, is in CMYK or is larger than ``longest`` (:func:`max_side`): upright,
    with only its colour profile, in RGB (some social networks showed a CMYK photo in the
    wrong colours), and scaled down. An animated GIF or WebP is stored as sent: writing its
    frames again would cost quality, and cameras do not make them. A phone photo holding a
    second picture (MPO) is stored as the JPEG of its first, which is all pages show: the
    others (a second lens, an HDR exposure) carry their own EXIF and GPS position.
    """
    longest = longest or max_side()
    with PillowImage.open(file) as picture:
        image_format = STORED_AS.get(picture.format, picture.format)
        if picture.format in STORED_AS:
            picture.seek(0)
        elif image_format not in SAVE_OPTIONS or getattr(picture, "is_animated", False):
            return None
        if not (_needs_rewriting(picture) or max(picture.size) > longest):
            return None
        _decode_at_reduced_size(picture, longest)
        picture.load()
        upright = ImageOps.exif_transpose(picture)
        if max(upright.size) > longest and upright.mode in ("1", "P"):
            # Pillow scales a palette image pixel by pixel, without smoothing.
            upright = upright.convert("RGBA" if "transparency" in picture.info else "RGB")
        upright.thumbnail((longest, longest), PillowImage.Resampling.LANCZOS)
        return _written_again(upright, picture, image_format)


def _needs_rewriting(picture):
    """Whether what pages show of ``picture`` or what it tells differs from the file."""
    if picture.format in STORED_AS:
        return True  # its other pictures, and their own EXIF, are left out
    if METADATA_KEYS & picture.info.keys() or getattr(picture, "text", None):
        return True
    if picture.format == "JPEG" and any(
        marker not in PLAIN_JPEG_SEGMENTS for marker, _content in picture.applist
    ):
        return True
    return picture.mode == "CMYK" or picture.getexif().get(ORIENTATION, 1) != 1


def _decode_at_reduced_size(picture, longest):
    """Decode a large JPEG at a half, quarter or eighth of its size when that is still
    larger than it is stored: a quarter or less of the memory of decoding it whole."""
    width, height = picture.size
    ratio = longest / max(width, height)
    if picture.format in ("JPEG", "MPO") and ratio < 1:
        picture.draft(None, (max(1, round(width * ratio)), max(1, round(height * ratio))))


def _written_again(upright, source, image_format):
    """``upright`` in ``image_format``, with nothing of ``source``'s metadata but its colours."""
    options = dict(SAVE_OPTIONS[image_format])
    icc_profile = source.info.get("icc_profile")
    if upright.mode == "CMYK":
        upright, icc_profile = _in_srgb(upright, icc_profile)
    if icc_profile:
        options["icc_profile"] = icc_profile
    if "transparency" in source.info and upright.mode in ("P", "L", "RGB"):
        options["transparency"] = source.info["transparency"]
    # Pillow writes some of an image's own metadata back when not told otherwise.
    upright.info = {}
    output = io.BytesIO()
    upright.save(output, image_format, **options)
    return output.getvalue()


def _in_srgb(picture, icc_profile):
    """A CMYK picture in RGB, through its colour profile when it has one."""
    if not icc_profile:
        return picture.convert("RGB"), None
    srgb = ImageCms.createProfile("sRGB")
    converted = ImageCms.profileToProfile(
        picture, ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)), srgb, outputMode="RGB"
    )
    return converted, ImageCms.ImageCmsProfile(srgb).tobytes()


class WholeImageField(WagtailImageField):
    """Wagtail's image field, refusing a file the image library cannot decode, and giving
    the form the file as it is stored (:func:`published_original`).

    The file is written again while the form is cleaned, before the model is given it:
    the width and height Django reads on assignment, and the size and hash Wagtail reads
    on saving, are those of the file stored. Its ``scale`` tells the form how much smaller
    it is than the file sent.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except OSError:
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        try:
            upload.seek(0)
            content = published_original(upload)
        except DECODING_ERRORS:
            raise ValidationError(DAMAGED_IMAGE_MESSAGE, code="damaged_image") from None
        upload.seek(0)
        if content is None:
            upload.scale = 1
            return upload
        return self._stored_upload(upload, content)

    @staticmethod
    def _stored_upload(upload, content):
        stored = SimpleUploadedFile(upload.name, content, upload.content_type)
        stored.image = willow.Image.open(io.BytesIO(content))
        stored.scale = max(stored.image.get_size()) / max(upload.image.get_size())
        return stored


class ImageForm(StoredUploadForm, BaseImageForm):
    """The admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``), single and bulk uploads.

    The field is made with each form, as Wagtail makes its own: its help text and messages
    are written when it is made, in the editor's language, with the upload limits of the
    settings.
    """

    def _forget_what_was_made_of_the_replaced_file(self):
        self.instance.renditions.all().delete()

    def clean(self):
        """Keep the focal point sent with a file on the same spot of the file stored."""
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        scale = getattr(upload, "scale", 1)
        focal_point = [f"focal_point_{part}" for part in ("x", "y", "width", "height")]
        if scale == 1 or any(cleaned_data.get(name) is None for name in focal_point):
            return cleaned_data
        for name in focal_point:
            cleaned_data[name] = round(cleaned_data[name] * scale)
        return cleaned_data

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:
            self.fields["file"] = WholeImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )
