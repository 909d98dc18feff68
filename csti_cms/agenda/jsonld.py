"""schema.org ``Event`` objects for event and exhibition pages, as Google's event rich
results ask for them.

A series gives one object per upcoming date (schema.org has no repeat rule that
search engines read), each with its own status: a cancelled Wednesday is
``EventCancelled`` while the other Wednesdays stay ``EventScheduled``.
"""

from datetime import timedelta

from django.utils import timezone

from csti_cms.core.seo import postal_address

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


def location(page, status, url):
    """A Place, a VirtualLocation, or both for an event held on site and online.

    A date moved online happens online only: Google asks for a VirtualLocation with the
    address to follow it at, and no Place. Without an online link the event's page (``url``)
    stands in for it, since it tells visitors how to follow.
    """
    if status == EventStatus.MOVED_ONLINE:
        return {"@type": "VirtualLocation", "url": page.online_url or url}
    places = []
    place = page.location
    if page.is_on_site and place is not None:
        places.append(_place(place))
    if page.is_online and page.online_url:
        places.append({"@type": "VirtualLocation", "url": page.online_url})
    return places[0] if len(places) == 1 else places


def _place(place):
    """A venue or an event's own place, its address reduced to the parts it has.

    Country codes come out in capitals, as schema.org asks: pages and venues saved
    before country codes were checked may still hold "be".
    """
    item = {
        "@type": "Place",
        "name": place.name,
        "address": postal_address(
            place.street_address, place.postal_code, place.locality, place.country
        ),
    }
    if place.has_coordinates:
        item["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return item


#: What is left of the places of a date, by its status; the others are still on offer.
AVAILABILITY = {EventStatus.FULL: "SoldOut", EventStatus.CANCELLED: "Discontinued"}


def offers(page, url, status):
    """The price of one date: a full date is sold out, a cancelled one no longer on offer."""
    if not page.is_free and page.price is None:
        return None
    return {
        "@type": "Offer",
        "url": page.registration_url or url,
        "price": "0" if page.is_free else f"{page.price:.2f}",
        "priceCurrency": CURRENCY,
        "availability": SCHEMA + AVAILABILITY.get(status, "InStock"),
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
    return [
        _occurrence_object(page, occurrence, common, url)
        for occurrence in list(occurrences)[:MAX_OBJECTS]
    ]


def _occurrence_object(page, occurrence, common, url):
    """The Event of one date: its own times, status, place and availability."""
    status = occurrence.status
    item = {
        **common,
        "startDate": _date(occurrence.start, occurrence.all_day),
        "endDate": _date(occurrence.end, occurrence.all_day, end=True),
        "eventStatus": SCHEMA + EVENT_STATUS.get(status, "EventScheduled"),
    }
    mode = AttendanceMode.ONLINE if status == EventStatus.MOVED_ONLINE else page.attendance_mode
    item["eventAttendanceMode"] = SCHEMA + ATTENDANCE[mode]
    place = location(page, status, url)
    if place:
        item["location"] = place
    offer = offers(page, url, status)
    if offer:
        item["offers"] = offer
    if occurrence.is_moved:
        item["previousStartDate"] = _date(occurrence.original_start, occurrence.all_day)
    return item


def exhibition_event(page, *, url, place, image_url=None, organizer=None):
    """A temporary (or dated) exhibition as a schema.org ``ExhibitionEvent``, or ``None``.

    Google requires a start date and a place with an address: a permanent exhibition
    without an opening day, or a centre without an address in its contact details,
    gives no object rather than one that Search Console reports as wrong. The dates
    are days, as the exhibition's are; ``place`` is the centre (:func:`centre_place`).
    """
    if page.start_date is None or place is None:
        return None
    item = {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "name": page.title,
        "startDate": page.start_date.isoformat(),
        "eventStatus": SCHEMA + EVENT_STATUS[EventStatus.SCHEDULED],
        "eventAttendanceMode": SCHEMA + ATTENDANCE[AttendanceMode.ON_SITE],
        "location": place,
        "inLanguage": page.locale.language_code,
    }
    optional = {
        "endDate": page.end_date and page.end_date.isoformat(),
        "description": page.search_description or page.introduction,
        "url": url,
        "image": image_url and [image_url],
        "organizer": organizer,
        "typicalAgeRange": page.age_range,
    }
    item.update({key: value for key, value in optional.items() if value})
    return item
