"""Blocks that send visitors elsewhere: calls to action and cards linking pages."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from csti_cms.core.i18n import localize_page_ids, localize_pages

from .previews import ChosenObjectsPreviewMixin, preview_pages


def resolve_page_links(children, request):
    """Read at once every page the blocks ``children`` of a stream link to, for ``request``.

    Cards, calls to action, audience entries and links in rich text each resolve their
    pages when rendered; read here first, in one query kept on the request
    (:func:`csti_cms.core.i18n.localize_page_ids`), they cost no query of their own, so
    a page body costs the same queries whatever the number of its blocks and links.
    """
    ids = {
        int(object_id)
        for child in children
        for model, object_id, _model_path, _content_path in child.block.extract_references(
            child.value
        )
        if issubclass(model, Page)
    }
    localize_page_ids(ids, request=request)


class LinkValue(blocks.StructValue):
    """A link to a page of the site or to another website."""

    def resolve(self, request=None):
        """``(url, text)`` of the link; the url is None when the page cannot be shown.

        The chosen page is read in the current language; with ``request``, a page
        the site does not show (its plugin is switched off there, it is restricted to
        some visitors) gives no url.
        """
        chosen = self.get("page")
        if chosen is None:
            external = self.get("external_url") or None
            return external, self.get("label") or external
        page = localize_pages([chosen], request=request)[0]
        if page is None or not page.live:
            return None, self.get("label") or chosen.title
        return page.get_url(request), self.get("label") or page.title


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page of this site"), required=False)
    external_url = blocks.URLBlock(label=_("Or another website"), required=False)
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=80,
        help_text=_("Leave empty to use the page title."),
    )

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("external_url"))
        if has_page and has_url:
            message = _("Choose either a page of this site or another website, not both.")
        elif not (has_page or has_url):
            message = _("Choose a page of this site or give the address of another website.")
        else:
            return value
        raise StructBlockValidationError(
            block_errors={"page": ErrorList([ValidationError(message)])}
        )

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        description = _("A highlighted invitation with one button: book, visit, contact.")
        # The button leads nowhere: a preview needs no page of the site.
        preview_value = {
            "title": _("Come with your class"),
            "text": _("Guided workshops for school groups, every weekday."),
            "link": {"page": None, "external_url": "#", "label": _("Book a workshop")},
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["link_url"], context["link_text"] = value["link"].resolve(request)
        return context


class CardBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the page title."),
    )
    text = blocks.TextBlock(
        label=_("Text"),
        required=False,
        help_text=_("Leave empty to use the page's search description."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Card")


class CardGridBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """Cards linking pages. Pages are read from the base page table only, so a grid
    costs the same few queries whatever the types and number of pages it shows.

    A card leading to what is over (an event without a date ahead, a closed exhibition)
    is left out: chosen for the home page months ago, it would stay there for ever. One
    leading to a postponed event says so, as hubs do, since its date no longer holds.

    Previewed with the first pages of the site; not previewable before there is one.
    """

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=1, max_num=12)

    def get_context(self, value, parent_context=None):
        # Imported here: the page models use this block library.
        from csti_cms.core.models.hubs import listing_notices
        from csti_cms.core.models.pages import over_page_ids

        context = super().get_context(value, parent_context)
        cards = [card for card in value["cards"] if card["page"] is not None]
        request = (parent_context or {}).get("request")
        pages = localize_pages((card["page"] for card in cards), request=request)
        shown = [
            (card, page) for card, page in zip(cards, pages, strict=True) if page and page.live
        ]
        over = over_page_ids(page for _card, page in shown)
        notices = listing_notices(page for _card, page in shown)
        context["cards"] = [
            {
                "page": page,
                "title": card["title"] or page.title,
                "notice": notices.get(page.pk, ""),
                "text": card["text"] or page.search_description,
                "image": card["image"],
            }
            for card, page in shown
            if page.pk not in over
        ]
        return context

    def has_preview_objects(self):
        return bool(preview_pages(1))

    def get_preview_value(self):
        cards = [
            {"page": page, "title": "", "text": "", "image": None} for page in preview_pages(3)
        ]
        return self.normalize({"heading": _("Explore the centre"), "cards": cards})

    class Meta:
        icon = "grip"
        label = _("Card grid")
        template = "blocks/card_grid.html"
        description = _("A grid of cards, each leading to a page.")
