"""The vocabularies of the agenda, named after schema.org's and RFC 5545's where they exist.

Their labels carry a context: bare, "Cancelled" or "Full" may be found translated in another
package's catalogue with another meaning ("Gelöscht", deleted, in German)."""

from django.db import models
from django.utils.translation import pgettext_lazy


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
    RESCHEDULED = "rescheduled", pgettext_lazy("event status", "Rescheduled")
    POSTPONED = "postponed", pgettext_lazy("event status", "Postponed (new date to be announced)")
    MOVED_ONLINE = "moved-online", pgettext_lazy("event status", "Moved online")
    FULL = "full", pgettext_lazy("event status", "Full")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class AttendanceMode(models.TextChoices):
    ON_SITE = "on-site", pgettext_lazy("attendance mode", "On site")
    ONLINE = "online", pgettext_lazy("attendance mode", "Online")
    MIXED = "mixed", pgettext_lazy("attendance mode", "On site and online")
