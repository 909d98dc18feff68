"""schema.org ``Event`` objects for event pages, as Google's event rich results ask for them.

A series gives one object per upcoming date (schema.org has no repeat rule that
search engines read), each with its own status: a cancelled Wednesday is
``EventCancelled`` while the other Wednesdays stay ``EventScheduled``.
"""

import json
from datetime import timedelta

from django.utils import timezone

from .models import AttendanceMode, EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.RESCHEDULED: "EventRescheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
    EventStatus.FULL: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE = {
    AttendanceMode.ON_SITE: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "MixedEventAttendanceMode",
}
#: Upcoming dates of a series described on its page; enough for search engines.
MAX_OBJECTS = 30
CURRENCY = "EUR"


def _date(moment, all_day, end=False):
    """ISO 8601 with the local offset; a day for all-day dates (the last day for an end)."""
    local = timezone.localtime(moment - timedelta(microseconds=1) if end and all_day else moment)
    return local.date().isoformat() if all_day else local.isoformat()


def country_code(stored):
    """ISO 3166-1 alpha-2 in capitals, as schema.org asks: pages and venues saved before
    country codes were checked may still hold "be"."""
    return (stored or "").strip().upper()


def location(page):
    """A Place, a VirtualLocation, or both for an event held on site and online."""
    places = []
    place = page.location
    if page.is_on_site and place is not None:
        item = {
            "@type": "Place",
            "name": place.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": place.street_address,
                "postalCode": place.postal_code,
                "addressLocality": place.locality,
                "addressCountry": country_code(place.country),
            },
        }
        if place.has_coordinates:
            item["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(place.latitude),
                "longitude": float(place.longitude),
            }
        places.append(item)
    if page.is_online and page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places[0] if len(places) == 1 else places


def offers(page, url):
    if not page.is_free and page.price is None:
        return None
    return {
        "@type": "Offer",
        "url": page.registration_url or url,
        "price": "0" if page.is_free else f"{page.price:.2f}",
        "priceCurrency": CURRENCY,
        "availability": SCHEMA + ("SoldOut" if page.status == EventStatus.FULL else "InStock"),
        **({"validFrom": page.first_published_at.isoformat()} if page.first_published_at else {}),
    }


def event_objects(page, occurrences, *, url, image_url=None, organizer=None):
    """One schema.org Event per occurrence (at most :data:`MAX_OBJECTS`)."""
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "description": page.search_description or page.introduction,
        "inLanguage": page.locale.language_code,
    }
    if image_url:
        common["image"] = [image_url]
    if organizer:
        common["organizer"] = organizer
    if page.age_range:
        common["typicalAgeRange"] = page.age_range
    if page.is_free:
        common["isAccessibleForFree"] = True
    offer = offers(page, url)
    if offer:
        common["offers"] = offer
    place = location(page)
    objects = []
    for occurrence in list(occurrences)[:MAX_OBJECTS]:
        status = occurrence.status
        item = {
            **common,
            "startDate": _date(occurrence.start, occurrence.all_day),
            "endDate": _date(occurrence.end, occurrence.all_day, end=True),
            "eventStatus": SCHEMA + EVENT_STATUS.get(status, "EventScheduled"),
        }
        mode = page.attendance_mode
        if status == EventStatus.MOVED_ONLINE:
            mode = AttendanceMode.ONLINE
        item["eventAttendanceMode"] = SCHEMA + ATTENDANCE[mode]
        if place:
            item["location"] = place
        if occurrence.is_moved:
            item["previousStartDate"] = _date(occurrence.original_start, occurrence.all_day)
        objects.append(item)
    return objects


def dumps(objects):
    """JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(objects, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
