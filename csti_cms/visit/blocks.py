"""Blocks of the visitor path that editors place in page bodies."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class OpeningHoursBlock(blocks.StructBlock):
    """Whether the centre is open today, and optionally the coming week.

    Read from the site's opening hours setting, so every page showing it agrees. Its
    preview shows the hours of the site the admin is served from (the preview's
    request), and nothing while that site has no hours, as a page would.
    """

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    show_week = blocks.BooleanBlock(
        label=_("Show the next seven days"), required=False, default=True
    )

    class Meta:
        icon = "time"
        label = _("Opening hours")
        template = "csti_visit/blocks/opening_hours.html"
        description = _("Open today? With the hours of the coming days.")
        preview_value = {"heading": _("Opening hours"), "show_week": True}
