"""The URLs of the error-page tests: the distribution's, its error pages, and views that fail."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from csti_cms.urls import handler400, handler403, handler404, handler500
from csti_cms.urls import urlpatterns as distribution_urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def failing_view(request):
    raise RuntimeError("A view that fails, to show the 500 page.")


def forbidden_view(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("failing/", failing_view),
        path("forbidden/", forbidden_view),
        prefix_default_language=True,
    ),
    *distribution_urlpatterns,
]
