"""The visitor path in the admin (ticket categories) and in the demo content."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from csti_cms.core.hooks import DEMO_CONTENT
from csti_cms.enquiries.closures import CLOSED_DATES_HOOK

from .demo import load_demo_opening_hours
from .models import TicketCategory
from .opening import closed_to_groups


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


@hooks.register(DEMO_CONTENT)
def demo_opening_hours(loader):
    load_demo_opening_hours(loader)
