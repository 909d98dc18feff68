"""Practical information: hours, prices and accessibility, on one page visitors check first.

Accessibility is structured data, not prose alone, so that a visitor using a
wheelchair or needing a quiet time finds the answer in the same place on every
centre's site, in their language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, override
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from csti_cms.blocks import SlotStreamField
from csti_cms.core.models import SECTION_PARENTS, BasePage

from .fields import MultipleChoiceField
from .hours import WEEKDAYS
from .tickets import TicketCategory, TicketingSettings

#: How far ahead the page announces seasonal hours and closures.
UPCOMING_DAYS = 120


class WheelchairAccess(models.TextChoices):
    FULL = "full", _("The whole centre is accessible in a wheelchair")
    PARTIAL = "partial", _("Most of the centre is accessible in a wheelchair")
    NONE = "none", _("The centre is not accessible in a wheelchair")


class AccessibilityAid(models.TextChoices):
    """Aids the centre offers; each is shown with the same words on every site."""

    WHEELCHAIR_LOAN = "wheelchair-loan", _("Wheelchairs to borrow")
    ACCESSIBLE_TOILETS = "accessible-toilets", _("Accessible toilets")
    ACCESSIBLE_PARKING = "accessible-parking", _("Reserved parking spaces")
    LIFT = "lift", _("Lift to every floor")
    SEATS = "seats", _("Seats throughout the exhibitions")
    INDUCTION_LOOP = "induction-loop", _("Induction loop at the reception and in the auditorium")
    SIGN_LANGUAGE = "sign-language", _("Sign language tours on request")
    AUDIO_DESCRIPTION = "audio-description", _("Audio description")
    TACTILE = "tactile", _("Tactile models and objects to touch")
    LARGE_PRINT = "large-print", _("Large-print guides")
    EASY_READ = "easy-read", _("Easy-to-read texts")
    SENSORY_KIT = "sensory-kit", _("Sensory kits with ear defenders")
    QUIET_ROOM = "quiet-room", _("A quiet room")
    ASSISTANCE_DOGS = "assistance-dogs", _("Assistance dogs welcome")


class PracticalInfoPage(BasePage):
    """Opening hours, prices, getting here and accessibility."""

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
        help_text=_("Getting here, what to bring, where to eat: hours and prices are added."),
    )
    wheelchair_access = models.CharField(
        _("wheelchair access"), max_length=10, choices=WheelchairAccess.choices, blank=True
    )
    accessibility_aids = MultipleChoiceField(
        _("aids available"), choices=AccessibilityAid.choices, blank=True
    )
    accessibility_notes = models.TextField(
        _("more about accessibility"),
        blank=True,
        help_text=_("What the lists above do not say: steps, distances, whom to call."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_access"),
                FieldPanel("accessibility_aids"),
                InlinePanel(
                    "quiet_hours",
                    heading=_("Quiet hours"),
                    label=_("Quiet hours"),
                    help_text=_("Times with less sound, light and crowd, for sensitive visitors."),
                ),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("accessibility_notes"),
        index.SearchField("accessibility_search_text"),
    ]

    parent_page_types = SECTION_PARENTS
    subpage_types = []
    visitor_label = _("Practical information")
    visitor_label_plural = _("Practical information")

    class Meta:
        verbose_name = _("practical information page")
        verbose_name_plural = _("practical information pages")

    @property
    def aids(self):
        labels = dict(AccessibilityAid.choices)
        return [labels[aid] for aid in self.accessibility_aids if aid in labels]

    def save(self, *args, update_fields=None, **kwargs):
        """Index the page again once its quiet hours are written.

        The search index reads the page back as it is saved, before modelcluster writes
        its quiet hours: a page given quiet hours would be found by them one publication
        late, and one that lost them still found. Read back again, from the database: the
        page in hand may be a draft (saving a revision writes only a few columns, and the
        quiet hours not at all), whose words must not be found before they are published.
        """
        super().save(*args, update_fields=update_fields, **kwargs)
        if update_fields is None and getattr(self, "search_auto_update", True):
            index.insert_or_update_object(type(self).objects.get(pk=self.pk))

    def accessibility_search_text(self):
        """What the page offers, in the words visitors read on it and search with ("quiet
        room", "ear defenders", "heures calmes"), in the page's language.

        The aids and the wheelchair answer are stored as codes, and quiet hours as times: a
        search for them missed the one page that answers it.
        """
        with override(self.locale.language_code):
            words = [str(label) for label in self.aids]
            if self.wheelchair_access:
                words.append(str(WheelchairAccess(self.wheelchair_access).label))
            if self.quiet_hours.exists():
                words.append(str(QuietHours._meta.verbose_name_plural))
        return "\n".join(words)

    def get_context(self, request, *args, **kwargs):
        from csti_cms.visit.opening import centre_now, load_calendar, week_summary

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        today = centre_now().date()
        calendar = load_calendar(site, today, days=UPCOMING_DAYS)
        context.update(
            regular_week=week_summary(calendar.regular) if calendar.is_configured else [],
            seasonal_periods=[
                (period, week_summary(period))
                for period in calendar.periods
                if period.end_date >= today
            ],
            closures=list(calendar.closures),
            ticket_categories=TicketCategory.for_site(site, get_language()),
            ticketing=TicketingSettings.for_request(request),
            quiet_hours=list(self.quiet_hours.all()),
        )
        return context


class QuietHours(Orderable):
    """A weekly time when the centre turns the volume and the lights down."""

    page = ParentalKey(PracticalInfoPage, on_delete=models.CASCADE, related_name="quiet_hours")
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=[(index, label) for index, (_name, label) in enumerate(WEEKDAYS)]
    )
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")])]

    class Meta(Orderable.Meta):
        verbose_name = _("quiet hours")
        verbose_name_plural = _("quiet hours")

    def clean(self):
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The end must be after the start.")})
