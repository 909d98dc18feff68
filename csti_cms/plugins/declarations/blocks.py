"""The block this plugin adds to page bodies: one declaration with its commitments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from csti_cms.blocks import ChosenObjectsPreviewMixin, TranslatedPageChooserBlock

from .models import DeclarationPage


class FeaturedDeclarationBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """A declaration the centre stands behind, with what it commits to and a way to endorse.

    Previewed with the first declaration visitors can open; not previewable before
    there is one.
    """

    declaration = TranslatedPageChooserBlock(
        label=_("Declaration"),
        page_type="declarations.DeclarationPage",
        help_text=_("Shown in the visitor's language when translated."),
    )
    show_commitments = blocks.BooleanBlock(
        label=_("Show its commitments"), required=False, default=True
    )

    class Meta:
        icon = "doc-full"
        label = _("Featured declaration")
        template = "declarations/blocks/featured_declaration.html"
        description = _("One declaration with its commitments and a link to endorse it.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        declaration = shown_declaration(value.get("declaration"))
        context["declaration"] = declaration
        if declaration is not None and declaration.accepts_endorsements:
            request = (parent_context or {}).get("request")
            context["endorse_url"] = declaration.get_url(request) + declaration.reverse_subpage(
                "endorse"
            )
        return context

    def has_preview_objects(self):
        return preview_declaration() is not None

    def get_preview_value(self):
        return self.normalize({"declaration": preview_declaration(), "show_commitments": True})


def preview_declaration():
    """The first live, public declaration that has an address on a site, or None.

    One outside every site would give its endorsement link no address to start from.
    """
    declarations = DeclarationPage.objects.live().public().order_by("path")
    return next((page for page in declarations[:10] if page.get_url() is not None), None)


def shown_declaration(page):
    """``page`` in the visitor's language, if everyone may see it; otherwise None.

    The block renders nothing for a declaration that is unpublished or restricted
    (password, login, groups): a page open to all would show its title, summary and
    commitments to visitors the restriction keeps out.
    """
    if page is None:
        return None
    return DeclarationPage.objects.live().public().filter(pk=page.localized.pk).first()


# Blocks this plugin adds to slots of core pages. Names start with the plugin label.
SLOT_BLOCKS = {"body": [("declarations_featured", FeaturedDeclarationBlock())]}
