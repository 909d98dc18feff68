"""What a visit costs: ticket categories and the centre's online ticket shop."""

from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import Translation

from csti_cms.core.caching import CachedSiteSetting


class TicketCategory(TranslatableMixin, index.Indexed, models.Model):
    """A price visitors pay: adult, child, family, reduced rate...

    A translatable snippet: names and conditions are written in each language; the price,
    order and site are the same in all of them (:attr:`SHARED_FIELDS`). Saving any version
    writes them to the others, so a new price shows at once in every language: the
    translation editor does not offer them, and syncing the translations is not needed.
    """

    #: Fields that mean the same in every language, copied to every version on each save.
    SHARED_FIELDS = ("price", "sort_order", "site")

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
    # Not overridable: a Dutch price that differs from the French one is a mistake.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in SHARED_FIELDS
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("ticket category")
        verbose_name_plural = _("ticket categories")
        ordering = ["sort_order", "price", "pk"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        shared = self._shared_attnames(kwargs.get("update_fields"))
        with transaction.atomic():
            if shared:
                self._follow_synced_source(shared)
            super().save(*args, **kwargs)
            if shared:
                self._share_with_translations(shared)

    def _shared_attnames(self, update_fields):
        """The columns of :attr:`SHARED_FIELDS` this save writes: all, unless ``update_fields``."""
        fields = [self._meta.get_field(name) for name in self.SHARED_FIELDS]
        if update_fields is not None:
            fields = [f for f in fields if {f.name, f.attname} & set(update_fields)]
        return [f.attname for f in fields]

    def _follow_synced_source(self, attnames):
        """A translation kept in sync by wagtail-localize takes the values of its source row.

        The translation editor publishes from the copy of the source it took when the
        translation was last synced: without this, a translator publishing a corrected name
        would bring back the price of that day, in every language.
        """
        synced_from = Translation.objects.filter(
            source__object_id=self.translation_key, target_locale=self.locale_id, enabled=True
        ).values("source__locale")
        source = (
            type(self)
            .objects.filter(translation_key=self.translation_key, locale__in=synced_from)
            .exclude(pk=self.pk)
            .values(*attnames)
            .first()
        )
        for attname, value in (source or {}).items():
            setattr(self, attname, value)

    def _share_with_translations(self, attnames):
        """Write the shared values to the other languages' rows, in one ``UPDATE``.

        An update, not a save of each row: it fires no signal and saves no revision, so it
        cannot loop. The saved row's own signal already told the cache that pages changed
        (``refresh_on_change`` in the app's ``ready()``), in every language.
        """
        type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            **{attname: getattr(self, attname) for attname in attnames}
        )

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
