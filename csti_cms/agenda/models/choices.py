"""The vocabularies of the agenda, named after schema.org's and RFC 5545's where they exist."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    POSTPONED = "postponed", _("Postponed (new date to be announced)")
    MOVED_ONLINE = "moved-online", _("Moved online")
    FULL = "full", _("Full")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceMode(models.TextChoices):
    ON_SITE = "on-site", _("On site")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("On site and online")
