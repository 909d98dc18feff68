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
"""

from django import template
from wagtail.images.models import ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

from ..renditions import rendition_or_none, renditions_or_none

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

    def resolve_attrs(self, context):
        return {name: value.resolve(context) for name, value in self.attrs.items()}


class SrcsetImageNode(wagtailimages_tags.SrcsetImageNode, ImageNode):
    """``{% srcset_image %}``: one ``<img srcset>``, or nothing when a size cannot be made."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = renditions_or_none(image, self.get_filters())
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
