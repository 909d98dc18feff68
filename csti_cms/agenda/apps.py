from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "csti_cms.agenda"
    label = "csti_agenda"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Occurrences follow what is published: the only wiring point of the app.
        from csti_cms.core.caching import refresh_on_change

        from . import signal_handlers
        from .models import EventCategory, Venue

        signal_handlers.connect()
        # Agendas, event pages and their feeds show categories and venues.
        refresh_on_change(EventCategory, Venue)
