"""The site's icon (favicon): a square rendition of the centre's logo.

Browsers ask for ``/favicon.ico`` when a page names no icon, and report the 404 as an
error; every page names one, and ``/favicon.ico`` redirects to it for other clients.
A site without a logo gets the distribution's neutral icon.
"""

from django.templatetags.static import static
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import renditions_or_none

#: Renditions of the logo: a square for browser tabs, then home screens, where a logo that
#: is not square is shown whole rather than cut (a square one comes out square either way).
ICON_FILTER = "fill-64x64"
TOUCH_ICON_FILTER = "max-180x180"
DEFAULT_ICON = "csti_cms/img/site-icon.svg"


def site_icon_urls(request):
    """``(icon url, touch icon url)`` of the request's site; no touch icon without a logo.

    Both sizes are asked for together: one lookup on every page. A logo whose file cannot
    be read counts as no logo.
    """
    site = Site.find_for_request(request)
    logo = BrandingSettings.for_request(request).logo if site is not None else None
    renditions = renditions_or_none(logo, [ICON_FILTER, TOUCH_ICON_FILTER]) if logo else None
    if renditions is None:
        return static(DEFAULT_ICON), None
    icon, touch_icon = renditions.values()
    return icon.url, touch_icon.url
