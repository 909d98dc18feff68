"""Rentable spaces of the centre and the page that compares them for event organisers.

A space page answers what an organiser compares venues on: floor area, how many
guests each layout seats, equipment, catering, accessibility, photos. The
listing compares all spaces side by side and filters them by number of guests
and layout; its quote form (``./quote/``) asks for one or several spaces at once.
"""

from urllib.parse import urlencode

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from csti_cms.blocks import ImageBlock, SlotStreamField
from csti_cms.core.accessibility import accessibility_notes_field, wheelchair_access_field
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.i18n import page_ids, translated_page_ids
from csti_cms.core.models import SECTION_PARENTS, BasePage
from csti_cms.core.models.images import AltTextRule, image_with_alt_text
from csti_cms.core.navigation import linkable_parent
from csti_cms.core.routes import SENT_SEGMENT, LocalizedRoutablePageMixin, localized_route
from csti_cms.core.seo import json_ld_text

from ..jsonld import space_json_ld
from .choices import CAPACITY_FIELDS, CATERING, EQUIPMENT, Layout

#: The quote form's route segment, spelled in the page's language (csti_cms.core.routes).
QUOTE = pgettext_lazy("URL", "quote/")


class VenueSpaceIndexPage(LocalizedRoutablePageMixin, BasePage):
    """The centre's rentable spaces, compared side by side; its children are the spaces."""

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("practical information"),
        blank=True,
        help_text=_("Shown under the comparison: services, access, how quotes work."),
    )
    for_venue_hire = models.BooleanField(_("for venue hire and events"), default=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = SECTION_PARENTS
    subpage_types = ["csti_venues.VenueSpacePage"]
    visitor_label = _("Spaces for hire")
    visitor_label_plural = _("Spaces for hire")

    class Meta:
        verbose_name = _("venue spaces listing")
        verbose_name_plural = _("venue spaces listings")

    def language_switch_query(self, request, translation):
        """What the visitor chose, to carry to the same view in ``translation``'s language:
        the language switcher keeps it, while ``hreflang`` names each version's own
        address, as its canonical address does.

        The comparison's filters (guests, layout) mean the same in every language. A
        space is ticked in the quote form by its page id (``?space=36``, from the
        space's page), and each language has its own page: the translation of each
        ticked space is ticked in the other language, and one not translated there is
        left unticked.
        """
        match = getattr(request, "routable_resolver_match", None)
        if match is None or match.url_name not in ("listing", "quote"):
            return []
        ticked = self._ticked_spaces(request, translation) if match.url_name == "quote" else []
        return ticked + self._shared_filters(request)

    @staticmethod
    def _ticked_spaces(request, translation):
        chosen = dict.fromkeys(page_ids(request.GET.getlist("space")))
        if not chosen:
            return []
        theirs = translated_page_ids(request, chosen)[translation.locale.language_code]
        return [("space", theirs[pk]) for pk in chosen if pk in theirs]

    @staticmethod
    def _shared_filters(request):
        from ..forms import SpaceFilterForm

        return SpaceFilterForm(request.GET).values().carried

    @path("", name="listing")
    def listing(self, request):
        from ..views import space_listing

        return space_listing(request, self)

    @path(QUOTE, name="quote")
    def quote(self, request):
        from ..views import quote_form

        return quote_form(request, self)

    @path(localized_route(QUOTE, SENT_SEGMENT), name="quote_sent")
    def quote_sent(self, request):
        from ..views import quote_sent

        return quote_sent(request, self)


#: Bounds that catch a mistyped figure before visitors read it: the largest halls of
#: science centres hold a few thousand guests and cover a few thousand square metres.
MAX_CAPACITY = 10_000
MAX_AREA = 50_000


def capacity_field(verbose_name):
    return models.PositiveIntegerField(
        verbose_name,
        validators=[
            MaxValueValidator(MAX_CAPACITY, _("At most %(limit_value)s guests in one space."))
        ],
        null=True,
        blank=True,
        help_text=_("Guests. Leave empty when the space is not offered in this layout."),
    )


PHOTO_ALT_TEXT = AltTextRule(
    "image", "image_alt_text", _("Describe the photo for people who cannot see it.")
)


class VenueSpacePage(BasePage):
    """A room, hall or terrace of the centre that organisations can hire."""

    image, image_alt_text = image_with_alt_text(
        _("main photo"), _("main photo alternative text"), _("Required when there is a photo.")
    )
    gallery = StreamField(
        [("photo", ImageBlock())],
        verbose_name=_("more photos"),
        blank=True,
    )
    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("description"),
        blank=True,
    )
    area = models.PositiveIntegerField(
        _("floor area in m²"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_AREA, _("At most %(limit_value)s m² for one space."))],
    )
    capacity_theatre = capacity_field(_("theatre capacity"))
    capacity_classroom = capacity_field(_("classroom capacity"))
    capacity_banquet = capacity_field(_("banquet capacity"))
    capacity_cabaret = capacity_field(_("cabaret capacity"))
    capacity_reception = capacity_field(_("reception (standing) capacity"))
    capacity_boardroom = capacity_field(_("boardroom capacity"))
    equipment = ChoiceListField(_("equipment"), options=EQUIPMENT, blank=True)
    equipment_details = models.TextField(
        _("equipment details"), blank=True, help_text=_("Anything not in the list above.")
    )
    catering = ChoiceListField(_("catering"), options=CATERING, blank=True)
    catering_details = models.TextField(
        _("catering details"), blank=True, help_text=_("Caterers you work with, kitchen, bar.")
    )
    wheelchair_accessible = wheelchair_access_field()
    accessibility = accessibility_notes_field(
        _("Step-free route, lift, accessible toilets, induction loop, quiet room...")
    )
    price_details = models.CharField(
        _("price"),
        max_length=255,
        blank=True,
        help_text=_("E.g. from €450 per half day, excluding VAT. Leave empty for on request."),
    )
    for_venue_hire = models.BooleanField(_("for venue hire and events"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction", heading=pgettext_lazy("editor panel", "Summary")),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Main photo")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("area"),
                FieldRowPanel([FieldPanel(CAPACITY_FIELDS[layout]) for layout in list(Layout)[:3]]),
                FieldRowPanel([FieldPanel(CAPACITY_FIELDS[layout]) for layout in list(Layout)[3:]]),
            ],
            heading=_("Size and capacity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("equipment"),
                FieldPanel("equipment_details"),
                FieldPanel("catering"),
                FieldPanel("catering_details"),
            ],
            heading=_("Equipment and catering"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_accessible", widget=forms.RadioSelect),
                FieldPanel("accessibility"),
            ],
            heading=_("Accessibility"),
        ),
        FieldPanel("price_details"),
        FieldPanel("gallery"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("equipment_details"),
        index.SearchField("catering_details"),
        index.SearchField("accessibility"),
        index.SearchField("price_details"),
        *(index.FilterField(name) for name in CAPACITY_FIELDS.values()),
    ]

    parent_page_types = ["csti_venues.VenueSpaceIndexPage"]
    subpage_types = []
    alt_text_rules = [PHOTO_ALT_TEXT]
    visitor_label = _("Venue")
    visitor_label_plural = _("Venues")

    class Meta:
        verbose_name = _("venue space")
        verbose_name_plural = _("venue spaces")

    def validation_errors(self):
        errors = super().validation_errors()
        if not any(self.capacity(layout) for layout in Layout):
            errors[CAPACITY_FIELDS[Layout.THEATRE]] = _(
                "Give the capacity of at least one layout, so organisers can compare."
            )
        return errors

    def capacity(self, layout):
        return getattr(self, CAPACITY_FIELDS[Layout(layout)])

    @property
    def capacities(self):
        """``[(layout, guests or None)]`` in the usual order of layouts."""
        return [(layout, self.capacity(layout)) for layout in Layout]

    @property
    def max_capacity(self):
        return max((guests for _layout, guests in self.capacities if guests), default=0)

    @property
    def equipment_names(self):
        names = dict(EQUIPMENT)
        return [names[code] for code in self.equipment or [] if code in names]

    @property
    def catering_names(self):
        names = dict(CATERING)
        return [names[code] for code in self.catering or [] if code in names]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = linkable_parent(request, self)
        context["quote_url"] = self.quote_form_url(request, listing) if listing else None
        structured_data = space_json_ld(request, self)
        context["jsonld"] = json_ld_text(structured_data) if structured_data else ""
        return context

    def quote_form_url(self, request, listing):
        """The quote form of ``listing``, with this space chosen: the form is a route of the
        listing, so a space whose listing is offline offers none.

        The comparison's filters the organiser came with (``?guests=120&layout=banquet``,
        carried by the listing's links) go on to the form, which fills them in.
        """
        query = [("space", self.pk), *VenueSpaceIndexPage._shared_filters(request)]
        route = listing.specific.reverse_subpage("quote")
        return f"{listing.get_url(request)}{route}?{urlencode(query)}"
