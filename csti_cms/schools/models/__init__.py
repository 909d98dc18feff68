"""Public models of the teacher path."""

from .activities import CurriculumLinkBlock, SchoolActivityIndexPage, SchoolActivityPage
from .bookings import BookingRequest
from .choices import DURATION_BANDS, ActivityType, DurationBand, PriceBasis
from .taxonomy import (
    LevelSystem,
    SchoolLevel,
    Subject,
    grouped_levels,
    level_sort_key,
    summarise_levels,
)

__all__ = [
    "DURATION_BANDS",
    "ActivityType",
    "BookingRequest",
    "CurriculumLinkBlock",
    "DurationBand",
    "LevelSystem",
    "PriceBasis",
    "SchoolActivityIndexPage",
    "SchoolActivityPage",
    "SchoolLevel",
    "Subject",
    "grouped_levels",
    "level_sort_key",
    "summarise_levels",
]
