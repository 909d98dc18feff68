"""The filters of the exhibitions page: a plain GET form, so it works without JavaScript."""

from urllib.parse import urlencode

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import ExhibitionKind, When


def when_filter(when, today):
    """Exhibitions matching a :class:`When` choice on ``today``; undated ones are always on."""
    on_now = Q(start_date__isnull=True) | Q(start_date__lte=today)
    not_over = Q(end_date__isnull=True) | Q(end_date__gte=today)
    return {
        When.CURRENT_AND_UPCOMING: not_over,
        When.CURRENT: on_now & not_over,
        When.UPCOMING: Q(start_date__gt=today),
        When.PERMANENT: Q(kind=ExhibitionKind.PERMANENT) & not_over,
        When.PAST: Q(end_date__lt=today),
    }[When(when)]


class ExhibitionFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=pgettext_lazy("visit filter", "Show"), choices=When.choices, required=False
    )
    age = forms.IntegerField(
        label=_("Age of a visitor"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("Exhibitions suited to this age."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def cleaned_filters(self):
        """The valid filters; an invalid one is left out (its error is shown) rather than
        emptying the list."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if name not in self.errors
        }

    def query_string(self):
        """The valid filters as a query string, for links to the next pages."""
        values = {
            name: value for name, value in self.cleaned_filters().items() if value not in (None, "")
        }
        return urlencode(values)
