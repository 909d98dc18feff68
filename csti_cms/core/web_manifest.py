"""``/site.webmanifest``: how a phone names and shows the centre's site added to its home screen.

Browsers read it for the name under the icon, the icons themselves, the colour of the
address bar and the page to open. It is a small JSON file per site, asked for by every
browser that reads the page's ``<link rel="manifest">``: it is read once per site and
language until a setting or a publication changes (:func:`csti_cms.core.caching.cached`),
and browsers keep it an hour.
"""

import mimetypes

from django.http import Http404, JsonResponse
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from csti_cms.core.caching import cached
from csti_cms.core.icons import DEFAULT_ICON
from csti_cms.core.middleware import language_for_visitor, live_languages
from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import renditions_or_none
from csti_cms.core.routing import site_home

#: Home-screen icons: the sizes Android asks for. ``max-``, not ``fill-``: a logo that is
#: not square is shown whole rather than cut.
MANIFEST_ICONS = ("max-192x192", "max-512x512")

#: The page's background behind the logo while the site opens (``--surface`` in the theme).
BACKGROUND_COLOUR = "#ffffff"


@require_safe
@cache_control(max_age=3600, public=True)
def web_manifest(request):
    """The manifest of the request's site, its start page in the language the page that
    links to it names (``?lang=``), else in the visitor's."""
    site = Site.find_for_request(request)
    language = manifest_language(request, site) if site is not None else None
    if language is None:
        raise Http404("No site with a live home page answers at this address.")
    with translation.override(language):
        home = site_home(request)
    if home is None:
        raise Http404("This site's home page is not live in this language.")
    manifest = cached(
        f"web-manifest:{site.pk}:{language}", lambda: read_manifest(request, language, home)
    )
    response = JsonResponse(manifest, content_type="application/manifest+json")
    response["Content-Language"] = language
    if request.GET.get("lang") != language:
        # Chosen from the visitor's cookie or browser: a shared cache must not pass it on.
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def manifest_language(request, site):
    """The language asked for if the site has it live, else the visitor's (``None``
    when the site has no live home)."""
    asked = request.GET.get("lang")
    if asked in live_languages(site):
        return asked
    return language_for_visitor(request)


def read_manifest(request, language, home):
    """The manifest's fields, in ``language``, opening on ``home``."""
    branding = BrandingSettings.for_request(request)
    return {
        "name": branding.centre_name,
        "short_name": branding.centre_name,
        "lang": language,
        "start_url": home.get_url(request),
        "display": "browser",
        "theme_color": branding.primary_colour,
        "background_color": BACKGROUND_COLOUR,
        "icons": manifest_icons(branding.logo),
    }


def manifest_icons(logo):
    """The logo at the home-screen sizes, one entry per size made (Wagtail does not
    enlarge a small logo); the distribution's neutral icon without one, or when its
    renditions cannot be made."""
    renditions = renditions_or_none(logo, MANIFEST_ICONS) if logo is not None else None
    if not renditions:
        return [{"src": static(DEFAULT_ICON), "sizes": "any", "type": "image/svg+xml"}]
    icons = {}
    for rendition in renditions.values():
        sizes = f"{rendition.width}x{rendition.height}"
        icons.setdefault(
            sizes,
            {"src": rendition.url, "sizes": sizes, "type": mimetypes.guess_type(rendition.url)[0]},
        )
    return list(icons.values())
