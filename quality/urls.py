"""The demo's URLs, with media served by Django and the benchmarks' floor view."""

from django.conf import settings
from django.urls import path, re_path
from django.views.static import serve

from quality.floor import floor
from sites.demo.urls import handler400, handler403, handler404, handler500  # noqa: F401
from sites.demo.urls import urlpatterns as demo_urlpatterns

urlpatterns = [
    path("__floor__/", floor, name="floor"),
    re_path(
        r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
    *demo_urlpatterns,
]
