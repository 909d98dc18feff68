"""The agenda's filters, shared by the page, the calendar, the ICS feed and the JSON endpoint.

A plain GET form: every filtered view has its own address, which visitors can
bookmark, share or subscribe to, and which works without JavaScript.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from csti_cms.core.audiences import Audience, audience_q
from csti_cms.core.collation import without_accents
from csti_cms.core.dates import FIRST_DAY, LAST_DAY
from csti_cms.core.typed_dates import say_what_to_type

from .models import EventPage

MAX_TEXT = 100


class AgendaDate(forms.DateField):
    """A day within the agenda's years; the browser's date picker is told the same limits."""

    def __init__(self, **kwargs):
        limits = {"min": FIRST_DAY.isoformat(), "max": LAST_DAY.isoformat()}
        super().__init__(
            required=False,
            widget=forms.DateInput(attrs={"type": "date", **limits}),
            validators=[MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)],
            **kwargs,
        )


class When(forms.ChoiceField):
    CHOICES = [
        ("", _("All upcoming dates")),
        ("today", _("Today")),
        ("weekend", _("This weekend")),
        ("month", _("This month")),
        ("dates", _("Between two dates")),
    ]

    def __init__(self, **kwargs):
        super().__init__(choices=self.CHOICES, required=False, widget=forms.RadioSelect, **kwargs)


def as_date_box_value(typed):
    """``typed`` as a date box holds it, ``YYYY-MM-DD``, when it reads as a date.

    A link may carry a date as people write it ("15/01/2027", from a newsletter or a
    browser without date pickers): a date box shows nothing but ISO, and the next change
    of filter would then send the range empty. What cannot be read stays as typed, for
    the form to say what to type.
    """
    try:
        day = forms.DateField().to_python(typed)
    except ValidationError:
        return typed
    return day.isoformat() if day else typed


class AgendaFilterForm(forms.Form):
    when = When(label=_("When"))
    start = AgendaDate(label=pgettext_lazy("agenda filter", "From"))
    end = AgendaDate(label=_("Until"))
    audience = forms.ChoiceField(
        label=_("For"), required=False, choices=[("", _("Everyone")), *Audience.choices]
    )
    category = forms.ChoiceField(label=_("Category"), required=False)
    age = forms.IntegerField(
        label=_("Age"),
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    # No colon after a label that follows its box.
    free = forms.BooleanField(label=_("Free only"), required=False, label_suffix="")
    q = forms.CharField(
        label=pgettext_lazy("agenda filter", "Words"), required=False, max_length=MAX_TEXT
    )

    #: The form's default period ("All upcoming dates") and the one the date boxes belong to.
    NO_PERIOD = ""
    BETWEEN_DATES = "dates"

    def __init__(self, data=None, categories=(), **kwargs):
        self.dates_set_aside = False
        super().__init__(self._as_it_filters(data), **kwargs)
        say_what_to_type(self)
        self.categories = {category.slug: category for category in categories}
        self.fields["category"].choices = [("", _("All categories"))] + [
            (category.slug, category.name) for category in categories
        ]

    def _as_it_filters(self, data):
        """The query as the agenda reads it, so that the form shows what filters the list.

        Without a script nothing ties the period to the date boxes. Dates typed while the
        period is still the default one mean "between two dates", and the form says so.
        With another period chosen ("Today" after a search between two dates), the dates
        still in the boxes are the last search's: they are left out, the boxes shown empty,
        and :attr:`dates_set_aside` lets the form say when dates only apply.
        The agenda's own links carry the query as it came and are read the same way again.
        """
        if data is None or not self._typed_dates(data):
            return data
        data = data.copy()
        when = data.get("when", self.NO_PERIOD)
        if when == self.NO_PERIOD:
            data["when"] = self.BETWEEN_DATES
        elif when != self.BETWEEN_DATES and when in dict(When.CHOICES):
            data["start"] = data["end"] = ""
            self.dates_set_aside = True
        for name in ("start", "end"):
            data[name] = as_date_box_value(data.get(name, ""))
        return data

    @staticmethod
    def _typed_dates(data):
        return any((data.get(name) or "").strip() for name in ("start", "end"))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date comes before the start date."))
        return cleaned

    def values(self):
        """The valid filters; a field with a wrong value is ignored (and reported in the form)."""
        self.is_valid()
        return Filters(
            when=self.cleaned_data.get("when") or "",
            start=self.cleaned_data.get("start"),
            end=self.cleaned_data.get("end") if "end" not in self.errors else None,
            audience=self.cleaned_data.get("audience") or "",
            category=self.categories.get(self.cleaned_data.get("category") or ""),
            age=self.cleaned_data.get("age"),
            free=bool(self.cleaned_data.get("free")),
            q=(self.cleaned_data.get("q") or "").strip(),
        )


@dataclass(frozen=True)
class Filters:
    when: str = ""
    start: object = None
    end: object = None
    audience: str = ""
    category: object = None
    age: int | None = None
    free: bool = False
    q: str = ""

    @property
    def active(self):
        return bool(
            self.when
            or self.start
            or self.end
            or self.audience
            or self.category
            or self.age is not None
            or self.free
            or self.q
        )

    def date_range(self, now=None):
        """``(from, until)`` as aware datetimes; ``until`` is None for "no end".

        Days are the site's days: "today" ends at local midnight, "this weekend"
        is Saturday and Sunday (from now when it is already the weekend).
        """
        now = timezone.localtime(now or timezone.now())
        zone = now.tzinfo
        midnight = datetime.combine(now.date(), time(), tzinfo=zone)
        if self.start or self.end:
            low = datetime.combine(self.start, time(), tzinfo=zone) if self.start else now
            high = (
                datetime.combine(self.end + timedelta(days=1), time(), tzinfo=zone)
                if self.end
                else None
            )
            return low, high
        if self.when == "today":
            return now, _next_midnight(midnight, 1)
        if self.when == "weekend":
            saturday = midnight + timedelta(days=(5 - now.weekday()) % 7)
            if now.weekday() == 6:
                saturday = midnight - timedelta(days=1)
            return max(now, saturday), _next_midnight(saturday, 2)
        if self.when == "month":
            first_next = (now.replace(day=28) + timedelta(days=4)).replace(day=1)
            return now, datetime.combine(first_next.date(), time(), tzinfo=zone)
        return now, None

    def apply(self, occurrences, dates=True, now=None):
        """Narrow an :class:`Occurrence` queryset with these filters."""
        if dates:
            occurrences = self.apply_dates(occurrences, now)
        return occurrences.filter(page_id__in=self.pages()) if self.narrows_pages else occurrences

    def apply_dates(self, occurrences, now=None):
        """Narrow an :class:`Occurrence` queryset to the period only."""
        low, high = self.date_range(now)
        occurrences = occurrences.filter(end__gt=low)
        return occurrences.filter(start__lt=high) if high is not None else occurrences

    def narrow_events(self, events):
        """Narrow an :class:`EventPage` queryset with the filters on events (not dates).

        Lists that look up each event's next date apply these to the events and the
        period to the dates: asked of every date instead, they cost a join per date.
        """
        return events.filter(pk__in=self.pages()) if self.narrows_pages else events

    @property
    def narrows_pages(self):
        return bool(self.audience or self.category or self.age is not None or self.free or self.q)

    def pages(self):
        """The event pages these filters keep, as a subquery."""
        pages = EventPage.objects.all()
        if self.audience:
            pages = pages.filter(audience_q(self.audience))
        if self.category is not None:
            pages = pages.filter(categories__translation_key=self.category.translation_key)
        if self.age is not None:
            pages = pages.filter(EventPage.suits_age(self.age))
        if self.free:
            pages = pages.filter(is_free=True)
        if self.q:
            # A substring match on what the list shows, folded as the pages' search text
            # is: "atel" finds "Atelier", "etoiles" finds "Étoiles", on every database,
            # inside the one listing query.
            words = Q()
            for word in without_accents(self.q).split()[:8]:
                words &= Q(search_text__contains=word)
            pages = pages.filter(words)
        return pages.values("pk")


def _next_midnight(midnight, days):
    """Local midnight ``days`` later, right across a daylight-saving change."""
    day = (midnight + timedelta(days=days)).date()
    return datetime.combine(day, time(), tzinfo=midnight.tzinfo)
