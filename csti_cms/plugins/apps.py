from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PluginsFrameworkConfig(AppConfig):
    """The plugin framework itself (not a plugin): per-site switches and their admin."""

    name = "csti_cms.plugins"
    label = "csti_plugins"
    verbose_name = _("Plugins")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import signal_handlers
        from .models import SitePlugin

        post_save.connect(signal_handlers.forget_site_state, sender=SitePlugin)
        post_delete.connect(signal_handlers.forget_site_state, sender=SitePlugin)
