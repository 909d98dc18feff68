from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "csti_cms.schools"
    label = "csti_schools"
    verbose_name = _("Schools")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from csti_cms.core.caching import refresh_on_change

        from .models import SchoolLevel, Subject

        # The activity list's filters are cached; levels and subjects are snippets.
        refresh_on_change(SchoolLevel, Subject)
