"""When the centre is open: a regular week, seasonal periods and exceptional closures.

Opening hours are a site setting: each centre of an install has its own, and they
are the same in every language. What visitors read about them (weekday names,
reasons for a closure) comes from the interface translations, so nothing has to
be translated by hand and no language version can fall out of step.
"""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.widgets import AdminTimeInput
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from csti_cms.core.dates import DATE, day_date


class DayTimePanel(FieldPanel):
    """A time of the week shown as "Opens" or "Closes" under its day's heading, and named
    in full to screen readers ("Opens on Monday"), which read a field's name, not the
    heading above it: fourteen fields all called "Opens" or "Closes" left an editor
    unable to tell Monday from Sunday, in the form and in its error messages."""

    def on_model_bound(self):
        super().on_model_bound()
        if self.widget is None:
            full_name = capfirst(self.model._meta.get_field(self.field_name).verbose_name)
            self.widget = AdminTimeInput(attrs={"aria-label": full_name})


#: Names of the days as they read inside a sentence ("lundi", "maandag"): callers put a
#: capital where one starts a line. A context of their own keeps them from replacing
#: Django's names, which format every date.
WEEKDAYS = [
    ("monday", pgettext_lazy("day of the week", "Monday")),
    ("tuesday", pgettext_lazy("day of the week", "Tuesday")),
    ("wednesday", pgettext_lazy("day of the week", "Wednesday")),
    ("thursday", pgettext_lazy("day of the week", "Thursday")),
    ("friday", pgettext_lazy("day of the week", "Friday")),
    ("saturday", pgettext_lazy("day of the week", "Saturday")),
    ("sunday", pgettext_lazy("day of the week", "Sunday")),
]


class WeeklySchedule(models.Model):
    """Opening and closing times for each weekday; a day left empty is a closed day.

    One opening a day: science centres rarely close at lunchtime, and a rare
    short day (Christmas Eve) is a seasonal period of one day.
    """

    monday_opens = models.TimeField(_("opens on Monday"), null=True, blank=True)
    monday_closes = models.TimeField(_("closes on Monday"), null=True, blank=True)
    tuesday_opens = models.TimeField(_("opens on Tuesday"), null=True, blank=True)
    tuesday_closes = models.TimeField(_("closes on Tuesday"), null=True, blank=True)
    wednesday_opens = models.TimeField(_("opens on Wednesday"), null=True, blank=True)
    wednesday_closes = models.TimeField(_("closes on Wednesday"), null=True, blank=True)
    thursday_opens = models.TimeField(_("opens on Thursday"), null=True, blank=True)
    thursday_closes = models.TimeField(_("closes on Thursday"), null=True, blank=True)
    friday_opens = models.TimeField(_("opens on Friday"), null=True, blank=True)
    friday_closes = models.TimeField(_("closes on Friday"), null=True, blank=True)
    saturday_opens = models.TimeField(_("opens on Saturday"), null=True, blank=True)
    saturday_closes = models.TimeField(_("closes on Saturday"), null=True, blank=True)
    sunday_opens = models.TimeField(_("opens on Sunday"), null=True, blank=True)
    sunday_closes = models.TimeField(_("closes on Sunday"), null=True, blank=True)

    week_panels = [
        FieldRowPanel(
            [
                DayTimePanel(f"{name}_opens", heading=_("Opens")),
                DayTimePanel(f"{name}_closes", heading=_("Closes")),
            ],
            heading=capfirst(label),
        )
        for name, label in WEEKDAYS
    ]

    class Meta:
        abstract = True

    def hours_on(self, weekday):
        """``(opens, closes)`` on ``weekday`` (0 is Monday), or ``None`` when closed."""
        name = WEEKDAYS[weekday][0]
        opens, closes = getattr(self, f"{name}_opens"), getattr(self, f"{name}_closes")
        return (opens, closes) if opens is not None and closes is not None else None

    def clean_week(self):
        errors = {}
        for name, _label in WEEKDAYS:
            opens, closes = getattr(self, f"{name}_opens"), getattr(self, f"{name}_closes")
            if (opens is None) != (closes is None):
                missing = f"{name}_closes" if closes is None else f"{name}_opens"
                errors[missing] = _("Give both times, or neither for a closed day.")
            elif opens is not None and closes <= opens:
                errors[f"{name}_closes"] = _("Closing time must be after opening time.")
        return errors

    def clean(self):
        super().clean()
        errors = self.clean_week()
        if errors:
            raise ValidationError(errors)


class OpeningHoursForm(WagtailAdminModelForm):
    """Checks the seasonal periods against each other, which no single row can do.

    A day covered by two periods silently follows the first one in the editor's
    order (``csti_cms.visit.opening``), so the other's hours would be listed but
    never applied. Closures may overlap: the day is closed either way.
    """

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("seasonal_periods")
        if formset is not None:
            self.refuse_overlapping_periods(formset)
        return cleaned_data

    @staticmethod
    def refuse_overlapping_periods(formset):
        # Rows already in error or about to be deleted say nothing reliable about dates.
        periods = [
            form
            for form in formset.forms
            if form.is_valid()
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("start_date")
            and form.cleaned_data.get("end_date")
        ]
        # Visitors' hours follow the editor's order, so the later row is the one to fix,
        # whatever its dates. The sort is stable: rows without an order keep theirs.
        periods.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        earlier = []
        for form in periods:
            start, end = form.cleaned_data["start_date"], form.cleaned_data["end_date"]
            other = next((o for o in earlier if o[0] <= end and start <= o[1]), None)
            if other is not None:
                form.add_error("start_date", overlap_message(*other))
            earlier.append((start, end))


def overlap_message(start, end):
    """Names the other period with its dates written out ("1er janvier 2027"), as the
    practical page shows them: "01/10/2027" reads as October to a Belgian editor."""
    return _(
        "This period overlaps the one from %(start)s to %(end)s. Each day follows the "
        "hours of one seasonal period only: change the dates of one of them."
    ) % {"start": day_date(start, DATE), "end": day_date(end, DATE)}


@register_setting(icon="time")
class OpeningHours(ClusterableModel, WeeklySchedule, BaseSiteSetting):
    """The centre's opening hours, with its seasonal periods and closures."""

    panels = [
        MultiFieldPanel(
            [
                HelpPanel(_("Leave both times empty on the days the centre is closed.")),
                *WeeklySchedule.week_panels,
            ],
            heading=_("Regular week"),
        ),
        InlinePanel(
            "seasonal_periods",
            heading=_("Seasonal periods"),
            label=_("Seasonal period"),
            help_text=_("School holidays, summer: other hours between two dates."),
        ),
        InlinePanel(
            "closures",
            heading=_("Exceptional closures"),
            label=_("Closure"),
            help_text=_("Days the centre is closed to the public, whatever the hours above say."),
        ),
    ]

    base_form_class = OpeningHoursForm

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return str(self._meta.verbose_name)


class DateRange(models.Model):
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), help_text=_("Included."))

    class Meta:
        abstract = True

    def covers(self, day):
        return self.start_date <= day <= self.end_date

    def clean_dates(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            return {"end_date": _("The end date cannot be before the start date.")}
        return {}


class SeasonalPeriod(Orderable, DateRange, WeeklySchedule):
    """Other opening hours between two dates: school holidays, summer, a short day."""

    opening_hours = ParentalKey(
        OpeningHours, on_delete=models.CASCADE, related_name="seasonal_periods"
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        *WeeklySchedule.week_panels,
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("seasonal period")
        verbose_name_plural = _("seasonal periods")

    def __str__(self):
        return f"{self.start_date} – {self.end_date}"

    def clean(self):
        errors = {**self.clean_dates(), **self.clean_week()}
        if errors:
            raise ValidationError(errors)


class ClosureReason(models.TextChoices):
    """Why the centre is closed, in words visitors read in their own language."""

    EXCEPTIONAL = "exceptional", _("Exceptional closure")
    PUBLIC_HOLIDAY = "public-holiday", _("Public holiday")
    MAINTENANCE = "maintenance", _("Closed for maintenance")
    SCHOOL_GROUPS = "school-groups", _("Reserved for school groups")
    PRIVATE_EVENT = "private-event", _("Reserved for a private event")
    EXHIBITION_CHANGE = "exhibition-change", _("New exhibitions being installed")


class Closure(Orderable, DateRange):
    """Days the centre is closed to the public, from one day to several weeks.

    A closure on fixed dates (Christmas, New Year's Day, a national day) comes back every
    year from its first: entered once, rather than again each year by an editor who would
    otherwise find, too late, that the site said open and took bookings on 25 December.
    """

    opening_hours = ParentalKey(OpeningHours, on_delete=models.CASCADE, related_name="closures")
    end_date = models.DateField(_("until"), blank=True, help_text=_("Empty for a single day."))
    reason = models.CharField(
        _("reason"),
        max_length=20,
        choices=ClosureReason.choices,
        default=ClosureReason.EXCEPTIONAL,
        help_text=_("Shown to visitors in their language."),
    )
    every_year = models.BooleanField(
        _("every year"),
        default=False,
        # In the database too: the code of the version before saves closures without it.
        db_default=False,
        help_text=_("Closed on the same dates each year from this one on: public holidays."),
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("reason"),
        FieldPanel("every_year"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("closure")
        verbose_name_plural = _("closures")

    def __str__(self):
        return f"{self.start_date} – {self.end_date}: {self.get_reason_display()}"

    def save(self, *args, **kwargs):
        self.end_date = self.end_date or self.start_date
        super().save(*args, **kwargs)

    @property
    def reason_says_closed(self):
        """Whether the reason's own words say the centre is closed ("Closed for
        maintenance"): a table of hours then shows them alone, not "Closed: Closed for
        maintenance"."""
        return self.reason in {ClosureReason.EXCEPTIONAL, ClosureReason.MAINTENANCE}

    def clean(self):
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        errors = self.clean_dates() or self.clean_every_year()
        if errors:
            raise ValidationError(errors)

    def clean_every_year(self):
        if not self.every_year or not self.start_date:
            return {}
        if (self.start_date.month, self.start_date.day) == (2, 29):
            return {"start_date": _("A closure every year cannot start on 29 February.")}
        if (self.end_date.month, self.end_date.day) == (2, 29):
            return {"end_date": _("A closure every year cannot end on 29 February.")}
        if self.end_date >= self.in_year(self.start_date.year + 1).start_date:
            return {"end_date": _("A closure every year must be shorter than a year.")}
        return {}

    def in_year(self, year):
        """A copy of this closure moved to ``year``, on the same dates, never saved.

        The dates, not the number of days: from 20 February to 10 March is a day longer
        in a leap year.
        """
        moved = copy.copy(self)
        moved.start_date = self.start_date.replace(year=year)
        moved.end_date = self.end_date.replace(
            year=year + self.end_date.year - self.start_date.year
        )
        return moved

    def occurrences(self, start, end):
        """This closure's occurrences overlapping ``start`` to ``end``, in order: itself,
        or for a closure every year, a copy of it for each year from its first."""
        if not self.every_year:
            return [self] if self.start_date <= end and start <= self.end_date else []
        years = range(max(start.year - 1, self.start_date.year), end.year + 1)
        moved = (self.in_year(year) for year in years)
        return [
            closure for closure in moved if closure.start_date <= end and start <= closure.end_date
        ]


def closures_between(closures, start, end):
    """The occurrences of ``closures`` overlapping ``start`` to ``end``, by start date."""
    found = [occurrence for closure in closures for occurrence in closure.occurrences(start, end)]
    return sorted(found, key=lambda closure: (closure.start_date, closure.pk or 0))


def closures_query(start, end):
    """The closures that may have days between ``start`` and ``end`` (one filter)."""
    return Q(start_date__lte=end, end_date__gte=start) | Q(every_year=True, start_date__lte=end)
