"""What an event page shows besides its fields: its dates, feeds and structured data."""

from django.utils import timezone

from csti_cms.core.models import BrandingSettings
from csti_cms.core.navigation import localized_site_root
from csti_cms.core.renditions import rendition_url

from . import jsonld
from .listing import attach

#: Upcoming dates listed on an event page.
MAX_DATES = 12
SOCIAL_IMAGE_SPEC = "fill-1200x675"


def organizer(request):
    """The centre, as schema.org's ``organizer`` of its own events."""
    branding = BrandingSettings.for_request(request)
    home = localized_site_root(request)
    result = {"@type": "Organization", "name": branding.centre_name}
    if home is not None:
        result["url"] = home.get_full_url(request)
    return result


def image_url(request, image):
    url = rendition_url(image, SOCIAL_IMAGE_SPEC)
    return request.build_absolute_uri(url) if url else None


def event_context(request, page):
    now = timezone.now()
    upcoming = list(page.occurrences.filter(end__gt=now).order_by("start")[:MAX_DATES])
    last = None if upcoming else page.occurrences.order_by("-start").first()
    attach([page], page.locale.language_code)
    url = page.get_full_url(request)
    objects = jsonld.event_objects(
        page,
        upcoming,
        url=url,
        image_url=image_url(request, page.image),
        organizer=organizer(request),
    )
    agenda = page.get_parent()
    return {
        "upcoming_dates": upcoming,
        "last_date": last,
        "jsonld": jsonld.dumps(objects) if objects else "",
        "ics_url": request.build_absolute_uri(page.get_url(request) + page.reverse_subpage("ics")),
        "agenda": agenda,
    }
