"""How a request reads for the team: words in the admin's language, not the codes stored.

The database keeps codes ("fr", "conference", ``True``) so that forms, filters and
the e-mail stay stable whatever language anyone works in; the team reading a
request wants what the visitor chose, in the team's own language. The edit view's
read-only panels and the spreadsheet exports both read values through here, so a
request says the same thing on screen and in the file.
"""

from django.core.validators import EMPTY_VALUES
from django.db import models
from django.utils.translation import get_language_info, gettext
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from csti_cms.core.i18n import in_active_language

from .models import Enquiry

#: What an empty value reads as on screen, where a blank would look like a missing answer.
EMPTY = "—"


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
    """The website a request came from, named as its centre calls it ("Curiosa").

    Wagtail's own label adds the server's port and " [default]", words about the install
    that mean nothing to a centre's team; a site left unnamed is known by its host name.
    """
    if site is None:  # the site was deleted; its requests are kept
        return ""
    return site.site_name or site.hostname


def is_language(field):
    return field.name == "language" and issubclass(field.model, Enquiry)


def is_coded(field):
    """Whether ``field`` stores a code that the team should read as words."""
    return is_language(field) or isinstance(field, models.BooleanField) or bool(field.choices)


def words_for(field, value):
    """A non-empty ``value`` of the coded model ``field`` (see :func:`is_coded`) as words."""
    if is_language(field):
        return language_name(value)
    if isinstance(field, models.BooleanField):
        # Django's own strings, translated in every language the admin offers.
        return gettext("Yes") if value else gettext("No")
    return str(dict(field.flatchoices).get(value, value))


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
        field = self.db_field
        if field.many_to_many:
            value = ", ".join(str(item) for item in value.all())
        if value in EMPTY_VALUES:
            return EMPTY
        if is_coded(field):
            return words_for(field, value)
        if isinstance(value, Site):
            return site_name(value)
        return super().format_value_for_display(in_active_language(value))
