"""The ages an event, an exhibition or a school activity suits, told and checked one way.

Visitors filter the agenda and the exhibitions by the age of a child, teachers read the
ages an activity suits: a page type with ages inherits :class:`AgeRange`, adds
:meth:`AgeRange.age_range_errors` to its ``validation_errors`` and shows its ages with the
``csti_core/includes/ages.html`` include.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

#: Anyone who visits a science centre, adult education included; far below the database's
#: limit, whose "32767" would be worded for programmers.
AGE_LIMIT = MaxValueValidator(99, _("Give an age in years, at most %(limit_value)s."))


def age_range_panel():
    """The editor's row for the two ages, side by side as visitors read them."""
    return FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")])


class AgeRange(models.Model):
    """The youngest and oldest visitor a page suits; an empty bound means no limit."""

    age_min = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[AGE_LIMIT]
    )
    age_max = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True, validators=[AGE_LIMIT]
    )

    class Meta:
        abstract = True

    @staticmethod
    def suits_age(age):
        """Pages suited to a visitor of ``age``: an open bound lets every age through."""
        return (Q(age_min__isnull=True) | Q(age_min__lte=age)) & (
            Q(age_max__isnull=True) | Q(age_max__gte=age)
        )

    def age_range_errors(self):
        """``{field: message}`` when the ages are the wrong way round, for ``validation_errors``."""
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            return {"age_max": _("The maximum age cannot be below the minimum.")}
        return {}

    @property
    def age_range(self):
        """The ages as schema.org's ``typicalAgeRange`` writes them: "8-12", "14-" (and over).

        The trailing dash matters: "14" alone would mean 14-year-olds only.
        """
        if self.age_min is None and self.age_max is None:
            return ""
        return f"{self.age_min or 0}-{self.age_max or ''}"

    @property
    def age_label(self):
        """The ages in the visitor's language, "" when the page suits every age.

        A lone bound counts years, so French reads "À partir de 1 an", not "1 ans".
        """
        if self.age_min is None and self.age_max is None:
            return ""
        if self.age_max is None:
            return ngettext("From %(age)s year", "From %(age)s years", self.age_min) % {
                "age": self.age_min
            }
        if self.age_min is None:
            return ngettext("Up to %(age)s year", "Up to %(age)s years", self.age_max) % {
                "age": self.age_max
            }
        return gettext("%(min)s to %(max)s years") % {"min": self.age_min, "max": self.age_max}
