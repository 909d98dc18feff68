"""The block this plugin adds to page bodies: the logos of the centre's networks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from csti_cms.blocks import ChosenObjectsPreviewMixin, TranslatedPageChooserBlock
from csti_cms.plugins import alphabetical, localize_pages


class NetworksBlock(ChosenObjectsPreviewMixin, blocks.StructBlock):
    """“Our networks”: the current memberships' logos, each linking to the memberships page.

    Previewed with the first memberships page (not previewable before there is one) and
    the memberships of the site the admin is served from (the preview's request): nothing
    shows while that site has none, as on a page.
    """

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    page = TranslatedPageChooserBlock(
        label=_("Memberships page"),
        page_type="memberships.MembershipsPage",
        help_text=_("Where the logos lead; shown in the visitor's language."),
    )

    class Meta:
        icon = "group"
        label = _("Our networks")
        template = "memberships/blocks/networks.html"
        description = _("The logos of the networks the centre belongs to.")

    def get_context(self, value, parent_context=None):
        from .listing import listing_page_numbers, site_memberships

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        page = value.get("page")
        memberships = site_memberships(request).current if request else []
        context["memberships"] = sorted(
            memberships, key=lambda membership: alphabetical(membership.organisation.name)
        )
        # Each logo leads to the page of the memberships page that shows its network.
        pages = listing_page_numbers(memberships)
        for membership in memberships:
            membership.listing_page = pages[membership.organisation.translation_key]
        context["memberships_page"] = shown_memberships_page(page, request)
        return context

    def has_preview_objects(self):
        return preview_memberships_page() is not None

    def get_preview_value(self):
        return self.normalize({"heading": _("Our networks"), "page": preview_memberships_page()})


def preview_memberships_page():
    """The first live memberships page, or None."""
    from .models import MembershipsPage

    return MembershipsPage.objects.live().order_by("path").first()


def shown_memberships_page(page, request):
    """The chosen memberships page in the visitor's language, if the site shows it.

    Read as every page link is, by translation: the French page may be unpublished
    while its Dutch and English versions are live.
    """
    if page is None:
        return None
    localized = localize_pages([page], request=request)[0]
    return localized if localized is not None and localized.live else None


# Blocks this plugin adds to slots of core pages. Names start with the plugin label.
SLOT_BLOCKS = {"body": [("memberships_networks", NetworksBlock())]}
