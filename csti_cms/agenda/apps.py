from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "csti_cms.agenda"
    label = "csti_agenda"
    verbose_name = _("Agenda")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Occurrences follow what is published: the only wiring point of the app.
        from . import signal_handlers

        signal_handlers.connect()
