"""URLs of the demo centre: the distribution's, unchanged."""

from csti_cms.urls import urlpatterns

__all__ = ["urlpatterns"]
