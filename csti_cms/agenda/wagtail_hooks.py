"""The agenda's snippets in the admin: event categories and venues, under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EventCategory, Venue


class EventCategoryViewSet(SnippetViewSet):
    model = EventCategory
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "locality"]
    search_fields = ["name"]


class AgendaViewSetGroup(SnippetViewSetGroup):
    items = (EventCategoryViewSet, VenueViewSet)
    menu_icon = "date"
    menu_label = _("Agenda")
    menu_name = "agenda"


register_snippet(AgendaViewSetGroup)
