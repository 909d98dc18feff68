"""schema.org data describing the centre, for search engines."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from csti_cms.core.hooks import organization_extensions
from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.core.navigation import localized_site_root
from csti_cms.core.renditions import rendition_url


def organization(request, site):
    """The centre as a schema.org ``Organization`` (a ``MuseumLike`` place of science).

    Its ``url`` is the home page in the visitor's language, as in the ``organizer`` of
    events: the bare domain only redirects to a language, and search engines take an
    organisation's address to be a page that answers.
    """
    branding = BrandingSettings.for_request(request)
    contact = ContactSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": branding.centre_name,
    }
    home = localized_site_root(request)
    data["url"] = home.get_full_url(request) if home else request.build_absolute_uri("/")
    logo = rendition_url(branding.logo, "max-512x512")
    if logo:
        data["logo"] = request.build_absolute_uri(logo)
    if contact.has_address:
        data["address"] = centre_address(contact)
    if contact.phone:
        data["telephone"] = contact.phone
    if contact.email:
        data["email"] = contact.email
    same_as = [link.value["url"] for link in contact.social_links]
    if same_as:
        data["sameAs"] = same_as
    for extension in organization_extensions(site, request):
        _merge(data, extension or {})
    return data


def postal_address(street_address="", postal_code="", locality="", country=""):
    """A schema.org ``PostalAddress`` with only the parts that are known.

    Google reads an empty string as a value given and reports the address as wrong,
    where a part left out is only a missing recommendation: an event's place saved
    without its town must still describe what it has.
    """
    parts = {
        "streetAddress": street_address,
        "postalCode": postal_code,
        "addressLocality": locality,
        "addressCountry": (country or "").strip().upper(),
    }
    return {"@type": "PostalAddress", **{key: value for key, value in parts.items() if value}}


def centre_address(contact):
    """The centre's address from its contact details, as a ``PostalAddress``."""
    return postal_address(
        contact.street_address, contact.postal_code, contact.locality, contact.country
    )


def centre_place(request):
    """The centre as the schema.org ``Place`` where its exhibitions are, or ``None``.

    Google requires the address of an event's place: without one in the contact
    details there is no place a search engine would accept.
    """
    contact = ContactSettings.for_request(request)
    if not contact.has_address:
        return None
    name = BrandingSettings.for_request(request).centre_name
    return {"@type": "Place", "name": name, "address": centre_address(contact)}


def _merge(data, extension):
    for key, value in extension.items():
        if isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = data[key] + value
        else:
            data[key] = value


def json_ld_text(data):
    """``data`` as JSON that cannot end or change the ``<script>`` element holding it.

    Escaping ``</`` alone is not enough: ``<!--`` followed by ``<script`` puts the HTML
    parser into a state where ``</script>`` no longer ends the element, and the rest of
    the page disappears into it. With ``<``, ``>`` and ``&`` written as JSON escapes, a
    centre's name or an event's title cannot form any markup, and the data stays the same.
    """
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element, safe to put in a page."""
    payload = mark_safe(json_ld_text(data))  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', payload)
