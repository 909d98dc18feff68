"""School activities and the page that lists them for teachers.

An activity page answers what a teacher needs to decide and book: for which
levels and subjects, how it links to the curriculum, how long it lasts, how many
pupils it takes, in which languages, at what price, and what to read beforehand.
Its booking form is a route of the page (``./book/``), so it carries the page's
language prefix and is answered in the visitor's language.
"""

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from csti_cms.blocks import SlotStreamField
from csti_cms.blocks.media import DownloadBlock
from csti_cms.core.accessibility import accessibility_notes_field, wheelchair_access_field
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.forms import SlotAwarePageForm
from csti_cms.core.models import SECTION_PARENTS, AgeRange, BasePage, age_range_panel
from csti_cms.core.models.images import IMAGE_ALT_TEXT, image_with_alt_text
from csti_cms.core.routes import SENT_SEGMENT, LocalizedRoutablePageMixin, localized_route
from csti_cms.core.spoken_languages import SPOKEN_LANGUAGES

from ..days_open import days_open_to_groups
from .choices import (
    WEEKDAY_CHOICES,
    WEEKDAY_CODES,
    ActivityType,
    PriceBasis,
    describe_days,
    school_week,
)
from .taxonomy import SchoolLevel, Subject, grouped_levels

#: A few classes at once (a show or a conference in the auditorium); a whole school coming on
#: the same day makes several bookings.
GROUP_SIZE_LIMIT = MaxValueValidator(
    500, _("At most %(limit_value)s pupils: a larger group books several sessions.")
)


#: The booking form's route segment, spelled in the activity's language (csti_cms.core.routes).
BOOK = pgettext_lazy("URL", "book/")


class SchoolActivityIndexPage(LocalizedRoutablePageMixin, BasePage):
    """The list of the centre's school activities, filtered by what the teacher needs.

    The activities are its children. The filters are a plain GET form, so every
    filtered list has its own address and works without JavaScript.
    """

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("practical information"),
        blank=True,
        help_text=_("Shown under the list: how booking works, what to prepare, contacts."),
    )
    for_schools = models.BooleanField(_("for teachers and school groups"), default=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = SECTION_PARENTS
    subpage_types = ["csti_schools.SchoolActivityPage"]
    visitor_label = _("School programme")
    visitor_label_plural = _("School programmes")

    class Meta:
        verbose_name = _("school activities listing")
        verbose_name_plural = _("school activities listings")

    @path("", name="listing")
    def listing(self, request):
        from ..views import activity_listing

        return activity_listing(request, self)


class CurriculumLinkBlock(blocks.StructBlock):
    """Curriculum references for some levels, in the curriculum's own terms.

    The levels are free text because curricula are not organised like bookings:
    French programmes go by cycle (cycle 3 is CM1 to 6e), Flemish attainment
    targets by stage.
    """

    levels = blocks.CharBlock(
        label=_("Levels"),
        max_length=120,
        help_text=_("As the curriculum names them: 5e-6e primaire, cycle 3, 1e graad..."),
    )
    text = blocks.TextBlock(
        label=_("Curriculum links"),
        help_text=_(
            "What the activity works on at this level, in the words of the curriculum: "
            "attainment targets (eindtermen, leerplandoelen), competences, programme items."
        ),
    )

    class Meta:
        icon = "list-ul"
        label = _("Curriculum links for a level")
        description = _("What the activity works on at some levels, in the curriculum's words.")
        preview_value = {
            "levels": _("5th and 6th primary"),
            "text": _("Forces and motion: measuring how long a pendulum takes to swing."),
        }


class SchoolActivityForm(SlotAwarePageForm):
    """Offers the levels and subjects of the page's language, levels grouped by system, and
    names the days the centre is closed to groups beside the days offered."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self._tell_days_closed(parent_page)
        locale = self.instance.locale if self.instance.locale_id else None
        if locale is None and parent_page is not None:
            locale = parent_page.locale
        if locale is None:
            return
        chosen = {"levels": [], "subjects": []}
        if self.instance.pk:
            chosen = {name: [o.pk for o in getattr(self.instance, name).all()] for name in chosen}
        for name, model in (("levels", SchoolLevel), ("subjects", Subject)):
            field = self.fields.get(name)
            if field is None:
                continue
            field.queryset = model.objects.filter(
                models.Q(locale=locale) | models.Q(pk__in=chosen[name])
            )
        if "levels" in self.fields:
            self.fields["levels"].choices = [
                (system, [(level.pk, level.name) for level in members])
                for system, members in grouped_levels(self.fields["levels"].queryset)
            ]

    def _tell_days_closed(self, parent_page):
        """Warn that teachers are not offered the days the centre usually receives no groups.

        A help text rather than an error: the day stays ticked for when the opening hours
        change, and a season opening it still takes bookings on its dates.
        """
        field = self.fields.get("days_offered")
        page = self.instance if self.instance.pk else parent_page
        if field is None or page is None:
            return
        days_open = days_open_to_groups(page.get_site(), timezone.localdate())
        if closed := describe_days([code for code in WEEKDAY_CODES if code not in days_open]):
            warning = _(
                "The centre usually receives no groups on %(days)s (see its opening hours): "
                "teachers are not offered these days."
            ) % {"days": closed}
            field.help_text = f"{field.help_text} {warning}"


class SchoolActivityPage(LocalizedRoutablePageMixin, BasePage, AgeRange):
    """A workshop, guided visit, show or conference offered to school groups."""

    activity_type = models.CharField(
        _("type of activity"),
        max_length=20,
        choices=ActivityType.choices,
        default=ActivityType.WORKSHOP,
    )
    image, image_alt_text = image_with_alt_text(
        _("image"), _("image alternative text"), _("Required when there is an image.")
    )
    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("description"),
        blank=True,
    )

    # For whom
    levels = ParentalManyToManyField(
        "csti_schools.SchoolLevel",
        verbose_name=_("school levels"),
        blank=True,
        related_name="activities",
    )
    subjects = ParentalManyToManyField(
        "csti_schools.Subject",
        verbose_name=_("subjects"),
        blank=True,
        related_name="activities",
    )
    curriculum_links = StreamField(
        [("link", CurriculumLinkBlock())],
        verbose_name=_("curriculum links"),
        blank=True,
        help_text=_("For each level, what the activity covers in the curriculum."),
    )

    # How
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration in minutes"),
        default=90,
        validators=[
            # 0 is refused by validation_errors(), negative numbers by the field itself.
            # A full day at the centre (10 hours); longer stays are told in the description.
            MaxValueValidator(
                600, _("At most %(limit_value)s minutes, a full day: describe longer stays.")
            ),
        ],
        help_text=_("E.g. 90 for an hour and a half."),
    )
    min_pupils = models.PositiveSmallIntegerField(
        _("minimum group size"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, _("A group has at least one pupil.")), GROUP_SIZE_LIMIT],
        help_text=_("In pupils. Optional."),
    )
    max_pupils = models.PositiveSmallIntegerField(
        _("maximum group size"),
        default=25,
        # 0 is refused by validation_errors().
        validators=[GROUP_SIZE_LIMIT],
        help_text=_("The most pupils one booking may bring. Larger requests are refused."),
    )
    languages = ChoiceListField(
        _("languages offered"),
        options=SPOKEN_LANGUAGES,
        blank=True,
        help_text=_("Teachers choose one of these when they book."),
    )
    days_offered = ChoiceListField(
        _("days offered"),
        options=WEEKDAY_CHOICES,
        default=school_week,
        help_text=_(
            "The days of the week a class can book this activity. Days the centre is closed "
            "are refused whatever is ticked here."
        ),
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(0),
            # Far above any per-pupil or per-group price: catches a slip of the keyboard
            # with a plainer message than the column's digit limit.
            MaxValueValidator(Decimal(10000), _("Enter a price of at most %(limit_value)s euros.")),
        ],
        help_text=_("0 for a free activity; leave empty for a price on request."),
    )
    price_basis = models.CharField(
        _("price is"), max_length=10, choices=PriceBasis.choices, default=PriceBasis.PER_PUPIL
    )
    price_details = models.CharField(
        _("price details"),
        max_length=255,
        blank=True,
        help_text=_("E.g. free for accompanying adults; reduced rate for schools in Namur."),
    )
    # Whether a class with a pupil in a wheelchair can take part, stated as for events and
    # rooms; kept the same in every language, the notes translated.
    wheelchair_accessible = wheelchair_access_field()
    accessibility = accessibility_notes_field(
        _("Induction loop, sign language, quiet space, seats...")
    )
    resources = StreamField(
        [("document", DownloadBlock())],
        verbose_name=_("teacher resources"),
        blank=True,
        help_text=_("Documents to prepare or extend the activity: teacher packs, worksheets."),
    )
    for_schools = models.BooleanField(_("for teachers and school groups"), default=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("activity_type"),
        FieldPanel("introduction", heading=_("Summary")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("levels", widget=forms.CheckboxSelectMultiple),
                age_range_panel(),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("curriculum_links"),
            ],
            heading=_("For which classes"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldRowPanel([FieldPanel("min_pupils"), FieldPanel("max_pupils")]),
                FieldPanel("languages"),
                FieldPanel("days_offered"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_basis")]),
                FieldPanel("price_details"),
                FieldPanel("wheelchair_accessible", widget=forms.RadioSelect),
                FieldPanel("accessibility"),
            ],
            heading=_("Duration, group size, languages, days, price and access"),
        ),
        FieldPanel("resources"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("curriculum_links"),
        index.SearchField("price_details"),
        index.SearchField("accessibility"),
        index.FilterField("activity_type"),
        index.FilterField("duration_minutes"),
    ]
    override_translatable_fields = [
        SynchronizedField("levels"),
        SynchronizedField("subjects"),
    ]

    base_form_class = SchoolActivityForm
    parent_page_types = ["csti_schools.SchoolActivityIndexPage"]
    subpage_types = []
    alt_text_rules = [IMAGE_ALT_TEXT]
    visitor_label = _("School activity")
    visitor_label_plural = _("School activities")

    class Meta:
        verbose_name = _("school activity")
        verbose_name_plural = _("school activities")

    def validation_errors(self):
        errors = super().validation_errors()
        errors.update(self.age_range_errors())
        if self.min_pupils and self.max_pupils and self.max_pupils < self.min_pupils:
            errors["max_pupils"] = _("The maximum group size cannot be below the minimum.")
        if self.max_pupils == 0:
            errors["max_pupils"] = _("A group has at least one pupil.")
        if self.duration_minutes == 0:
            errors["duration_minutes"] = _("Give the duration in minutes.")
        return errors

    # What templates show ------------------------------------------------------

    @property
    def language_names(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names[code] for code in self.languages or [] if code in names]

    def days_label(self, days_open):
        """The days offered on which the centre receives groups (``days_open``), as teachers
        read them; "" when every day is (the centre's opening hours then tell).

        An activity none of whose days the centre opens on keeps its own days: the teacher
        learns them, and the closed-day refusal then says why a date is not possible.
        """
        offered = self.days_offered or []
        return describe_days([code for code in offered if code in days_open] or offered)

    @property
    def duration_label(self):
        hours, minutes = divmod(self.duration_minutes or 0, 60)
        if not hours:
            return _("%(minutes)d min") % {"minutes": minutes}
        if not minutes:
            return _("%(hours)d h") % {"hours": hours}
        return _("%(hours)d h %(minutes)02d") % {"hours": hours, "minutes": minutes}

    @property
    def is_free(self):
        return self.price is not None and self.price == 0

    # Routes ---------------------------------------------------------------------

    @path("", name="detail")
    def detail(self, request):
        return self.render(request)

    @path(BOOK, name="book")
    def book(self, request):
        from ..views import booking_form

        return booking_form(request, self)

    @path(localized_route(BOOK, SENT_SEGMENT), name="booking_sent")
    def booking_sent(self, request):
        from ..views import booking_sent

        return booking_sent(request, self)

    def get_context(self, request, *args, **kwargs):
        from ..views import activity_context

        context = super().get_context(request, *args, **kwargs)
        context.update(activity_context(request, self))
        return context
