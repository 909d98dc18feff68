"""How a request reads for the team: words in the admin's language, not the codes stored.

The database keeps codes ("fr", "conference", ``True``) so that forms, filters and
the e-mail stay stable whatever language anyone works in; the team reading a
request wants what the visitor chose, in the team's own language. The edit view's
read-only panels, its inspect view and the spreadsheet exports all read values through
here, so a request says the same thing on every screen and in the file.
"""

import datetime
from urllib.parse import quote

from django.core.validators import EMPTY_VALUES
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format, time_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from csti_cms.core.exports import language_name, site_name, yes_no
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.i18n import in_active_language

from .models import Enquiry

#: What an empty value reads as on screen, where a blank would look like a missing answer.
EMPTY = "—"

#: The subject of the team's reply to a request, by kind of request (``app_label.model``).
REPLY_SUBJECTS = {
    # Translators: the subject of the team's e-mail answering a teacher's booking request,
    # written in the teacher's language; then the request's reference ("B-12").
    "csti_schools.bookingrequest": _("Your booking request %(reference)s"),
    # Translators: the subject of the team's e-mail answering a quote request for hiring a
    # space, written in the sender's language; then the request's reference ("Q-12").
    "csti_venues.quoterequest": _("Your quote request %(reference)s"),
}
# Translators: the subject of the team's e-mail answering a visitor's request, written in
# the visitor's language; then the request's reference ("R-12").
REPLY_SUBJECT = _("Your request %(reference)s")


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


def reply_subject(enquiry):
    """The subject of an answer to ``enquiry``, in the language its visitor wrote in.

    The team may work in French and the teacher write in Dutch: the answer's first words
    should be the teacher's, whoever in the team writes it.
    """
    subject = REPLY_SUBJECTS.get(enquiry._meta.label_lower, REPLY_SUBJECT)
    with translation.override(enquiry.language):
        return subject % {"reference": enquiry.reference}


def reply_link(enquiry):
    """The visitor's address as a link starting the answer, or :data:`EMPTY` once erased."""
    if not enquiry.email:
        return EMPTY
    address = f"mailto:{quote(enquiry.email, safe='@')}?subject={quote(reply_subject(enquiry))}"
    return format_html('<a href="{}">{}</a>', address, enquiry.email)


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


class ReplyLinkPanel(ReadOnlyFieldPanel):
    """The visitor's e-mail address, a link that starts the answer in their language."""

    class BoundPanel(ReadOnlyFieldPanel.BoundPanel):
        def get_read_only_context_data(self):
            context = super().get_read_only_context_data()
            context["display_value"] = reply_link(self.instance)
            template = get_template(self.panel.read_only_output_template_name)
            context["rendered_field"] = template.render(context)
            return context
