"""The properties Google asks for each schema.org type, and the check of a JSON-LD item.

Google's structured-data guides (developers.google.com/search/docs/appearance/
structured-data) split properties into required and recommended; an item that
lacks a required property is not eligible for its rich result. This table holds
the required ones of the types a science centre's site publishes. Types Google
has no rich result for (WebSite, Place on its own...) only have to parse and
name their ``@context`` and ``@type``.
"""

#: Required properties per type. A tuple inside the list means "one of these".
REQUIRED = {
    "Event": ["name", "startDate", "location"],
    "Place": ["address"],
    "VirtualLocation": ["url"],
    "PostalAddress": [("streetAddress", "addressLocality", "postalCode")],
    "Offer": [("price", "priceSpecification")],
    "LocalBusiness": ["name", "address"],
    "BreadcrumbList": ["itemListElement"],
    "ItemList": ["itemListElement"],
    "ListItem": ["position"],
    "FAQPage": ["mainEntity"],
    "Question": ["name", "acceptedAnswer"],
    "Answer": ["text"],
    "Course": ["name", "description"],
    "CourseInstance": [("courseMode", "location"), ("courseSchedule", "courseWorkload")],
    "Product": ["name", ("offers", "review", "aggregateRating")],
    "VideoObject": ["name", "thumbnailUrl", "uploadDate"],
    "ImageObject": ["contentUrl"],
    "Organization": [],
    "GeoCoordinates": ["latitude", "longitude"],
}

#: Types that Google treats as local businesses (same requirements as LocalBusiness).
LOCAL_BUSINESS = {
    "LocalBusiness",
    "Museum",
    "TouristAttraction",
    "EntertainmentBusiness",
    "AmusementPark",
    "ArtGallery",
    "EventVenue",
}

#: Subtypes of Event that follow Event's requirements.
EVENTS = {
    "Event",
    "ChildrensEvent",
    "EducationEvent",
    "ExhibitionEvent",
    "Festival",
    "SocialEvent",
    "TheaterEvent",
    "ScreeningEvent",
    "MusicEvent",
}


def _types(item):
    kind = item.get("@type", [])
    return kind if isinstance(kind, list) else [kind]


def _requirements(kind):
    if kind in EVENTS:
        return REQUIRED["Event"]
    if kind in LOCAL_BUSINESS and kind not in REQUIRED:
        return REQUIRED["LocalBusiness"]
    return REQUIRED.get(kind, [])


def _present(item, name):
    value = item.get(name)
    return value not in (None, "", [], {})


def item_problems(item, where="", top_level=True):
    """What a JSON-LD item (and each item nested in it) lacks, as readable sentences."""
    problems = []
    label = where or "item"
    if top_level:
        context = item.get("@context", "")
        contexts = context if isinstance(context, list) else [context]
        if not any(isinstance(c, str) and "schema.org" in c for c in contexts):
            problems.append(f"{label} has no schema.org @context")
    types = _types(item)
    if not types:
        problems.append(f"{label} has no @type")
    for kind in types:
        for requirement in _requirements(kind):
            names = requirement if isinstance(requirement, tuple) else (requirement,)
            if not any(_present(item, name) for name in names):
                wanted = " or ".join(names)
                problems.append(f"{label} ({kind}) lacks {wanted}, which Google requires")
        if kind == "BreadcrumbList":
            problems.extend(_breadcrumb_problems(item, label))
    for name, value in item.items():
        if name.startswith("@"):
            continue
        values = value if isinstance(value, list) else [value]
        for index, child in enumerate(values):
            if isinstance(child, dict) and "@type" in child:
                suffix = f"[{index}]" if isinstance(value, list) else ""
                problems.extend(item_problems(child, f"{label}.{name}{suffix}", top_level=False))
    return problems


def _breadcrumb_problems(item, label):
    elements = item.get("itemListElement") or []
    problems = []
    for index, element in enumerate(elements[:-1]):
        if isinstance(element, dict) and not (element.get("item") or element.get("url")):
            problems.append(f"{label}.itemListElement[{index}] lacks item (the page's URL)")
    return problems
