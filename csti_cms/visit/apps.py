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

        from .blocks import OpeningHoursBlock

        slot_registry.register("body", "opening_hours", OpeningHoursBlock(), owner=self.label)
