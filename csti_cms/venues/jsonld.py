"""schema.org ``EventVenue`` for a space page: what search engines show of a venue to hire.

The space is at the centre's address (contact details settings); without one there is
nothing a search engine would accept (an ``EventVenue`` is a local business, whose
address Google requires), so the page then carries no structured data.
"""

from csti_cms.core.models import ContactSettings
from csti_cms.core.renditions import SOCIAL_IMAGE, rendition_url
from csti_cms.core.seo import centre_address


def space_json_ld(request, space):
    """``space`` as a schema.org ``EventVenue``, or ``None`` when the centre has no address."""
    contact = ContactSettings.for_request(request)
    if not contact.has_address:
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "EventVenue",
        "name": space.title,
        "address": centre_address(contact),
    }
    url = space.get_full_url(request)
    if url:
        data["url"] = url
    description = space.search_description or space.introduction
    if description:
        data["description"] = description
    if space.max_capacity:
        data["maximumAttendeeCapacity"] = space.max_capacity
    if space.area:
        data["floorSize"] = {"@type": "QuantitativeValue", "value": space.area, "unitCode": "MTK"}
    photo = rendition_url(space.image, SOCIAL_IMAGE)
    if photo:
        data["photo"] = {"@type": "ImageObject", "contentUrl": request.build_absolute_uri(photo)}
        if space.image_alt_text:
            data["photo"]["description"] = space.image_alt_text
    return data
