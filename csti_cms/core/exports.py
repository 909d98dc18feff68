"""Exports of the admin that editors open in a spreadsheet program.

What visitors typed ends up in those cells: a cell starting with ``=``, ``+``, ``-`` or
``@`` is run as a formula by Excel, LibreOffice and Google Sheets, so an organisation named
``=HYPERLINK("http://…")`` becomes a link, or worse, in the team's spreadsheet. Such cells
are written with a leading apostrophe, which the programs show as text. Phone numbers typed
with their country code (``+32 470 12 34 56``) get it too: Excel would read
``+32470123456`` as a number, losing the ``+``, and ``+32-470-12-34-56`` as a subtraction.
The XLSX export writes every cell as text and needs no apostrophe.

Names and addresses are full of accents ("Établissement", "Liège"). A CSV file says nothing
of its encoding: Excel reads one without a byte-order mark in the Windows code page and shows
"Ã‰tablissement". The CSV export starts with the UTF-8 byte-order mark, which Excel,
LibreOffice and Google Sheets all read as "this is UTF-8", and says so in its content type.

The team reads an export as it reads the admin, not as the database stores it: headings and
values in the admin user's language, a choice by its label ("Awaiting moderation", not
``pending``), a language by its name, ``True`` as "Yes", a site by its name, a translatable
object (a declaration, a school level) in the admin's language where it has a translation, and
times in the admin's time zone, which the heading names. Wagtail writes a CSV file while it
is sent, after the view has left the user's language and time zone: its lines are written back
in them, a chunk at a time (:func:`in_admin_locale`).

A network's export runs to tens of thousands of rows: how a column shows its values (its
field, its labels) is worked out once per column, and the translatable objects a column
points at (school levels, declarations) are read in the admin's language in one query
before the first row, not one by one.
"""

import datetime
from functools import cache
from itertools import islice

from django.core.exceptions import FieldDoesNotExist
from django.core.validators import EMPTY_VALUES
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, gettext, pgettext
from wagtail.models import Locale, Site, TranslatableMixin

from csti_cms.core.i18n import in_active_language, localize_objects

#: The UTF-8 byte-order mark, first in a CSV export.
BYTE_ORDER_MARK = "\ufeff"

#: Characters that make spreadsheet programs read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: CSV lines written at a time in the admin's language and time zone: switching both for
#: each line of a network's export took a good part of its time; 500 lines hold ~100 KB.
LINES_PER_CHUNK = 500


def inert(value):
    """A CSV cell value that spreadsheet programs show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def language_name(code):
    """The language's name in the admin's language: "Dutch", "Néerlandais", "Nederlands".

    Django names and translates every language it knows; a code it does not know
    is shown as stored rather than hidden.
    """
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def site_name(site):
    """The website a row belongs to, named as its centre calls it ("Curiosa").

    Wagtail's own label adds the server's port and " [default]", words about the install
    that mean nothing to a centre's team; a site left unnamed is known by its host name.
    """
    if site is None:  # the site was deleted; its requests are kept
        return ""
    return site.site_name or site.hostname


def yes_no(value):
    """``value`` as "Yes" or "No": Django's own words, translated in every admin language.

    Wagtail's own boolean displays show ``True`` and ``False``, in English whatever the
    admin's language.
    """
    return gettext("Yes") if value else gettext("No")


def in_admin_locale(lines, language, zone):
    """``lines`` produced in the admin's ``language`` and time ``zone``.

    Wagtail writes a CSV file while it is sent, after the view has returned and
    left the user's language and time zone: the lines are written back in them,
    :data:`LINES_PER_CHUNK` at a time, and handed to the server outside them.
    """
    while True:
        with translation.override(language), timezone.override(zone):
            chunk = list(islice(lines, LINES_PER_CHUNK))
        if not chunk:
            return
        yield from chunk


class SpreadsheetSafeExportMixin:
    """Put first in the bases of an admin ``IndexView`` whose listing exports CSV or XLSX.

    XLSX cells are written as strings by Wagtail, which spreadsheets do not evaluate; CSV
    has no types, so its cells are made inert here, and the file is marked as UTF-8. Both
    are written as the admin shows the rows (:meth:`as_shown`), in the user's language and
    time zone; the listing's own columns and views of one object may show values through
    :meth:`as_shown` too (with ``export_format=None``), so that they read as the export does.
    """

    #: Fields that hold a language code ("nl"), exported as the language's name.
    language_fields = ("language",)

    def preprocess_field_value(self, field, value, export_format):
        value = self.as_shown(field, value, export_format)
        value = super().preprocess_field_value(field, value, export_format)
        return inert(value) if export_format == self.FORMAT_CSV else value

    def get_heading(self, queryset, field):
        """A column of times names the time zone they are in: "Received (Europe/Brussels)".

        An XLSX cell holds a date-time without any offset, so the heading is what tells
        the time zone; the CSV file says the same, so both exports have the same columns.
        """
        heading = super().get_heading(queryset, field)
        try:
            model_field = self.model._meta.get_field(field)
        except FieldDoesNotExist:
            return heading
        if not isinstance(model_field, models.DateTimeField):
            return heading
        # Translators: a column heading of an export, e.g. "Received (Europe/Brussels)".
        return pgettext("export heading of times", "%(heading)s (%(time_zone)s)") % {
            "heading": heading,
            "time_zone": timezone.get_current_timezone_name(),
        }

    def as_shown(self, field, value, export_format):
        """``value`` as the admin shows it: labels for codes, Yes/No, the admin's local time.

        Times are written in the time zone the admin uses (the site's unless the user
        chose another), not in UTC. A CSV time carries its UTC offset (ISO 8601), so the
        hour repeated when summer time ends reads as either the first or the second;
        an XLSX cell stays a date-time a spreadsheet can sort and count, which holds no
        offset, so it is the local time the heading names.
        """
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            local = timezone.localtime(value).replace(microsecond=0)
            if export_format == self.FORMAT_CSV:
                return local.isoformat()
            return local.replace(tzinfo=None)
        if isinstance(value, datetime.time) and export_format == self.FORMAT_CSV:
            return value.isoformat("minutes")  # "18:00", as the team reads it; not "18:00:00"
        if isinstance(value, bool):
            return yes_no(value)
        if isinstance(value, Site):
            return site_name(value)
        if isinstance(value, TranslatableMixin):
            return self._in_active_language(value)
        shown = self._column_reading(field)
        if shown is None or value in EMPTY_VALUES:
            return value
        return shown(value)

    @cached_property
    def _column_readings(self):
        """``{column: how it shows a value}``, filled as the columns are met. A view serves
        one request, in the admin's language: the labels, read once, are in that language."""
        return {}

    def _column_reading(self, field):
        """How column ``field`` shows a stored value (see :meth:`_read_column`), worked out
        once per column rather than for each of the export's cells."""
        readings = self._column_readings
        if field not in readings:
            readings[field] = self._read_column(field)
        return readings[field]

    def _read_column(self, field):
        """A function showing a value of column ``field``: a language's name, a choice's
        label (a value no longer among the choices as stored); ``None`` for a column that
        shows its values as they are (no model field, or a field without choices)."""
        try:
            model_field = self.model._meta.get_field(field)
        except FieldDoesNotExist:
            return None
        if model_field.name in self.language_fields and not model_field.choices:
            return cache(language_name)
        if model_field.choices:
            labels = {value: str(label) for value, label in model_field.flatchoices}
            return lambda value: labels[value] if value in labels else str(value)
        return None

    def _in_active_language(self, value):
        """:func:`in_active_language`, asked once per object however many rows hold it
        (read for a whole export beforehand by :meth:`_localize_translatable_columns`)."""
        translations = self.__dict__.setdefault("_translations", {})
        key = (type(value), value.pk)
        if key not in translations:
            translations[key] = in_active_language(value)
        return translations[key]

    def _localize_translatable_columns(self, queryset):
        """Read the objects the export's columns point at (a booking's school level, an
        endorsement's declaration) in the admin's language, two queries per column whatever
        their number: asked one by one, each distinct level cost two (90 for the demo's)."""
        relations = self._translatable_relations()
        if not relations:
            return
        translations = self.__dict__.setdefault("_translations", {})
        language = Locale.get_active().language_code
        for relation in relations:
            rows_links = queryset.order_by().values(relation.attname)
            linked = list(relation.related_model._base_manager.filter(pk__in=rows_links))
            for obj, shown in zip(linked, localize_objects(linked, language), strict=True):
                translations[(type(obj), obj.pk)] = shown

    def _translatable_relations(self):
        """The export's columns that link each row to a translatable object."""
        relations = []
        for field in self.list_export:
            try:
                model_field = self.model._meta.get_field(field)
            except FieldDoesNotExist:
                continue
            links_one = (model_field.many_to_one or model_field.one_to_one) and model_field.concrete
            if links_one and issubclass(model_field.related_model, TranslatableMixin):
                relations.append(model_field)
        return relations

    def as_spreadsheet(self, queryset, spreadsheet_format):
        self._localize_translatable_columns(queryset)
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset):
        lines = self._stream_csv_with_mark(queryset)
        return in_admin_locale(lines, translation.get_language(), timezone.get_current_timezone())

    def _stream_csv_with_mark(self, queryset):
        yield BYTE_ORDER_MARK
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
