from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    name = "csti_cms.enquiries"
    label = "csti_enquiries"
    verbose_name = _("Requests from visitors")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .retention import forget_names_on_delete

        forget_names_on_delete()
