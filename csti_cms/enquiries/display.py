"""How a request reads for the team: words in the admin's language, not the codes stored.

The database keeps codes ("fr", "conference", ``True``) so that forms, filters and
the e-mail stay stable whatever language anyone works in; the team reading a
request wants what the visitor chose, in the team's own language. The edit view's
read-only panels, its inspect view and the spreadsheet exports all read values through
here, so a request says the same thing on every screen and in the file.
"""

import datetime

from django.core.validators import EMPTY_VALUES
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.formats import date_format, number_format, time_format
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from csti_cms.core.exports import language_name, site_name, yes_no
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.i18n import in_active_language

from .models import Enquiry

#: What an empty value reads as on screen, where a blank would look like a missing answer.
EMPTY = "—"


def is_language(field):
    return field.name == "language" and issubclass(field.model, Enquiry)


def is_coded(field):
    """Whether ``field`` stores a code that the team should read as words."""
    return is_language(field) or isinstance(field, models.BooleanField) or bool(field.choices)


def is_quantity(field):
    """Whether ``field`` holds a count or an amount (pupils, guests, a budget in euros)."""
    return isinstance(field, models.IntegerField) and not field.primary_key


def grouped(number):
    """``number`` with the thousands grouped as the team's language writes them: "12 000", "12.000".

    Django groups only where ``USE_THOUSAND_SEPARATOR`` says so, which would also group
    years and references; a budget of 12000 euros is read at a glance only grouped.
    """
    return number_format(number, use_l10n=True, force_grouping=True)


def words_for(field, value):
    """A non-empty ``value`` of the coded model ``field`` (see :func:`is_coded`) as words."""
    if is_language(field):
        return language_name(value)
    if isinstance(field, models.BooleanField):
        return yes_no(value)
    return str(dict(field.flatchoices).get(value, value))


def value_for_team(field, value):
    """``value`` of the model ``field`` as the team reads it on screen, or ``None`` to leave
    it to the view (text, which the template escapes and shows as typed).

    Wagtail shows the stored value: a language code, "True", "None" for an empty date,
    "['coffee', 'lunch']" for the catering asked for, and a time in UTC on its inspect view.
    """
    if field.many_to_many:  # translatable objects (spaces) named in the team's language
        return ", ".join(str(in_active_language(item)) for item in value.all()) or EMPTY
    if value in EMPTY_VALUES:
        return EMPTY
    if isinstance(field, ChoiceListField):
        return ", ".join(field.labels(value))
    if isinstance(field, models.JSONField) and isinstance(value, list):
        return ", ".join(str(item) for item in value)  # names kept as words (spaces)
    if is_coded(field):
        return words_for(field, value)
    if is_quantity(field):
        return grouped(value)
    if isinstance(value, Site):
        return site_name(value)
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, datetime.time):
        return time_format(value, "TIME_FORMAT")
    return None


def text_for_team(field, value):
    """Text the visitor or the mail server wrote, for an admin page, as it was written.

    A message of several lines (the visitor's, a notification error) would otherwise read
    as one paragraph: the admin's output has ``white-space: normal``. The text is escaped
    before its line breaks become ``<br>``, so what a visitor typed is never HTML.
    """
    text = in_active_language(value)
    if isinstance(field, models.TextField) and isinstance(text, str):
        return linebreaksbr(text, autoescape=True)
    return text


class ReadOnlyFieldPanel(FieldPanel):
    """What the visitor sent, or what became of it: shown to editors in words, never edited.

    Wagtail's read-only panel shows the raw value: a language code, "True", "None"
    for an empty date and the form's blank choice ("---------") for a choice left
    empty.
    """

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        shown = value_for_team(self.db_field, value)
        if shown is not None:
            return shown
        return super().format_value_for_display(text_for_team(self.db_field, value))
