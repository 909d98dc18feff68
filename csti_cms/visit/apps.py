from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitConfig(AppConfig):
    name = "csti_cms.visit"
    label = "csti_visit"
    verbose_name = _("Visit")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Editors may show today's opening hours on any page with a body.
        from csti_cms.blocks import slot_registry
        from csti_cms.core.caching import refresh_on_change

        from .blocks import OpeningHoursBlock
        from .models import Closure, SeasonalPeriod, TicketCategory

        slot_registry.register("body", "opening_hours", OpeningHoursBlock(), owner=self.label)
        # The opening calendar and prices show on pages; they are saved on their own.
        refresh_on_change(SeasonalPeriod, Closure, TicketCategory)
