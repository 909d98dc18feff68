"""What a visit costs: ticket categories and the centre's online ticket shop."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from csti_cms.core.caching import CachedSiteSetting


class TicketCategory(TranslatableMixin, index.Indexed, models.Model):
    """A price visitors pay: adult, child, family, reduced rate...

    A translatable snippet: names and conditions are written in each language,
    the price and order are the same in all of them.
    """

    name = models.CharField(_("name"), max_length=80)
    conditions = models.CharField(
        _("conditions"),
        max_length=200,
        blank=True,
        help_text=_("Who it is for, e.g. “From 3 to 11 years” or “On presentation of a card”."),
    )
    price = models.DecimalField(
        _("price"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("In euros; 0 for free entry."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty to show it on every site of this installation."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("conditions"),
        FieldRowPanel([FieldPanel("price"), FieldPanel("sort_order")]),
        FieldPanel("site"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [SynchronizedField("site", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ticket category")
        verbose_name_plural = _("ticket categories")
        ordering = ["sort_order", "price", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_free(self):
        return not self.price

    @classmethod
    def for_site(cls, site, language):
        """The categories shown on ``site``, in ``language`` where translated, in one query."""
        categories = cls.objects.select_related("locale")
        if site is not None:
            categories = categories.filter(models.Q(site=site) | models.Q(site__isnull=True))
        by_key = {}
        for category in categories:
            current = by_key.get(category.translation_key)
            if current is None or category.locale.language_code == language:
                by_key[category.translation_key] = category
        return sorted(by_key.values(), key=lambda c: (c.sort_order, c.price, c.pk))


@register_setting(icon="tag")
class TicketingSettings(CachedSiteSetting, BaseSiteSetting):
    ticket_shop_url = models.URLField(
        _("online ticket shop"),
        blank=True,
        help_text=_("Where visitors buy tickets online. Leave empty if tickets are sold on site."),
    )

    panels = [FieldPanel("ticket_shop_url")]

    class Meta:
        verbose_name = _("ticketing")
