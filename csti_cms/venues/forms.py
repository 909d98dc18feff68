"""The venue-hire forms: the comparison filters and the quote request."""

from dataclasses import dataclass
from datetime import timedelta

from django import forms
from django.core.validators import MinValueValidator
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from wagtail.models import Site

from csti_cms.core.i18n import site_language
from csti_cms.core.typed_dates import say_what_to_type
from csti_cms.enquiries.forms import WRITE_YOUR_EMAIL, WRITE_YOUR_NAME, SpamProtectedFormMixin
from csti_cms.enquiries.repeats import OneTimeSubmissionMixin

from .models import CAPACITY_FIELDS, CATERING, EventType, Layout, QuoteRequest

#: The most guests a quote or the comparison accepts. The largest science centres hold a
#: few thousand people in all their spaces together; a higher figure is a typing slip,
#: and a bound the visitor is told about keeps the database's own limit out of sight.
MAX_GUESTS = 10_000
#: The highest budget a quote accepts, in euros. Hiring every space of a science centre
#: for a fortnight with full catering costs a few hundred thousand euros; a larger figure
#: is most likely extra zeros, and the field is optional for anyone it does not suit.
MAX_BUDGET = 1_000_000
#: How far ahead an event may be asked for, and how long it may last.
QUOTE_HORIZON = timedelta(days=3 * 366)
LONGEST_EVENT = timedelta(days=14)


def quote_window(today):
    """The first and last days an event may start on, asked for on ``today``."""
    return today + timedelta(days=1), today + QUOTE_HORIZON


@dataclass(frozen=True)
class SpaceFilters:
    guests: int | None = None
    layout: str = ""

    @property
    def active(self):
        return bool(self.guests or self.layout)

    @property
    def carried(self):
        """``[("guests", 120), ("layout", "banquet")]``: the filters set, for the links that
        take the organiser on to a space and the quote form, which fills them in."""
        return [(name, value) for name, value in vars(self).items() if value]

    def apply(self, spaces):
        """Spaces that hold ``guests`` in ``layout`` (in any layout when none is chosen)."""
        if self.layout:
            field = CAPACITY_FIELDS[Layout(self.layout)]
            if self.guests:
                return spaces.filter(**{f"{field}__gte": self.guests})
            return spaces.filter(**{f"{field}__gt": 0})
        if self.guests:
            fits = Q()
            for field in CAPACITY_FIELDS.values():
                fits |= Q(**{f"{field}__gte": self.guests})
            return spaces.filter(fits)
        return spaces


class SpaceFilterForm(forms.Form):
    """A plain GET form: every filtered comparison has its own address."""

    guests = forms.IntegerField(
        label=_("Number of guests"),
        required=False,
        min_value=1,
        max_value=MAX_GUESTS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    layout = forms.ChoiceField(
        label=pgettext_lazy("venue filter", "Layout"),
        required=False,
        choices=[("", _("Any layout")), *Layout.choices],
    )

    def values(self):
        """The valid filters; a field with a wrong value is ignored (and reported in the form)."""
        self.is_valid()
        return SpaceFilters(
            guests=self.cleaned_data.get("guests"), layout=self.cleaned_data.get("layout") or ""
        )


class SpaceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.title

    def _check_values(self, value):
        """Refuse an id the database cannot hold with the usual "not one of the choices".

        Django guards single-value lookups against integers out of the column's range,
        but not ``__in``, which SQLite answers with an ``OverflowError``.
        """
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page's id is its link to Wagtail's page
            pk = pk.target_field
        low, high = connection.ops.integer_field_range(pk.get_internal_type())
        for pk in value:
            try:
                number = int(pk)
            except (TypeError, ValueError):
                continue  # Django's own check names it
            if (low is not None and number < low) or (high is not None and number > high):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class QuoteRequestForm(OneTimeSubmissionMixin, SpamProtectedFormMixin, forms.ModelForm):
    """An organisation's quote request, checked against the spaces it asks for.

    When spaces are chosen, together they must hold the guests: the organiser learns
    at once what fits rather than days later from the team. With a layout, each space
    offering it counts its seats in that layout and any other its largest layout (a
    banquet in the atrium with a team building in the lab is one event); the team reads
    which spaces lack the layout beside their names. A layout none of them offers is
    refused.
    """

    spaces = SpaceChoiceField(
        label=_("Spaces"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Not sure? Leave them unticked and we will suggest what fits."),
    )
    catering = forms.MultipleChoiceField(
        label=_("Catering"), choices=CATERING, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = QuoteRequest
        fields = [
            "organisation",
            "contact_name",
            "email",
            "phone",
            "event_type",
            "event_date",
            "end_date",
            "start_time",
            "end_time",
            "guests",
            "layout",
            "spaces",
            "catering",
            "budget",
            "message",
        ]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "event_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "guests": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "budget": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"contact_name": _("Your name"), "email": _("Your e-mail")}
        help_texts = {
            "budget": _("An estimate helps us suggest the right spaces and services."),
            "message": _("Programme, timing, technical needs, questions."),
        }
        # What to do, rather than Django's "This field is required.", for each answer the
        # form asks for.
        error_messages = {
            name: {"required": message}
            for name, message in {
                "organisation": _("Write the name of your organisation."),
                "contact_name": WRITE_YOUR_NAME,
                "email": WRITE_YOUR_EMAIL,
                "event_type": _("Choose the type of your event."),
                "event_date": _("Choose the date of your event."),
                "guests": _("Give the number of guests you expect."),
            }.items()
        }

    fieldsets = (
        (_("Your organisation"), ["organisation", "contact_name", "email", "phone"]),
        (
            _("Your event"),
            ["event_type", "event_date", "end_date", "start_time", "end_time", "guests", "layout"],
        ),
        (_("Spaces and catering"), ["spaces", "catering"]),
        (_("Budget and message"), ["budget", "message"]),
    )

    def __init__(self, *args, spaces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spaces"].queryset = spaces
        say_what_to_type(self)
        self.fields["event_type"].choices = [("", _("Choose a type of event")), *EventType.choices]
        self.fields["layout"].choices = [("", _("No preference")), *Layout.choices]
        # The model fields only know "at least 0"; clean_guests and clean_budget give
        # the real bounds, with one message for every value outside them.
        for name, low, high in (("guests", 1, MAX_GUESTS), ("budget", 0, MAX_BUDGET)):
            field = self.fields[name]
            field.validators = [v for v in field.validators if not isinstance(v, MinValueValidator)]
            field.widget.attrs.update(min=low, max=high)
        # The date pickers offer the days _check_dates accepts, from the centre's today when
        # the form is shown (the form's page is never cached); the last day may come up to
        # two weeks after the latest first day.
        first, last = quote_window(timezone.localdate())
        self.fields["event_date"].widget.attrs.update(min=first.isoformat(), max=last.isoformat())
        self.fields["end_date"].widget.attrs.update(
            min=first.isoformat(), max=(last + LONGEST_EVENT).isoformat()
        )

    def clean_guests(self):
        guests = self.cleaned_data["guests"]
        if guests < 1:
            raise forms.ValidationError(_("Give the number of guests you expect."))
        if guests > MAX_GUESTS:
            raise forms.ValidationError(_("That is more guests than any space can hold."))
        return guests

    def clean_budget(self):
        budget = self.cleaned_data["budget"]
        if budget is not None and not 0 <= budget <= MAX_BUDGET:
            raise forms.ValidationError(
                _("Enter a budget between 0 and %(max)s euros, or leave the field empty.")
                % {"max": number_format(MAX_BUDGET, force_grouping=True)},
                code="budget",
            )
        return budget

    def save(self, commit=True):
        """Keep the names of the spaces asked for on the request, as the team reads them."""
        data = self.cleaned_data
        language = site_language(Site.find_for_request(self.request)) if self.request else None
        self.instance.remember_spaces(data.get("spaces") or [], data.get("layout") or "", language)
        return super().save(commit)

    def clean(self):
        cleaned_data = super().clean()
        self._check_dates(cleaned_data)
        self._check_capacity(cleaned_data)
        return cleaned_data

    def _check_dates(self, data):
        first, last = quote_window(timezone.localdate())
        start, end = data.get("event_date"), data.get("end_date")
        if start is not None:
            if start < first:
                self.add_error("event_date", _("Choose a date from tomorrow on."))
            elif start > last:
                self.add_error("event_date", _("Choose a date within the next three years."))
        if start is not None and end is not None:
            if end < start:
                self.add_error("end_date", _("The last day cannot come before the first."))
            elif end - start > LONGEST_EVENT:
                self.add_error(
                    "end_date", _("For events of more than two weeks, tell us in the message.")
                )

    def _check_capacity(self, data):
        spaces, guests, layout = data.get("spaces"), data.get("guests"), data.get("layout")
        if not spaces or not guests:
            return
        missing = [space for space in spaces if layout and not space.capacity(layout)]
        if missing and len(missing) == len(spaces):
            self.add_error(
                "spaces",
                _("Not offered in the “%(layout)s” layout: %(spaces)s.")
                % {
                    "layout": Layout(layout).label,
                    "spaces": ", ".join(space.title for space in missing),
                },
            )
            return
        total = sum(
            (space.capacity(layout) if layout else None) or space.max_capacity for space in spaces
        )
        if guests <= total:
            return
        if missing:
            message = ngettext(
                "The spaces you chose hold at most %(total)d guest, in the “%(layout)s” layout "
                "where they offer it and in their largest layout otherwise (%(spaces)s). "
                "Add a space or contact us.",
                "The spaces you chose hold at most %(total)d guests, in the “%(layout)s” layout "
                "where they offer it and in their largest layout otherwise (%(spaces)s). "
                "Add a space or contact us.",
                total,
            ) % {
                "total": total,
                "layout": Layout(layout).label,
                "spaces": ", ".join(space.title for space in missing),
            }
        elif layout:
            message = ngettext(
                "In the “%(layout)s” layout, the spaces you chose hold at most %(total)d guest. "
                "Add a space or contact us.",
                "In the “%(layout)s” layout, the spaces you chose hold at most %(total)d guests. "
                "Add a space or contact us.",
                total,
            ) % {"total": total, "layout": Layout(layout).label}
        else:
            message = ngettext(
                "The spaces you chose hold at most %(total)d guest. Add a space or contact us.",
                "The spaces you chose hold at most %(total)d guests. Add a space or contact us.",
                total,
            ) % {"total": total}
        self.add_error("guests", message)
