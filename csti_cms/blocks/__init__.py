"""The StreamField block library every csti-cms page type draws from.

Page bodies are built from these blocks so that editors find the same tools on
every page, and so that plugins can add their own blocks next to them.
"""

from .audiences import AudienceChooserBlock, AudienceEntryBlock
from .choosers import TranslatedPageChooserBlock
from .links import CallToActionBlock, CardBlock, CardGridBlock, LinkBlock
from .media import DocumentDownloadsBlock, ImageBlock, VideoEmbedBlock
from .previews import ChosenObjectsPreviewMixin
from .slots import (
    BLOCK_AVAILABLE_HOOK,
    PreservedBlock,
    SlotStreamBlock,
    SlotStreamField,
    is_block_available,
    visible_children,
)
from .slots import registry as slot_registry
from .stream import BodyStreamBlock
from .text import FAQBlock, HeadingBlock, QuoteBlock, RichTextBlock

__all__ = [
    "BLOCK_AVAILABLE_HOOK",
    "PreservedBlock",
    "SlotStreamBlock",
    "SlotStreamField",
    "is_block_available",
    "slot_registry",
    "visible_children",
    "AudienceChooserBlock",
    "TranslatedPageChooserBlock",
    "AudienceEntryBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "CardBlock",
    "CardGridBlock",
    "ChosenObjectsPreviewMixin",
    "DocumentDownloadsBlock",
    "FAQBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "QuoteBlock",
    "RichTextBlock",
    "VideoEmbedBlock",
]
