"""Media blocks: images with required alternative text, videos and downloads."""

from uuid import uuid4

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .players import video_player, video_provider
from .previews import (
    ChosenObjectsPreviewMixin,
    first_documents,
    first_image,
    preview_rich_text,
)


class ImageBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """An image whose alternative text is written for this place on this page.

    Alt text is required and belongs to the block, not the image, because the same
    photo needs different descriptions in different contexts, and in each language.
    Previewed with the library's first image; not previewable while it has none.
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    def has_preview_objects(self):
        return first_image() is not None

    def get_preview_value(self):
        image = first_image()
        return self.normalize(
            {
                "image": image,
                "alt_text": image.default_alt_text if image is not None else "",
                "caption": _("A caption tells visitors what they are looking at."),
                "credit": "",
            }
        )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("A photo or illustration with alternative text and caption.")


class VideoEmbedBlock(blocks.StructBlock):
    """A video from a provider, embedded with a title screen readers announce.

    Its preview leaves the video out: showing one would call the provider (and set
    its cookies in the editor's browser) each time the picker opens. On the site the
    player loads only when the visitor plays the video (:mod:`csti_cms.blocks.players`).
    """

    video = EmbedBlock(label=_("Video address"), help_text=_("YouTube or Vimeo link."))
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=120,
        help_text=_("Announced by screen readers before the player."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=["bold", "italic", "link"]
    )

    def get_preview_value(self):
        return self.normalize(
            {
                "video": None,
                "title": _("How does a pendulum keep time?"),
                "transcript": preview_rich_text(
                    _("The transcript lets everyone follow the video, even without sound.")
                ),
            }
        )

    def clean(self, value):
        """Refuses a video from a provider whose player the Content-Security-Policy blocks:
        Wagtail would accept it, and visitors would see an empty frame."""
        video = value.get("video")
        refused = {}
        if video is not None and video_provider(video.url) is None:
            refused["video"] = ValidationError(
                _(
                    "This site plays videos from YouTube and Vimeo only: paste the address of "
                    "the video's page (https://www.youtube.com/watch?v=… or https://vimeo.com/…)."
                )
            )
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            raise StructBlockValidationError(
                block_errors={**error.block_errors, **refused},
                non_block_errors=error.non_block_errors,
            ) from error
        if refused:
            raise StructBlockValidationError(block_errors=refused)
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player"] = video_player(value.get("video"))
        # Ties the "Play video" button to the notice saying where it loads the video from,
        # with an id of its own for each video of the page.
        context["notice_id"] = uuid4().hex[:12]
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        description = _("An embedded video with an accessible title and optional transcript.")


class DownloadBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """A document to download; previewed with the library's first one, if any."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the document's title."),
    )

    def has_preview_objects(self):
        return bool(first_documents(1))

    def get_preview_value(self):
        documents = first_documents(1)
        return self.normalize({"document": documents[0] if documents else None, "title": ""})

    class Meta:
        icon = "doc-full"
        label = _("Download")
        description = _("A document to download, under its own title or one you give it.")


def available_downloads(downloads):
    """The downloads whose document still exists.

    Deleting a document leaves the blocks that chose it holding ``None``: they are left
    out, so the page neither fails nor lists a link to nothing.
    """
    return [download for download in downloads if download["document"] is not None]


class DocumentDownloadsBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """Documents to download; previewed with the library's first ones, if any."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DownloadBlock(), label=_("Documents"), min_num=1)

    def has_preview_objects(self):
        return bool(first_documents(1))

    def get_preview_value(self):
        return self.normalize(
            {
                "heading": _("Downloads"),
                "documents": [
                    {"document": document, "title": ""} for document in first_documents(2)
                ],
            }
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["downloads"] = available_downloads(value["documents"])
        return context

    class Meta:
        icon = "download"
        label = _("Downloads")
        template = "blocks/downloads.html"
        description = _("Documents to download: brochures, teacher packs, plans.")
