from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "csti_cms.schools"
    label = "csti_schools"
    verbose_name = _("Schools")
    default_auto_field = "django.db.models.BigAutoField"
