from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "csti_cms.core"
    label = "csti_core"
    verbose_name = _("Science centre")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core.checks import Tags, register
        from wagtail.models import ReferenceIndex

        from csti_cms.core import caching, checks, redirects, rendition_warmup
        from csti_cms.core.models import BrandingSettings, ContactSettings

        caching.connect_signals()
        redirects.keep_automatic_redirects_on_empty_batches()
        redirects.redirect_only_addresses_once_public()
        rendition_warmup.connect_signals()
        register(checks.check_redis, Tags.caches)
        register(checks.check_cache_generation_file, Tags.caches)
        register(checks.check_search_server, "search")
        register(checks.check_media_folders, Tags.files)
        register(checks.check_email_backend, "email", deploy=True)
        register(checks.check_sender_address, "email", deploy=True)
        register(checks.check_admin_address, Tags.urls, deploy=True)
        # The footer's legal pages and the logo are used by every page of a site: Wagtail's
        # usage counts and delete warnings must name them, or an editor deletes the privacy
        # policy believing nothing links to it.
        ReferenceIndex.register_model(BrandingSettings)
        ReferenceIndex.register_model(ContactSettings)
