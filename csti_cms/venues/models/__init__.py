"""Public models of the venue-hire path."""

from .choices import CAPACITY_FIELDS, CATERING, EQUIPMENT, EventType, Layout
from .quotes import QuoteRequest
from .spaces import VenueSpaceIndexPage, VenueSpacePage

__all__ = [
    "CAPACITY_FIELDS",
    "CATERING",
    "EQUIPMENT",
    "EventType",
    "Layout",
    "QuoteRequest",
    "VenueSpaceIndexPage",
    "VenueSpacePage",
]
