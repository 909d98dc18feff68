"""The fixed vocabularies of school activities: kinds, price bases and duration bands."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    GUIDED_VISIT = "guided-visit", _("Guided visit")
    SHOW = "show", _("Science show")
    CONFERENCE = "conference", _("Conference")


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
