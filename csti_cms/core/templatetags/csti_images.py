"""Wagtail's ``image`` and ``srcset_image`` tags, which leave a page standing without its image.

Wagtail's tags raise when a rendition cannot be written (a media folder the site cannot
write, a full disk), and every page shows the logo, so every page answered with a server
error. Ours render nothing instead, and set the ``as`` variable to ``None``, as Wagtail does
for a page without an image: the page keeps its text and layout, and the visitor meets no
broken-image frame nor a stray line of alt text in a space laid out for a picture (the
alternative text of our images is written to stand for the picture beside the text, not to
be read in its place). Wagtail's placeholder for an original file that is lost
(``/media/not-found``, zero pixels wide) is left out for the same reason. Each failure is
one warning in the log (:mod:`csti_cms.core.renditions`).

Two tags of ours name their sizes rather than take them: ``{% card_image %}`` (every card
and list thumbnail, from one set of renditions) and ``{% hero_picture %}`` (a hero cropped
for phones as well as for wide screens).
"""

import mimetypes

from django import template
from django.forms.utils import flatatt
from django.template.base import Token
from django.utils.html import format_html, format_html_join
from wagtail.images.models import Filter, ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

from ..renditions import (
    CARD_IMAGE,
    HERO_NARROW_CROPS,
    image_filter,
    rendition_or_none,
    renditions_or_none,
)

register = template.Library()


class ImageNode(wagtailimages_tags.ImageNode):
    """``{% image %}``: one ``<img>``, or nothing when its rendition cannot be made."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        rendition = rendition_or_none(image, self.get_filter())
        if self.output_var_name:
            context[self.output_var_name] = rendition
            return ""
        if rendition is None:
            return ""
        return rendition.img_tag(self.resolve_attrs(context))

    def get_filter(self):
        return image_filter("|".join(self.filter_specs))

    def resolve_attrs(self, context):
        return {name: value.resolve(context) for name, value in self.attrs.items()}


class SrcsetImageNode(wagtailimages_tags.SrcsetImageNode, ImageNode):
    """``{% srcset_image %}``: one ``<img srcset>``, or nothing when a size cannot be made."""

    def get_filters(self):
        return [image_filter(spec) for spec in Filter.expand_spec(self.filter_specs)]

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = renditions_or_none(image, self.get_filters())
        if renditions is not None:
            renditions = _one_per_width(renditions)
        if self.output_var_name:
            context[self.output_var_name] = ResponsiveImage(renditions) if renditions else None
            return ""
        if renditions is None:
            return ""
        return ResponsiveImage(renditions, self.resolve_attrs(context)).__html__()


#: Our node for each node Wagtail's parser makes.
OUR_NODES = {
    wagtailimages_tags.ImageNode: ImageNode,
    wagtailimages_tags.SrcsetImageNode: SrcsetImageNode,
}


@register.tag("image")
@register.tag("srcset_image")
def image(parser, token):
    """The tag read by Wagtail's parser, so it takes the same arguments and gives the same
    errors, then rendered by our node."""
    node = wagtailimages_tags.image(parser, token)
    return OUR_NODES[type(node)](
        node.image_expr,
        node.filter_specs,
        output_var_name=node.output_var_name,
        attrs=node.attrs,
    )


class CardImageNode(SrcsetImageNode):
    """``{% card_image %}``: ``{% srcset_image %}`` with the card renditions every list shares."""

    def get_filters(self):
        return [image_filter(spec) for spec in CARD_IMAGE]


@register.tag("card_image")
def card_image(parser, token):
    """``{% card_image image sizes="…" alt="" … %}``: a card's or a list row's picture.

    The sizes are :data:`~csti_cms.core.renditions.CARD_IMAGE`, which the listings prefetch
    (``prefetch_renditions(*CARD_IMAGE)``); each template says how wide its cards are shown
    (``sizes``) and how it loads them.
    """
    tag_name, image_expr, *bits = token.split_contents()
    return CardImageNode(parser.compile_filter(image_expr), [], attrs=_attributes(parser, bits))


class HeroPictureNode(SrcsetImageNode):
    """``{% hero_picture %}``: a ``<picture>`` whose phones and small screens get their own
    crop (:data:`~csti_cms.core.renditions.HERO_NARROW_CROPS`) and wide screens the template's.

    All of them are asked for together, so a page costs one renditions lookup, and a hero
    with a crop that cannot be made is left out whole, as ``{% srcset_image %}`` is.
    """

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        crops = [specs for _media, specs in HERO_NARROW_CROPS]
        crops.append([spec.spec for spec in self.get_filters()])
        renditions = renditions_or_none(image, [spec for specs in crops for spec in specs])
        if renditions is None:
            return ""
        # By position, not by spec: Wagtail drops the format of an SVG's specs.
        made = iter(renditions.values())
        *narrow, wide = [
            list(_one_per_width({spec: next(made) for spec in specs}).values()) for specs in crops
        ]
        attrs = self.resolve_attrs(context)
        attrs.setdefault("sizes", "100vw")
        sources = format_html_join(
            "",
            "<source{}>",
            (
                (_source_attributes(media, crop, attrs["sizes"]),)
                for (media, _specs), crop in zip(HERO_NARROW_CROPS, narrow, strict=True)
            ),
        )
        image_tag = ResponsiveImage(dict(enumerate(wide)), attrs)
        return format_html("<picture>{}{}</picture>", sources, image_tag)


@register.tag("hero_picture")
def hero_picture(parser, token):
    """``{% hero_picture image fill-{…} format-webp sizes="100vw" alt=… %}``: the filter
    words are the wide screens' crop, as ``{% srcset_image %}`` takes them."""
    tag_name, arguments = token.contents.split(None, 1)
    as_srcset_image = Token(token.token_type, f"srcset_image {arguments}", lineno=token.lineno)
    node = wagtailimages_tags.image(parser, as_srcset_image)
    if node.output_var_name:
        raise template.TemplateSyntaxError("hero_picture renders a <picture>: no 'as'.")
    return HeroPictureNode(node.image_expr, node.filter_specs, attrs=node.attrs)


def _one_per_width(renditions):
    """``renditions`` less those as wide as an earlier one.

    Wagtail does not enlarge an image: from a 1000-pixel-wide original, the 1200 and 1440
    sizes come out alike, and a srcset naming one width twice is invalid HTML.
    """
    widths = set()
    kept = {}
    for spec, rendition in renditions.items():
        if rendition.width not in widths:
            widths.add(rendition.width)
            kept[spec] = rendition
    return kept


def _source_attributes(media, renditions, sizes):
    """A ``<source>``'s attributes: its width and height are those of its own crop, so the
    browser keeps the right room for it before it loads."""
    first = renditions[0]
    return flatatt(
        {
            "media": media,
            "type": mimetypes.guess_type(first.file.name)[0],
            "srcset": ResponsiveImage.get_width_srcset(renditions),
            "sizes": sizes,
            "width": first.width,
            "height": first.height,
        }
    )


#: Cards of a listing's first row: in view as the page opens, on phones as on wide screens.
CARDS_IN_FIRST_ROW = 3


@register.filter
def card_loading(position):
    """``loading`` for the card at ``position`` (``forloop.counter``) of a listing.

    A lazy picture is fetched only once the browser has laid the page out, so a card in
    view as the page opens would show late: the first row loads at once, the rest as the
    visitor scrolls to them.
    """
    return "eager" if position <= CARDS_IN_FIRST_ROW else "lazy"


def _attributes(parser, bits):
    """``name=value`` arguments, their values compiled as Wagtail's image tags compile them."""
    attrs = {}
    for bit in bits:
        name, separator, value = bit.partition("=")
        if not separator:
            raise template.TemplateSyntaxError(f"Expected name=value, got {bit!r}.")
        attrs[name] = parser.compile_filter(value)
    return attrs
