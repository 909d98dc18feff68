"""The site's icon (favicon): a square rendition of the centre's logo.

Browsers ask for ``/favicon.ico`` when a page names no icon, and report the 404 as an
error; every page names one, and ``/favicon.ico`` redirects to it for other clients.
A site without a logo gets the distribution's neutral icon.
"""

from django.templatetags.static import static
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import rendition_url

#: Renditions of the logo: a square for browser tabs, then home screens, where a logo that
#: is not square is shown whole rather than cut (a square one comes out square either way).
ICON_FILTER = "fill-64x64"
TOUCH_ICON_FILTER = "max-180x180"
DEFAULT_ICON = "csti_cms/img/site-icon.svg"


def site_icon_urls(request):
    """``(icon url, touch icon url)`` of the request's site; no touch icon without a logo.

    A logo whose file cannot be read counts as no logo.
    """
    site = Site.find_for_request(request)
    logo = BrandingSettings.for_request(request).logo if site is not None else None
    icon = rendition_url(logo, ICON_FILTER)
    if icon is None:
        return static(DEFAULT_ICON), None
    return icon, rendition_url(logo, TOUCH_ICON_FILTER)
