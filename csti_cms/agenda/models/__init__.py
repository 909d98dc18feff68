"""Public models of the agenda: pages, the dates they materialise, categories and venues."""

from .agenda import AgendaPage
from .choices import AttendanceMode, EventStatus
from .events import AddedDate, EventPage, ExcludedDate, OccurrenceChange
from .occurrences import FeedState, Occurrence
from .taxonomy import EventCategory, Location, Venue

__all__ = [
    "AddedDate",
    "AgendaPage",
    "AttendanceMode",
    "EventCategory",
    "EventPage",
    "EventStatus",
    "ExcludedDate",
    "FeedState",
    "Location",
    "Occurrence",
    "OccurrenceChange",
    "Venue",
]
