"""Public models of the core app: the page types and site settings every centre has."""

from .hubs import AudienceHubPage
from .pages import BasePage, ContentPage, HomePage
from .settings import BrandingSettings, ContactSettings

__all__ = [
    "AudienceHubPage",
    "BasePage",
    "BrandingSettings",
    "ContactSettings",
    "ContentPage",
    "HomePage",
]
