"""Exhibitions: what visitors come to see, permanent or for a season."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from csti_cms.agenda.jsonld import exhibition_event
from csti_cms.agenda.presentation import image_url, organizer
from csti_cms.blocks import SlotStreamField
from csti_cms.core.dates import out_of_range_errors
from csti_cms.core.hooks import public_pages
from csti_cms.core.models import SECTION_PARENTS, AgeRange, BasePage, age_range_panel
from csti_cms.core.models.images import IMAGE_ALT_TEXT, image_with_alt_text
from csti_cms.core.seo import centre_place, json_ld_text

from ..choices import ExhibitionKind, When
from ..filters import ExhibitionFilterForm, when_filter

#: Exhibitions an exhibitions page lists on one screen.
EXHIBITIONS_PER_PAGE = 12
#: Fields lists never show: left out of the listing query.
LISTING_DEFERRED = ("body",)


class ExhibitionPage(BasePage, AgeRange):
    """One exhibition: its dates, the ages it suits, where it is in the centre."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=ExhibitionKind.choices, default=ExhibitionKind.PERMANENT
    )
    start_date = models.DateField(
        _("opens on"),
        null=True,
        blank=True,
        help_text=_("Required for a temporary exhibition; for a permanent one, its opening day."),
    )
    end_date = models.DateField(
        _("closes on"), null=True, blank=True, help_text=_("Last day of a temporary exhibition.")
    )
    location = models.CharField(
        _("where in the centre"),
        max_length=120,
        blank=True,
        help_text=_("For example: “First floor, east wing”."),
    )
    image, image_alt_text = image_with_alt_text(
        _("image"), _("image alternative text"), _("Required when there is an image.")
    )
    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading=_("Image")),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                age_range_panel(),
                FieldPanel("location"),
            ],
            heading=_("Visiting"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["csti_visit.ExhibitionIndexPage"]
    subpage_types = []
    alt_text_rules = [IMAGE_ALT_TEXT]
    visitor_label = _("Exhibition")
    visitor_label_plural = _("Exhibitions")

    class Meta:
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def validation_errors(self):
        errors = super().validation_errors()
        if self.kind == ExhibitionKind.TEMPORARY:
            for name in ("start_date", "end_date"):
                if getattr(self, name) is None:
                    errors[name] = _("A temporary exhibition needs its first and last days.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first.")
        errors.update(out_of_range_errors(self, "start_date", "end_date"))
        errors.update(self.age_range_errors())
        return errors

    @property
    def is_permanent(self):
        return self.kind == ExhibitionKind.PERMANENT

    def is_past(self, today=None):
        today = today or timezone.localdate()
        return self.end_date is not None and self.end_date < today

    @classmethod
    def pages_over(cls, now):
        """Exhibitions whose last day is before ``now``'s day in the centre's time zone."""
        return cls.objects.filter(end_date__lt=timezone.localdate(now))

    def is_upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.start_date is not None and self.start_date > today

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jsonld"] = self.structured_data(request)
        return context

    def structured_data(self, request):
        """The exhibition as an ``ExhibitionEvent`` at the centre, as JSON-LD text ("" if none).

        A dated exhibition is an event that search engines list with its dates, like the
        agenda's; the centre is both its place and its organiser.
        """
        event = exhibition_event(
            self,
            url=self.get_full_url(request),
            place=centre_place(request),
            image_url=image_url(request, self.image),
            organizer=organizer(request),
        )
        return json_ld_text(event) if event else ""


class ExhibitionIndexPage(BasePage):
    """The centre's exhibitions, filtered by date and age, with or without JavaScript."""

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = SECTION_PARENTS
    subpage_types = ["csti_visit.ExhibitionPage"]
    visitor_label = _("Exhibition programme")
    visitor_label_plural = _("Exhibition programmes")

    class Meta:
        verbose_name = _("exhibitions page")
        verbose_name_plural = _("exhibitions pages")

    def exhibitions(self, request):
        """The live, public exhibitions of this page, in one query with their images."""
        pages = (
            ExhibitionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions")
            .defer(*LISTING_DEFERRED)
        )
        return public_pages(pages, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = ExhibitionFilterForm(request.GET or None)
        exhibitions = self.exhibitions(request)
        today = timezone.localdate()
        filters = form.cleaned_filters() if form.is_bound else {"when": When.CURRENT_AND_UPCOMING}
        exhibitions = exhibitions.filter(when_filter(filters.get("when", ""), today))
        if filters.get("age") is not None:
            exhibitions = exhibitions.filter(ExhibitionPage.suits_age(filters["age"]))
        if filters.get("when") == When.PAST:
            exhibitions = exhibitions.order_by(F("end_date").desc(), "path")
        else:
            exhibitions = exhibitions.order_by(F("start_date").asc(nulls_first=True), "path")
        listed = Paginator(exhibitions, EXHIBITIONS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            filter_form=form,
            exhibitions=listed,
            filter_query=form.query_string() if form.is_bound else "",
            today=today,
        )
        return context
