"""Media blocks: images with required alternative text, videos and downloads."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is written for this place on this page.

    Alt text is required and belongs to the block, not the image, because the same
    photo needs different descriptions in different contexts, and in each language.
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("A photo or illustration with alternative text and caption.")


class VideoEmbedBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video address"), help_text=_("YouTube, Vimeo or PeerTube link."))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Announced by screen readers before the player."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=["bold", "italic", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        description = _("An embedded video with an accessible title and optional transcript.")


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")


def available_downloads(downloads):
    """The downloads whose document still exists.

    Deleting a document leaves the blocks that chose it holding ``None``: they are left
    out, so the page neither fails nor lists a link to nothing.
    """
    return [download for download in downloads if download["document"] is not None]


class DocumentDownloadsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DownloadBlock(), label=_("Documents"), min_num=1)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["downloads"] = available_downloads(value["documents"])
        return context

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = "blocks/downloads.html"
        description = _("Documents to download: brochures, teacher packs, plans.")
