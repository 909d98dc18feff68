"""Per-site settings: each centre on an install brands its own site."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page

from csti_cms.core.caching import CachedSiteSetting
from csti_cms.core.colours import AA_NORMAL_TEXT, HEX_COLOUR, WHITE, contrast_ratio

hex_colour_validator = RegexValidator(HEX_COLOUR, _("Enter a colour such as #1d4f91."))


class FontChoice(models.TextChoices):
    """Font stacks served without any third-party font service."""

    SYSTEM = "system", _("System interface (fast, neutral)")
    HUMANIST = "humanist", _("Humanist sans-serif (friendly)")
    SERIF = "serif", _("Serif (classic, for long reading)")
    HYPERLEGIBLE = "hyperlegible", _("Atkinson Hyperlegible (designed for low vision)")


FONT_STACKS = {
    FontChoice.SYSTEM: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
    FontChoice.HUMANIST: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", sans-serif',
    FontChoice.SERIF: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif',
    FontChoice.HYPERLEGIBLE: '"Atkinson Hyperlegible", system-ui, sans-serif',
}


@register_setting(icon="palette")
class BrandingSettings(CachedSiteSetting, BaseSiteSetting):
    centre_name = models.CharField(_("centre name"), max_length=120, default="Science centre")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    default_sharing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("default sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without a sharing image of its own is shared on social "
            "networks. A landscape photo of the centre works best, at least 1200 × 675 "
            "pixels: it is cut to that shape around its focal point. Without one, the "
            "logo is shown whole."
        ),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#1d4f91",
        validators=[hex_colour_validator],
        help_text=_("Header, buttons and links. Must stay readable behind white text."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#a3286c",
        validators=[hex_colour_validator],
        help_text=_("Highlights and calls to action. Must stay readable behind white text."),
    )
    font = models.CharField(
        _("font"), max_length=20, choices=FontChoice.choices, default=FontChoice.SYSTEM
    )

    panels = [
        FieldPanel("centre_name"),
        FieldPanel("logo"),
        FieldPanel("default_sharing_image"),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("accent_colour"), FieldPanel("font")],
            heading=_("Look"),
        ),
    ]

    select_related = ["logo", "default_sharing_image"]

    class Meta:
        verbose_name = _("branding")

    @property
    def font_stack(self):
        return FONT_STACKS[self.font]

    def clean(self):
        super().clean()
        errors = {}
        for field in ("primary_colour", "accent_colour"):
            value = getattr(self, field)
            if not HEX_COLOUR.match(value or ""):
                continue
            ratio = contrast_ratio(value, WHITE)
            if ratio < AA_NORMAL_TEXT:
                # Numbers in the admin's language ("4,5:1" in French). A ratio just below
                # the minimum would round up to it ("4.50:1; at least 4.5:1"): show 4.49.
                shown = min(round(ratio, 2), AA_NORMAL_TEXT - 0.01)
                errors[field] = _(
                    "White text on this colour has a contrast of %(ratio)s:1; at least "
                    "%(minimum)s:1 is needed to be readable. Choose a darker colour."
                ) % {
                    "ratio": number_format(shown, decimal_pos=2),
                    "minimum": number_format(AA_NORMAL_TEXT, decimal_pos=1),
                }
        if errors:
            raise ValidationError(errors)


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("youtube", "YouTube"),
    ("tiktok", "TikTok"),
    ("other", _("Other")),
]


class SocialLinkValue(blocks.StructValue):
    @property
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")
        value_class = SocialLinkValue
        description = _("The centre's page on a social network, linked in the footer.")
        preview_value = {"network": "mastodon", "url": "https://mastodon.social/"}


def move_to_a_translation(collector, field, sub_objs, using):
    """``on_delete`` of a setting naming a page that every language links to in its own
    translation (the privacy policy, :mod:`csti_cms.core.legal_pages`).

    Emptied, as ``SET_NULL`` would, when an editor deletes the French policy, the setting
    would take the Dutch and English footers' and forms' link with it, although their
    translations remain. It moves to a translation not deleted along with it: a live
    one first, in the order of ``LANGUAGES``; the admin then shows that one. It is
    emptied only once no translation is left.
    """
    _move_to_a_translation(collector, field, sub_objs, using, models.SET_NULL)


def move_to_a_translation_or_cascade(collector, field, sub_objs, using):
    """``on_delete`` of a record that belongs to a page in every language, such as an
    endorsement of a declaration: deleting the French page must not take the
    endorsements sent from its form with it while the Dutch and English pages remain.
    It moves as with :func:`move_to_a_translation`, and goes with the last translation.
    """
    _move_to_a_translation(collector, field, sub_objs, using, models.CASCADE)


def _move_to_a_translation(collector, field, sub_objs, using, without_translation):
    going = {
        page.pk: page
        for model, pages in collector.data.items()
        if issubclass(model, Page)
        for page in pages
    }
    survivors = {}  # One query per translation key, not per record.
    stranded = []
    for obj in sub_objs:
        key = going[getattr(obj, field.attname)].translation_key
        if key not in survivors:
            survivors[key] = _surviving_translation(key, going, using)
        if survivors[key] is None:
            stranded.append(obj)
        else:
            collector.add_field_update(field, survivors[key], [obj])
    if stranded:
        without_translation(collector, field, stranded, using)


def _surviving_translation(translation_key, going, using):
    """The id of the translation a record moves to, or ``None`` (see above)."""
    languages = [code for code, _name in settings.LANGUAGES]
    survivors = [
        (not live, languages.index(code) if code in languages else len(languages), pk)
        for pk, live, code in Page.objects.using(using)
        .filter(translation_key=translation_key)
        .values_list("pk", "live", "locale__language_code")
        if pk not in going
    ]
    return min(survivors)[-1] if survivors else None


class AccessibilityConformance(models.TextChoices):
    """How far the site meets the accessibility standard (WCAG, as the RGAA and EN 301 549
    apply it), in the three words French and Belgian law give every page's footer.

    A site never assessed is not conforming: in France only an RGAA audit says more, while
    Belgian law also takes a documented self-assessment (the demo's statement rests on one).
    """

    NOT_CONFORMING = (
        "none",
        pgettext_lazy("accessibility conformance", "Not conforming, or not audited yet"),
    )
    PARTIALLY = "partial", pgettext_lazy("accessibility conformance", "Partially conforming")
    FULLY = "full", pgettext_lazy("accessibility conformance", "Fully conforming")


#: The footer's line for each state, whole sentences so each language words it its own way.
ACCESSIBILITY_IN_FOOTER = {
    AccessibilityConformance.NOT_CONFORMING: _("Accessibility: not conforming"),
    AccessibilityConformance.PARTIALLY: _("Accessibility: partially conforming"),
    AccessibilityConformance.FULLY: _("Accessibility: fully conforming"),
}


def legal_page_field(verbose_name, help_text):
    """A page of the contact details that the footer links to in every language.

    Deleting the page chosen moves the setting to one of its translations
    (:func:`move_to_a_translation`): the link outlives the version an editor removed.
    """
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=move_to_a_translation,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="mail")
class ContactSettings(CachedSiteSetting, BaseSiteSetting):
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter code, e.g. BE or FR.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social media"), blank=True
    )
    privacy_page = legal_page_field(
        _("privacy policy"),
        _(
            "The page telling visitors how the centre handles their personal data, linked "
            "in the footer and beside every form. Each language links to its own translation."
        ),
    )
    legal_notice_page = legal_page_field(
        _("legal notice"),
        _(
            "The page naming who publishes the site (organisation, registered office, "
            "company number), linked in the footer."
        ),
    )
    accessibility_statement_page = legal_page_field(
        _("accessibility statement"),
        _(
            "The page stating how accessible the site is, linked in the footer of every "
            "page. It says the conformance state below and when it was assessed, what is "
            "not accessible yet and why, how to report a barrier and get the content in "
            "another way, and where to turn when that request goes unanswered."
        ),
    )
    accessibility_conformance = models.CharField(
        _("accessibility conformance"),
        max_length=10,
        choices=AccessibilityConformance.choices,
        default=AccessibilityConformance.NOT_CONFORMING,
        # In the database too: the code of the version before saves the settings without it.
        db_default=AccessibilityConformance.NOT_CONFORMING,
        help_text=_(
            "Shown in the footer of every page, as French and Belgian law ask. Keep "
            "“not conforming” until the site has been assessed: in France by an RGAA "
            "audit, which says “partially” once at least half of its criteria are met "
            "and “fully” once all of them are; in Belgium by an audit or a documented "
            "self-assessment of your team."
        ),
    )
    ecodesign_statement_page = legal_page_field(
        _("eco-design statement"),
        _(
            "The page saying how the site keeps its weight and energy use down, linked in "
            "the footer of every page. French public bodies publish one against the RGESN "
            "(the French government's eco-design framework for digital services); elsewhere "
            "it is voluntary. It says how the site was assessed and when, what it does "
            "(light pages, no trackers, videos loaded on request...), what is left to do, "
            "and where to send suggestions."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("legal_notice_page"),
                FieldPanel("accessibility_statement_page"),
                FieldPanel("accessibility_conformance"),
                FieldPanel("ecodesign_statement_page"),
            ],
            heading=_("Legal pages"),
        ),
    ]

    class Meta:
        verbose_name = _("contact details")

    @property
    def has_address(self):
        return bool(self.street_address or self.locality)

    @property
    def accessibility_in_footer(self):
        """The conformance state as the footer words it, in the active language."""
        return ACCESSIBILITY_IN_FOOTER[self.accessibility_conformance]
