"""Text blocks: headings, rich text, quotes and questions-and-answers."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail_localize.segments import OverridableSegmentValue

from csti_cms.blocks.previews import preview_rich_text
from csti_cms.blocks.reserved_ids import is_reserved_id
from csti_cms.core.collation import alphabetical
from csti_cms.core.language_tags import (
    LANGUAGE_TAG_MAX_LENGTH,
    LanguageTagInput,
    validate_language_tag,
)

# Features editors get in running text. Headings are a block of their own so the
# page outline stays correct (no h1 in the body, no skipped levels).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


#: Where a request keeps the anchors its page's headings took, so none is given twice.
ANCHORS_ATTRIBUTE = "_csti_heading_anchors"


def heading_anchor(text, taken):
    """An ``id`` for a heading reading ``text``, none of ``taken`` (to which it is added).

    Written in the heading's own script, so an Arabic or Greek heading keeps a readable
    address; accents are dropped as before (``#preparer-sa-visite``), so the links already
    made to French and Dutch headings still land, and ligatures are written out as the
    alphabetical order reads them ("Le cœur" gives ``#le-coeur``, where it used to give
    ``#le-cur``). A heading of no letters at all (emoji)
    is a numbered ``section-N``. A second heading with the same text gets ``-2``, and so
    on: both stay reachable.

    An id the page's templates give an element of their own (the skip link's ``main-content``,
    a practical page's ``hours``: :mod:`csti_cms.blocks.reserved_ids`) is never taken: such
    a heading is a ``section-`` one (``#section-hours``), a namespace no template uses.
    """
    base = slugify(alphabetical(text), allow_unicode=True)
    number = 1
    anchor = _numbered_anchor(base, number)
    while anchor in taken:
        number += 1
        anchor = _numbered_anchor(base, number)
    taken.add(anchor)
    return anchor


def _numbered_anchor(base, number):
    """The ``number``-th anchor for headings slugified to ``base``: each number gives
    another, so :func:`heading_anchor` finds one free."""
    if not base:
        return f"section-{number}"
    anchor = base if number == 1 else f"{base}-{number}"
    return f"section-{anchor}" if is_reserved_id(anchor) else anchor


def anchors_taken(parent_context):
    """The anchors already given on the page being rendered.

    Kept on the request, the one object all the page's stream fields share as they render;
    a heading rendered without one (an e-mail, a test) only avoids itself.
    """
    request = (parent_context or {}).get("request")
    if request is None:
        return set()
    return request.__dict__.setdefault(ANCHORS_ATTRIBUTE, set())


class HeadingBlock(blocks.StructBlock):
    """A section heading; its anchor lets other pages and the FAQ link to it."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = heading_anchor(value["text"], anchors_taken(parent_context))
        return context

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        preview_value = {"text": _("Practical information"), "level": "h2"}
        description = _("A section heading that also appears as an anchor link.")


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_preview_value(self):
        return preview_rich_text(_("Hands-on exhibits for curious minds of every age."))

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "blocks/rich_text.html"
        description = _("Paragraphs with bold, italic, links and lists.")


class LanguageTagBlock(blocks.CharBlock):
    """The language a block's text is written in, when not the page's.

    wagtail-localize offers it to translators as a value they may change, not as a text to
    translate: a translation keeps the code of its source (a Dutch testimony stays Dutch on
    /en/), and a translator who translates the words gives theirs, or the page's, instead.
    """

    def __init__(self, required=False, help_text=None, validators=(), **kwargs):
        super().__init__(
            required=required,
            help_text=help_text,
            max_length=LANGUAGE_TAG_MAX_LENGTH,
            validators=[validate_language_tag, *validators],
            search_index=False,
            **kwargs,
        )
        self.field.widget = LanguageTagInput({"maxlength": LANGUAGE_TAG_MAX_LENGTH})

    def get_translatable_segments(self, value):
        return [OverridableSegmentValue("", value)] if value else []

    def restore_translated_segments(self, value, segments):
        overrides = [
            segment.data for segment in segments if isinstance(segment, OverridableSegmentValue)
        ]
        return overrides[0] if overrides else value

    class Meta:
        default = ""


class QuoteBlock(blocks.StructBlock):
    """A testimony; one in another language than the page's is read in its own voice."""

    quote = blocks.TextBlock(label=_("Quote"))
    language = LanguageTagBlock(
        label=_("Language of the quote"),
        help_text=_(
            "Leave empty when the quote is in the page's language. Otherwise its language "
            "code, e.g. nl, en, de or pt-BR, so screen readers read it with the right voice."
        ),
    )
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Their role"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        preview_value = {
            "quote": _("Science is a way of thinking much more than it is a body of knowledge."),
            "language": "",
            "attribution": "Carl Sagan",
            "role": "",
        }
        description = _("A testimony from a visitor, teacher or partner.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question")


class FAQBlock(blocks.StructBlock):
    """Questions and answers, shown as disclosure widgets that work without JavaScript."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    def get_preview_value(self):
        return self.normalize(
            {
                "heading": _("Questions and answers"),
                "questions": [
                    {
                        "question": _("Can we bring a picnic?"),
                        "answer": preview_rich_text(_("Yes, in the garden by the entrance.")),
                    }
                ],
            }
        )

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "blocks/faq.html"
        description = _("An accordion of frequently asked questions.")
