"""What editors describe once and reuse on many events: categories and the centre's venues.

Both are translatable snippets. Events point at them from every language version
(wagtail-localize keeps those links synchronised, so they usually point at the
source language's object); pages show them in the visitor's language with
:func:`csti_cms.core.i18n.localize_objects`, one query per list, the way core localizes
page links.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
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

    def validate_constraints(self, exclude=None):
        """Check that the slug is free in the category's language, next to the slug field.

        The admin takes the language from the address, not from a form field, so Django's
        form validation skipped the constraint on (locale, slug) and the database refused
        a duplicate with a server error. Translations keep their source's slug: another
        language never conflicts.
        """
        exclude = set(exclude or ())
        errors = {}
        if "slug" not in exclude and self._slug_taken():
            errors["slug"] = [
                ValidationError(
                    _("A category with this slug already exists in this language."),
                    code="unique",
                )
            ]
        try:
            # The check above stands for the constraint on (locale, slug).
            super().validate_constraints(exclude=exclude | {"slug"})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _slug_taken(self):
        # A category saved without a locale gets the default one when it is saved.
        locale_id = self.locale_id or self.get_default_locale().pk
        others = EventCategory.objects.filter(locale_id=locale_id, slug=self.slug)
        if not self._state.adding:
            others = others.exclude(pk=self.pk)
        return others.exists()


def validate_country_code(value):
    """Structured data and maps read ISO 3166-1 alpha-2 codes; a country's name is not one."""
    if not re.fullmatch(r"[A-Z]{2}", value):
        raise ValidationError(
            _("Give the two-letter country code, e.g. BE, FR, NL."), code="country_code"
        )


def capitals(value):
    return value.strip().upper() if isinstance(value, str) else value


class CountryCodeFormField(forms.CharField):
    """The code as editors type it, in capitals; anything else is answered with an example.

    No ``maxlength`` in the page: the browser cut "Belgium" to "Be" without a word, and
    "Netherlands" would have become Niger.
    """

    default_validators = [validate_country_code]

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        return capitals(super().to_python(value))


class CountryCodeField(models.CharField):
    """An ISO 3166-1 alpha-2 code, stored in capitals whichever way it is given."""

    default_validators = [validate_country_code]

    def to_python(self, value):
        return capitals(super().to_python(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CountryCodeFormField, **kwargs})


class Place(models.Model):
    """An address with coordinates: a venue of the centre or the place of one event."""

    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=100, blank=True)
    country = CountryCodeField(
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
    #: Codes are the same in every language: the translation editor copies them and offers
    #: no "Edit", as a Dutch postal or country code of its own could only be a mistake.
    address_sync_fields = [
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("country", overridable=False),
    ]

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

    def clean(self):
        super().clean()
        if not self.locality.strip():
            # Every event held here gives this address to search engines, which need its town.
            raise ValidationError(
                {"locality": _("Give the town or city of this venue: search engines need it.")}
            )
