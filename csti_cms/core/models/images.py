"""An image a page type shows comes with alternative text, required once an image is chosen.

Page types declare the pair with :func:`image_with_alt_text` and name it in
``BasePage.alt_text_rules``; ``BasePage`` refuses to save a page whose image has no text,
so people who cannot see the image are told what it shows.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


def image_with_alt_text(image_label, alt_text_label, alt_text_help):
    """The two fields of a page's image: ``image, image_alt_text = image_with_alt_text(...)``."""
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=image_label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = models.CharField(alt_text_label, max_length=250, blank=True, help_text=alt_text_help)
    return image, alt_text


@dataclass(frozen=True)
class AltTextRule:
    """The image field ``image`` needs the text field ``alt_text``; ``message`` tells the editor."""

    image: str
    alt_text: str
    message: str

    def error(self, page):
        """``{field: message}`` when ``page`` has the image but not its text, else ``{}``."""
        has_image = getattr(page, f"{self.image}_id") is not None
        if has_image and not getattr(page, self.alt_text).strip():
            return {self.alt_text: self.message}
        return {}


#: The rule of the usual ``image`` and ``image_alt_text`` pair.
IMAGE_ALT_TEXT = AltTextRule(
    "image", "image_alt_text", _("Describe the image for people who cannot see it.")
)
