from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VenuesConfig(AppConfig):
    name = "csti_cms.venues"
    label = "csti_venues"
    verbose_name = _("Venue hire")
    default_auto_field = "django.db.models.BigAutoField"
