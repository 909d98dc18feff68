"""Public models of the core app: the page types and site settings every centre has."""

from .ages import AgeRange, age_range_panel
from .hubs import AudienceHubPage
from .pages import SECTION_PARENTS, BasePage, ContentPage, HomePage
from .settings import BrandingSettings, ContactSettings

__all__ = [
    "AgeRange",
    "AudienceHubPage",
    "BasePage",
    "BrandingSettings",
    "ContactSettings",
    "ContentPage",
    "HomePage",
    "SECTION_PARENTS",
    "age_range_panel",
]
