"""The agenda page: upcoming dates, a month calendar, the archive, and the feeds.

Every view lives under the page as a route (Wagtail's RoutablePageMixin), so each
language's agenda serves them under its own address and language prefix
(``/fr/agenda/ics/``, ``/nl/activiteiten/ics/``):

========================  ==============================================
``./``                    upcoming dates, filtered and paginated
``./calendar/``           this month's calendar; ``./calendar/2026/10/``
``./archive/``            past dates, newest first
``./ics/``                the agenda (filters apply) as an iCalendar feed
``./json/``               events and their dates as JSON (docs/agenda-json.md)
========================  ==============================================

Route segments are spelled in the agenda's language (``/fr/agenda/calendrier/``,
``/nl/activiteiten/archief/``; csti_cms.core.routes); the English spelling above
answers on every translation too.

Feeds are folders, not ``feed.ics`` files, because Wagtail serves page paths made
of letters, digits, ``-`` and ``_`` only; their answers name a ``.ics`` file.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page

from csti_cms.core.models import BasePage
from csti_cms.core.routes import LocalizedRoutablePageMixin, localized_route

#: Query parameters that mean the same in every language; ``category`` is translated,
#: and a page number of one language's list says nothing of another's.
SHARED_FILTERS = ("when", "start", "end", "audience", "age", "free", "q")


#: Route segments, spelled in the agenda's language (csti_cms.core.routes).
CALENDAR = pgettext_lazy("URL", "calendar/")
ARCHIVE = pgettext_lazy("URL", "archive/")


class AgendaPage(LocalizedRoutablePageMixin, BasePage):
    """The centre's agenda; its events are its children."""

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["csti_core.HomePage"]
    subpage_types = ["csti_agenda.EventPage"]
    max_count_per_parent = 1
    visitor_label = _("Agenda")
    visitor_label_plural = _("Agendas")

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def language_switch_query(self, request, translation):
        """The filters to carry to the same view in ``translation``'s language, where that
        agenda can apply them: the language switcher keeps them, while ``hreflang`` names
        each agenda's own address, as its canonical address does.

        A category is a translated snippet with a slug per language: it is carried as
        its translation's slug among the categories that agenda offers, or dropped.
        """
        from ..listing import categories_for

        query = [
            (key, value) for key in SHARED_FILTERS for value in request.GET.getlist(key) if value
        ]
        chosen = request.GET.get("category")
        if chosen:
            keys = {category.slug: category.translation_key for category in categories_for(self)}
            theirs = {
                category.translation_key: category.slug for category in categories_for(translation)
            }
            if keys.get(chosen) in theirs:
                query.append(("category", theirs[keys[chosen]]))
        return query

    @path("", name="upcoming")
    def upcoming(self, request):
        from ..views import upcoming

        return upcoming(request, self)

    @path(CALENDAR, name="calendar")
    @path(localized_route(CALENDAR, "<int:year>/<int:month>/"), name="calendar_month")
    def calendar(self, request, year=None, month=None):
        from ..views import calendar_month

        return calendar_month(request, self, year, month)

    @path(ARCHIVE, name="archive")
    def archive(self, request):
        from ..views import archive

        return archive(request, self)

    @path("ics/", name="feed")
    def feed(self, request):
        from ..feeds import agenda_ics_response

        return agenda_ics_response(request, self)

    @path("json/", name="events_json")
    def events_json(self, request):
        from ..api import events_json_response

        return events_json_response(request, self)
