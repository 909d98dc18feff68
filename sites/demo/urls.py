"""URLs of the demo centre: the distribution's, unchanged, with its error pages.

Django reads ``handler404`` and the other error views from the root URLconf only,
so they are imported along with ``urlpatterns``.
"""

from csti_cms.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
