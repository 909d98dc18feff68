"""What editors describe once and reuse on many events: categories and the centre's venues.

Both are translatable snippets. Events point at them from every language version
(wagtail-localize keeps those links synchronised, so they usually point at the
source language's object); pages show them in the visitor's language with
:func:`localize_objects`, one query per list, the way core localizes page links.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class EventCategory(TranslatableMixin, index.Indexed, models.Model):
    """A kind of event visitors filter on: workshop, show, conference, festival..."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in agenda addresses, e.g. ?category=workshops. Lowercase, no spaces."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_category_slug"),
        ]

    def __str__(self):
        return self.name


class Place(models.Model):
    """An address with coordinates: a venue of the centre or the place of one event."""

    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, default="BE", help_text=_("Two-letter code: BE.")
    )
    # On a map and in structured data, a latitude of 200 is nowhere.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )

    address_panels = [
        FieldPanel("street_address"),
        FieldPanel("postal_code"),
        FieldPanel("locality"),
        FieldPanel("country"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
    ]
    #: Codes and numbers are the same in every language.
    address_sync_fields = [SynchronizedField("postal_code"), SynchronizedField("country")]

    class Meta:
        abstract = True

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class Location:
    """Where an event takes place, whichever way the editor gave it."""

    name: str
    street_address: str = ""
    postal_code: str = ""
    locality: str = ""
    country: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None

    @classmethod
    def of(cls, place, name):
        return cls(
            name=name,
            street_address=place.street_address,
            postal_code=place.postal_code,
            locality=place.locality,
            country=place.country,
            latitude=place.latitude,
            longitude=place.longitude,
        )

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def address(self):
        """The address on one line, for calendar files and maps."""
        town = " ".join(part for part in (self.postal_code, self.locality) if part)
        return ", ".join(part for part in (self.name, self.street_address, town) if part)


class Venue(TranslatableMixin, Place):
    """A room or space of the centre (or a partner's) where events take place."""

    name = models.CharField(_("name"), max_length=120)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(Place.address_panels, heading=_("Address and map position")),
    ]
    override_translatable_fields = Place.address_sync_fields

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name


def localize_objects(objects, language=None):
    """Each translatable object in ``language`` (default: active), in one query.

    Objects without a translation in that language stay as they are.
    """
    objects = list(objects)
    if not objects:
        return []
    language = language or get_language()
    model = type(objects[0])
    translations = model.objects.filter(
        translation_key__in={obj.translation_key for obj in objects},
        locale__language_code=language,
    )
    by_key = {translation.translation_key: translation for translation in translations}
    return [by_key.get(obj.translation_key, obj) for obj in objects]
