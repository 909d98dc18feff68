"""What a public form says when it cannot read a date or a time a visitor typed.

Where the browser shows no date or time picker (a text browser, an older Safari, some
assistive set-ups) or the visitor pastes, the field is a plain text box. Django's "Enter a
valid date." does not say what to type; these messages name the shape with an example, in
the visitor's language. What each language reads is in :mod:`csti_cms.formats.day_first`.
"""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

TIME_NOT_READ = _("Enter a time as HH:MM, e.g. 18:30.")


def _date_not_read():
    """The refusal of a date, its example a month ahead: a date in the past would read as
    one the form refuses. French and Dutch translators name their own letters for the day,
    month and year."""
    example = timezone.localdate() + timedelta(days=30)
    return gettext("Enter a date as DD/MM/YYYY, e.g. %(example)s.") % {
        "example": example.strftime("%d/%m/%Y")
    }


#: Worded when shown, in the visitor's language and with a date still ahead.
DATE_NOT_READ = lazy(_date_not_read, str)()


def say_what_to_type(form):
    """Give every date and time field of ``form`` a refusal that names what to type.

    Called from the public forms' ``__init__``, so a date field added later gets it too.
    No public form asks for a date and time in one box, which keeps Django's message.
    """
    for field in form.fields.values():
        if isinstance(field, forms.DateField):
            field.error_messages = {**field.error_messages, "invalid": DATE_NOT_READ}
        elif isinstance(field, forms.TimeField):
            field.error_messages = {**field.error_messages, "invalid": TIME_NOT_READ}
