"""The URLs of a csti-cms site; a site's own ``urls.py`` starts from these.

Public pages carry their language (``/fr/``, ``/nl/``, ``/en/``); ``/`` redirects
to the visitor's language from the language cookie or Accept-Language, among the
languages the site has live (:class:`csti_cms.core.middleware.LiveLanguageLocaleMiddleware`).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from csti_cms.core import errors, views, web_manifest
from csti_cms.core.sitemap import MultilingualSitemap

# The error pages (csti_cms.core.errors). Django reads them from the root URLconf only: a
# site's own urls.py imports them along with ``urlpatterns``.
handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's sitemap view answers any method: like the site's other views that only
    # show something, it refuses those that are no reading (405).
    path(
        "sitemap.xml",
        csrf_exempt(require_safe(sitemap)),
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("site.webmanifest", web_manifest.web_manifest, name="web_manifest"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Spelled in each language (``/fr/recherche/``); older links spelled in English move on.
    path(pgettext_lazy("URL", "search/"), views.search, name="search"),
    path("search/", RedirectView.as_view(pattern_name="search", permanent=True, query_string=True)),
    path("", include("csti_cms.plugins.urls")),
    # Wagtail's views for visitors (login and password forms of private pages) come before
    # the pages; Wagtail's own catch-all stays last, for reversing ``wagtail_serve``.
    path("_util/login/", views.PrivatePageLogin.as_view(), name="wagtailcore_login"),
    *[
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in ("wagtail_serve", "wagtailcore_login")
    ],
    re_path(wagtail_urls.serve_pattern, views.serve_page, name="csti_serve_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
