"""The audience chooser: "Are you a visitor, a teacher, or looking for a venue?"

Each entry leads to its audience's hub in the visitor's language. Editors write
the labels and texts; the link finds itself, unless the editor points an entry
at another page (a campaign, say).
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from csti_cms.core.audiences import Audience
from csti_cms.core.i18n import localize_pages


class AudienceEntryBlock(blocks.StructBlock):
    audience = blocks.ChoiceBlock(label=_("Audience"), choices=Audience.choices)
    label = blocks.CharBlock(
        label=_("Label"), max_length=80, help_text=_("For example: “I am a teacher”.")
    )
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=250)
    image = ImageChooserBlock(label=_("Image"), required=False)
    page = blocks.PageChooserBlock(
        label=_("Lead to another page"),
        required=False,
        help_text=_("Leave empty to lead to this audience's hub."),
    )

    class Meta:
        icon = "user"
        label = _("Audience")


class AudienceChooserBlock(blocks.StructBlock):
    """Up to three entries, one per audience, each leading to that audience's path.

    Its preview leads each audience to its hub on the site the admin is served from
    (the preview's request); an audience without a hub there is left out, as on a page.
    """

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    entries = blocks.ListBlock(AudienceEntryBlock(), label=_("Entries"), min_num=1, max_num=3)

    def clean(self, value):
        value = super().clean(value)
        seen, errors = set(), {}
        for index, entry in enumerate(value["entries"]):
            if entry["audience"] in seen:
                message = _("Each audience may appear only once.")
                errors[index] = ErrorList([ValidationError(message)])
            seen.add(entry["audience"])
        if errors:
            raise StructBlockValidationError(
                block_errors={"entries": ListBlockValidationError(block_errors=errors)}
            )
        return value

    def get_context(self, value, parent_context=None):
        # Imported here: the navigation reads the page models, which use this block library.
        from csti_cms.core.navigation import audience_hubs

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        hubs = {hub.hub_audience: hub for hub in audience_hubs(request)} if request else {}
        chosen = [entry["page"] for entry in value["entries"] if entry["page"] is not None]
        pks = [page.pk for page in chosen]
        localized = dict(zip(pks, localize_pages(chosen, request=request), strict=True))
        entries = []
        for entry in value["entries"]:
            if entry["page"] is not None:
                target = localized[entry["page"].pk]
                target = target if target is not None and target.live else None
            else:
                target = hubs.get(entry["audience"])
            if target is not None:
                entries.append({"entry": entry, "page": target})
        context["entries"] = entries
        return context

    class Meta:
        icon = "group"
        label = _("Audience chooser")
        template = "blocks/audience_chooser.html"
        description = _("Visitors, teachers and event organisers each find their own path.")
        preview_value = {
            "heading": _("Who are you?"),
            "entries": [
                {
                    "audience": audience,
                    "label": audience.label,
                    "text": "",
                    "image": None,
                    "page": None,
                }
                for audience in Audience
            ],
        }
