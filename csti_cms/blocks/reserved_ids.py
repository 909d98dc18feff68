"""The ids the page templates give elements of their own, which no heading may take.

A heading's anchor is made from its text (:func:`csti_cms.blocks.text.heading_anchor`).
Left free, a heading reading "Hours" on the practical information page would take
``hours``, the id of the opening hours its own links lead to, and "Main content" the skip
link's target: two elements with one id, and the link or label finds the first one only.

The core lists the ids of its own templates here. Each plugin declares those of its
templates in its config (``reserved_ids``, ``reserved_id_patterns``), which the plugin
framework hands to :func:`reserve` as the plugin is loaded.
``tests/core/test_heading_anchor_reserved.py`` reads the ids of every template, the core's
and each plugin's, so no list can fall behind its templates.
"""

import re
from functools import cache, reduce
from operator import or_

#: Ids written as they are in the templates, and in Wagtail's userbar (editors see it on
#: public pages).
RESERVED_IDS = frozenset(
    {
        # Every page: the skip link's target, the header's search, the footer's sections.
        "main-content",
        "site-search-input",
        "footer-contact",
        "footer-more",
        "footer-social",
        # Forms, their error summary and the thank-you page's receipt.
        "form-summary-title",
        "receipt-title",
        # The search page and the page not found.
        "search-heading",
        "search-page-input",
        "not-found-search-input",
        "results-title",
        "filters-title",
        # Visiting: practical information, prices, exhibitions.
        "access-title",
        "accessibility",
        "accessibility-title",
        "exhibition-filters-title",
        "exhibitions-title",
        "hours",
        "hours-title",
        "price-title",
        "prices",
        "prices-title",
        # The agenda and its events.
        "agenda-filters-title",
        "agenda-map-points",
        "agenda-map-title",
        "agenda-results-title",
        "agenda-subscribe-title",
        "event-dates-title",
        "event-facts-title",
        # Schools and venues.
        "activity-facts-title",
        "capacity-title",
        "catering-title",
        "compare-title",
        "curriculum-title",
        "equipment-title",
        "gallery-title",
        "resources-title",
        # Audience hubs.
        "hub-pages-heading",
        # The plugin switch of the admin.
        "plugin-site",
        # Wagtail's userbar.
        "checker-axe-configuration",
        "checker-results",
        "checker-trigger",
        "w-content-checker-row-template",
        "w-inline-userbar-content-checker-template",
        "w-inline-userbar-template",
        "wagtail-userbar-items",
        "wagtail-userbar-template",
        "wagtail-userbar-trigger",
    }
)

#: Ids the templates build from a value, each as a pattern of all the ids it can give.
RESERVED_ID_PATTERNS = (
    # Django's form fields (``id_email``), their parts, help and errors (``id_age_helptext``).
    re.compile(r"id_\w+"),
    # The map's tooltips, numbered by Leaflet.
    re.compile(r"leaflet-tooltip-\d+"),
    # The note under each video saying where playing it loads it from (blocks/media.py).
    re.compile(r"video-notice-[0-9a-f]{12}"),
)


class ReservedIds:
    """Ids, and patterns of ids, that templates give elements of their own."""

    def __init__(self, ids=(), patterns=()):
        self.ids = frozenset(ids)
        self.patterns = tuple(re.compile(pattern) for pattern in patterns)

    def __contains__(self, anchor):
        return anchor in self.ids or any(pattern.fullmatch(anchor) for pattern in self.patterns)

    def __or__(self, other):
        return ReservedIds(self.ids | other.ids, self.patterns + other.patterns)


#: The core's own: its templates' and Wagtail's userbar.
CORE = ReservedIds(RESERVED_IDS, RESERVED_ID_PATTERNS)

#: Each loaded plugin's, by label.
_declared = {}


def reserve(owner, ids, patterns):
    """Reserve the ids and id patterns the templates of plugin ``owner`` use.

    Called again for the same plugin (its app loaded anew), the new declaration replaces
    the old one.
    """
    _declared[owner] = ReservedIds(ids, patterns)
    _every_reserved.cache_clear()


@cache
def _every_reserved():
    """The core's and every plugin's, joined once: headings are many, plugins load once."""
    return reduce(or_, _declared.values(), CORE)


def is_reserved_id(anchor):
    """Whether a template, the core's or a plugin's, may give an element the id ``anchor``."""
    return anchor in _every_reserved()
