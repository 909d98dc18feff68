"""The stream block behind every page body."""

from django.utils.translation import gettext_lazy as _

from .audiences import AudienceChooserBlock
from .links import CallToActionBlock, CardGridBlock
from .media import DocumentDownloadsBlock, ImageBlock, VideoEmbedBlock
from .slots import SlotStreamBlock
from .text import FAQBlock, HeadingBlock, QuoteBlock, RichTextBlock


class BodyStreamBlock(SlotStreamBlock):
    """The body of core pages; plugins add their blocks through the ``body`` slot."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    card_grid = CardGridBlock()
    quote = QuoteBlock()
    faq = FAQBlock()
    video = VideoEmbedBlock()
    downloads = DocumentDownloadsBlock()
    audiences = AudienceChooserBlock()

    class Meta:
        label = _("Body")
