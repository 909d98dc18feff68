"""The fixed vocabularies of school activities: kinds, price bases, durations, days."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.dates import WEEKDAYS
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy


class ActivityType(models.TextChoices):
    """What a class comes to do; the stored keys predate the labels teachers read."""

    WORKSHOP = "workshop", _("Workshop")
    GUIDED_VISIT = "guided-visit", _("Guided tour")
    SHOW = "show", _("Science show")
    CONFERENCE = "conference", pgettext_lazy("school activity", "Talk")


class PriceBasis(models.TextChoices):
    PER_PUPIL = "pupil", _("per pupil")
    PER_GROUP = "group", _("per group")


@dataclass(frozen=True)
class DurationBand:
    """A span of durations teachers plan around: a lesson, a morning, a day."""

    key: str
    label: str
    #: Longer than this many minutes (None: no lower bound).
    above: int | None
    #: At most this many minutes (None: no upper bound).
    up_to: int | None

    def q(self, field="duration_minutes"):
        condition = Q()
        if self.above is not None:
            condition &= Q(**{f"{field}__gt": self.above})
        if self.up_to is not None:
            condition &= Q(**{f"{field}__lte": self.up_to})
        return condition


DURATION_BANDS = [
    DurationBand("short", _("Up to 1 hour"), None, 60),
    DurationBand("medium", _("1 to 2 hours"), 60, 120),
    DurationBand("half-day", _("Half a day"), 120, 240),
    DurationBand("day", _("A full day"), 240, None),
]


# Days of the week ----------------------------------------------------------------

#: How ``SchoolActivityPage.days_offered`` stores the days, Monday first as ``date.weekday()``
#: counts them: short codes read well in exports and in the JSON column.
WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_CHOICES = list(zip(WEEKDAY_CODES, WEEKDAYS.values(), strict=True))


def school_week():
    """The default for a new activity: the days schools have lessons in Belgium and France."""
    return list(WEEKDAY_CODES[:5])


def every_day():
    """What activities created before ``days_offered`` existed were booked on."""
    return list(WEEKDAY_CODES)


def weekday_code(day):
    return WEEKDAY_CODES[day.weekday()]


def describe_days(codes):
    """``codes`` as a teacher reads them: "Monday to Friday", "Tuesday and Thursday".

    Three days or more in a row read as a range; anything else as a list. Empty when every
    day is offered, which needs no saying beyond the centre's opening hours.
    """
    indexes = sorted(WEEKDAY_CODES.index(code) for code in set(codes) if code in WEEKDAY_CODES)
    if not indexes or len(indexes) == len(WEEKDAY_CODES):
        return ""
    names = [WEEKDAYS[index] for index in indexes]
    if len(indexes) >= 3 and indexes[-1] - indexes[0] == len(indexes) - 1:
        return pgettext("days of the week", "%(first)s to %(last)s") % {
            "first": names[0],
            "last": names[-1],
        }
    return get_text_list([str(name) for name in names], pgettext("days of the week", "and"))
