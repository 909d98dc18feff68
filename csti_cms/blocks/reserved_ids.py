"""The ids the page templates give elements of their own, which no heading may take.

A heading's anchor is made from its text (:func:`csti_cms.blocks.text.heading_anchor`).
Left free, a heading reading "Hours" on the practical information page would take
``hours``, the id of the opening hours its own links lead to, and "Main content" the skip
link's target: two elements with one id, and the link or label finds the first one only.
``tests/core/test_heading_anchor_reserved.py`` reads the ids of every template, so this
list cannot fall behind them.
"""

import re

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
        # Forms and their error summary.
        "form-summary-title",
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
        "resources-title",
        # Audience hubs.
        "hub-pages-heading",
        # Plugins: declarations, memberships and the plugin switch.
        "commitments-title",
        "declaration-title",
        "endorse",
        "endorse-title",
        "endorsements",
        "endorsements-title",
        "full-text-title",
        "gallery-title",
        "signatories-title",
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
    # A declaration in a list, or featured in a page's body, by its number.
    re.compile(r"(featured-)?declaration-\d+"),
    # A network on the memberships page, by its translation key, and its scope's group.
    re.compile(r"network-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-name)?"),
    re.compile(r"scope-[a-z]+"),
    # The map's tooltips, numbered by Leaflet.
    re.compile(r"leaflet-tooltip-\d+"),
)


def is_reserved_id(anchor):
    """Whether a template may give an element of its own the id ``anchor``."""
    return anchor in RESERVED_IDS or any(
        pattern.fullmatch(anchor) for pattern in RESERVED_ID_PATTERNS
    )
