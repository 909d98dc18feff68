"""The stream block behind every page body."""

from django.utils.translation import gettext_lazy as _

from .audiences import AudienceChooserBlock
from .links import CallToActionBlock, CardGridBlock, resolve_page_links
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

    def render_basic(self, value, context=None):
        """The body, every page its blocks link to read first: one query for them all."""
        request = (context or {}).get("request")
        if request is not None:
            resolve_page_links(value, request)
        return super().render_basic(value, context)

    class Meta:
        label = _("Body")
