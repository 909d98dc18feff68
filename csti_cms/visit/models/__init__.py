"""Public models of the visitor path."""

from ..choices import ExhibitionKind
from .exhibitions import ExhibitionIndexPage, ExhibitionPage
from .hours import Closure, ClosureReason, OpeningHours, SeasonalPeriod
from .practical import AccessibilityAid, PracticalInfoPage, QuietHours, WheelchairAccess
from .tickets import TicketCategory, TicketingSettings

__all__ = [
    "AccessibilityAid",
    "Closure",
    "ClosureReason",
    "ExhibitionIndexPage",
    "ExhibitionKind",
    "ExhibitionPage",
    "OpeningHours",
    "PracticalInfoPage",
    "QuietHours",
    "SeasonalPeriod",
    "TicketCategory",
    "TicketingSettings",
    "WheelchairAccess",
]
