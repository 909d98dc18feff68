"""The stream block behind every page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .links import CallToActionBlock, CardGridBlock
from .media import DocumentDownloadsBlock, ImageBlock, VideoEmbedBlock
from .text import FAQBlock, HeadingBlock, QuoteBlock, RichTextBlock


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    card_grid = CardGridBlock()
    quote = QuoteBlock()
    faq = FAQBlock()
    video = VideoEmbedBlock()
    downloads = DocumentDownloadsBlock()

    class Meta:
        label = _("Body")
