"""The visitor path in the admin (ticket categories) and in the demo content."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from csti_cms.core.hooks import DEMO_CONTENT, ORGANIZATION_JSONLD
from csti_cms.enquiries.closures import CLOSED_DATES_HOOK

from .closed_event_dates import warn_of_closed_days_of_event, warn_of_events_on_closed_days
from .demo import load_demo_opening_hours
from .models import OpeningHours, TicketCategory
from .opening import closed_to_groups
from .structured_data import opening_hours_data


class TicketCategoryViewSet(SnippetViewSet):
    model = TicketCategory
    icon = "tag"
    list_display = ["name", "price", "sort_order"]
    search_fields = ["name"]


register_snippet(TicketCategoryViewSet)


@hooks.register(CLOSED_DATES_HOOK)
def days_closed_to_groups(site, start_date, end_date):
    """Booking forms refuse dates the opening calendar says the centre is closed."""
    return closed_to_groups(site, start_date, end_date)


# The home page describes the centre to search engines: its hours are part of it.
hooks.register(ORGANIZATION_JSONLD, opening_hours_data)


@hooks.register("after_edit_setting")
def events_on_new_closures(request, instance):
    """Editors who close the centre on a day learn which events the agenda still lists."""
    if isinstance(instance, OpeningHours):
        warn_of_events_on_closed_days(request, instance.site)


# Not after_publish_page: the editor's publish fires after_edit_page too.
@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def event_dates_on_closures(request, page):
    """Editors who plan an event on a day the centre is closed are told so."""
    warn_of_closed_days_of_event(request, page)


@hooks.register(DEMO_CONTENT)
def demo_opening_hours(loader):
    load_demo_opening_hours(loader)
