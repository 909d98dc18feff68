"""Choices of the visitor path that models, filters and templates share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExhibitionKind(models.TextChoices):
    PERMANENT = "permanent", _("Permanent exhibition")
    TEMPORARY = "temporary", _("Temporary exhibition")


class When(models.TextChoices):
    """What an exhibitions page lists; the default leaves past exhibitions out."""

    CURRENT_AND_UPCOMING = "", _("On now and coming soon")
    CURRENT = "current", _("On now")
    UPCOMING = "upcoming", _("Coming soon")
    PERMANENT = "permanent", _("Permanent exhibitions")
    PAST = "past", _("Past exhibitions")
