"""The dates visitors see, materialised for fast listing, and what calendar clients were told.

Each live event page (in each language) has one :class:`Occurrence` row per date it
happens on, rebuilt from its schedule whenever it is published and removed when it
is unpublished (see ``signal_handlers``). Listing the agenda is then one indexed
query on dates, whatever the repeat rules say, on every database.

Times are stored in UTC (``USE_TZ``); they were computed in the site's time zone.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EventStatus

_ONE_MICROSECOND = timedelta(microseconds=1)


class Occurrence(models.Model):
    page = models.ForeignKey(
        "csti_agenda.EventPage", on_delete=models.CASCADE, related_name="occurrences"
    )
    #: When this occurrence was planned by the schedule: calendars' RECURRENCE-ID.
    original_start = models.DateTimeField(_("planned start"))
    start = models.DateTimeField(_("start"))
    #: Exclusive end. For all-day occurrences, midnight after the last day.
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(_("all day"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices)

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["start", "page_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "original_start"], name="one_occurrence_per_planned_start"
            )
        ]
        indexes = [
            # Lists keep the dates not over yet (end after now) in the order they start:
            # with the end beside the start, the database skips past dates in the index
            # instead of reading each row it then discards (a quarter of a big agenda).
            models.Index(fields=["start", "end"], name="occurrence_start_end"),
            models.Index(fields=["end"], name="occurrence_end"),
            # Each event's next date (the map, the JSON's order) is the first entry of
            # its own range. End and status are key columns rather than INCLUDE, which
            # SQLite does not have: either way they are filtered without reading rows.
            models.Index(fields=["page", "start", "end", "status"], name="occurrence_page_start"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.start:%Y-%m-%d %H:%M}"

    @property
    def local_day(self):
        """The day it starts on, in the site's time zone (lists group dates by it)."""
        return timezone.localtime(self.start).date()

    @property
    def is_moved(self):
        return self.start != self.original_start

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def last_day(self):
        """The last day an all-day occurrence covers (its end is exclusive)."""
        return (timezone.localtime(self.end) - _ONE_MICROSECOND).date()


class FeedState(models.Model):
    """What calendar clients were last told about an event page.

    RFC 5545 asks for a ``SEQUENCE`` that grows when an event changes. Page fields
    cannot hold it (publishing a revision writes back the values it was saved
    with), so it lives here, bumped on publish when the calendar data changed, and
    when the event's venue changes (its name or address is part of the event).

    ``updated_at`` is what the JSON's incremental readers page on: when anything they
    read of the event last changed, a publication or its venue's.
    """

    page = models.OneToOneField(
        "csti_agenda.EventPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="feed_state",
    )
    fingerprint = models.CharField(max_length=64)
    sequence = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("calendar feed state")
        verbose_name_plural = _("calendar feed states")
        indexes = [models.Index(fields=["updated_at", "page"], name="feed_state_updated")]

    def __str__(self):
        return f"{self.page_id} SEQUENCE:{self.sequence}"
