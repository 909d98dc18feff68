"""The block this plugin adds to page bodies: one declaration with its commitments."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from csti_cms.blocks import TranslatedPageChooserBlock

from .models import DeclarationPage


class FeaturedDeclarationBlock(blocks.StructBlock):
    """A declaration the centre stands behind, with what it commits to and a way to endorse."""

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
