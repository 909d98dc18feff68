"""Which plugins are switched on for which site."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SitePlugin(models.Model):
    """A plugin's state on one site. No row means the plugin is off there."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(_("plugin"), max_length=100)
    enabled = models.BooleanField(_("enabled"), default=False)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("plugin on a site")
        verbose_name_plural = _("plugins on sites")
        constraints = [
            models.UniqueConstraint(fields=["site", "label"], name="unique_plugin_per_site")
        ]

    def __str__(self):
        state = _("on") if self.enabled else _("off")
        return f"{self.label} @ {self.site}: {state}"
