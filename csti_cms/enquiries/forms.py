"""Spam protection for public request forms, with no third-party service.

Two cheap checks stop most automated spam while costing real visitors nothing:

- a honeypot: a text field people never see (hidden by the theme's stylesheet,
  skipped by the keyboard) but that form-filling robots complete;
- a rate limit per client (:mod:`.ratelimit`): a few requests per hour and form,
  counted only for requests that would be stored, so a visitor correcting their
  mistakes is never blocked.

CSRF protection comes from Django's middleware: templates include ``{% csrf_token %}``.
"""

import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.forms.boundfield import BoundField
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from csti_cms.core.models import ContactSettings

from .ratelimit import RateLimit

OPTIONAL = _("optional")
#: The site says "e-mail" everywhere; Django's own French message says "courriel".
INVALID_EMAIL = _("Enter a valid e-mail address, such as name@example.org.")
#: The most a visitor may write in a free-text field (needs, message): about two pages, far
#: more than a request needs, and a bound on what one request stores and e-mails.
LONG_TEXT_LIMIT = 5000
LONG_TEXT_MESSAGE = _(
    "Please keep this to %(limit_value)d characters (you wrote %(show_value)d): "
    "for more, write to us by e-mail."
)
RATE_LIMIT_REASON = _("We have received several requests from your connection in a short time.")
#: What to do about a contact field every request form asks for, when it is left empty:
#: Django's "This field is required." says neither what nor why.
WRITE_YOUR_NAME = _("Write your name.")
WRITE_YOUR_EMAIL = _("Write your e-mail address: we send our answer there.")


class HoneypotInput(forms.TextInput):
    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class TextLengthValidator(MaxLengthValidator):
    """Counts a line break once, as the browser's ``maxlength`` does (it sends it as CR LF)."""

    def clean(self, x):
        return len(x.replace("\r\n", "\n"))


def limit_length(field):
    """Bound a text field the model leaves unbounded (a ``TextField``), here and in the browser."""
    field.max_length = LONG_TEXT_LIMIT
    field.validators.append(TextLengthValidator(LONG_TEXT_LIMIT, LONG_TEXT_MESSAGE))
    field.widget.attrs["maxlength"] = str(LONG_TEXT_LIMIT)


#: Runs of spaces, tabs and line breaks; not the no-break spaces French puts before a colon.
SPACES_BETWEEN_WORDS = re.compile(r"[^\S\u00a0\u202f]+")


def on_one_line(text):
    """``text`` with each run of spaces, tabs and line breaks made one space.

    A name or an organisation pasted with a line break would read on two lines in the
    team's e-mail, list and export. The e-mail's subject, which names the school or
    organisation, goes through it too: a line break in a header keeps the e-mail from
    being sent at all, and requests stored before this form cleaned them still have one.
    """
    return SPACES_BETWEEN_WORDS.sub(" ", text).strip()


def is_single_line(field):
    """Whether ``field`` is a one-line text box: messages written in a text area keep
    their lines."""
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea)


def when_to_try_again(period):
    """When a refused visitor may send again, in plain words, from the allowance's ``period``.

    The allowance renews at the latest ``period`` seconds after the refusal, so that wait
    is always long enough; a period that is not a whole number of minutes is a wait
    nobody should be given to the second.
    """
    if period >= 3600 and period % 3600 == 0:
        hours = period // 3600
        return ngettext(
            "Please try again in %(count)d hour.", "Please try again in %(count)d hours.", hours
        ) % {"count": hours}
    if period >= 60 and period % 60 == 0:
        minutes = period // 60
        return ngettext(
            "Please try again in %(count)d minute.",
            "Please try again in %(count)d minutes.",
            minutes,
        ) % {"count": minutes}
    return gettext("Please try again later.")


def reach_us(request, *, phone_and_email, phone, email, neither=""):
    """One of four sentences, filled in with the centre's phone and e-mail as the site's
    contact details (:class:`~csti_cms.core.models.ContactSettings`) give them.

    ``phone_and_email`` names ``%(phone)s`` and ``%(email)s``, ``phone`` and ``email`` one
    each; ``neither`` is said when the site gives none. All four are translated already
    (``gettext_lazy``), so each keeps its own wording in every language.
    """
    contact = ContactSettings.for_request(request)
    details = {"phone": contact.phone, "email": contact.email}
    if contact.phone and contact.email:
        return str(phone_and_email) % details
    if contact.phone:
        return str(phone) % details
    if contact.email:
        return str(email) % details
    return str(neither)


def other_ways_to_reach_us(request):
    """The centre's phone and e-mail, for someone the form turns away: their request may be urgent.

    Empty when the site's contact details give neither.
    """
    return reach_us(
        request,
        phone_and_email=_("You can also call us at %(phone)s or write to %(email)s."),
        phone=_("You can also call us at %(phone)s."),
        email=_("You can also write to us at %(email)s."),
    )


def rate_limit_message(request, period, reason=RATE_LIMIT_REASON):
    """Why the form was refused, when to send it again, and how else to reach the centre."""
    sentences = [str(reason), when_to_try_again(period), other_ways_to_reach_us(request)]
    return " ".join(sentence for sentence in sentences if sentence)


class RequestBoundField(BoundField):
    """A field of a public request form, its label saying "(optional)" when it may be left empty.

    Marked when the form is shown or checked, not when it is built: a form's own
    ``__init__`` runs after the mixin's and may still make a field required (the booking
    form's phone) or optional, and the label must follow what the form finally asks. The
    robot trap and hidden fields are never marked: people never see them.
    """

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        trap = name == getattr(form, "honeypot_field", None)
        if not field.required and not field.widget.is_hidden and not trap:
            # People fill in what looks required; saying what is optional asks less of them.
            self.label = format_lazy("{} ({})", self.label, OPTIONAL)


class SpamProtectedFormMixin:
    """Mix into a form (before ``forms.Form``/``ModelForm``); pass ``request=``.

    ``rate_limit_scope`` names the allowance (one per form kind); it defaults to
    the form's model label. ``honeypot_field`` names the robot trap: a name robots
    are eager to fill in, which a form with a real field of that name changes.
    ``honeypot_message`` and ``rate_limit_reason`` speak of requests: a form that
    sends something else (an endorsement) says so in its own words.
    """

    rate_limit_scope = None
    honeypot_field = "website"
    #: Labels say "(optional)" of the fields the form, once built, lets visitors leave empty.
    bound_field_class = RequestBoundField
    #: ``((legend, [field names]), ...)``: how the form template groups the fields.
    fieldsets = ()

    honeypot_message = _(
        "Your request could not be sent. Please leave the field "
        "“Leave this field empty” empty and send it again."
    )
    rate_limit_reason = RATE_LIMIT_REASON

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        for field in self.fields.values():
            if isinstance(field, forms.EmailField):
                field.error_messages = {**field.error_messages, "invalid": INVALID_EMAIL}
            if isinstance(field, forms.CharField) and field.max_length is None:
                limit_length(field)
        self.fields[self.honeypot_field] = forms.CharField(
            label=_("Leave this field empty"), required=False, widget=HoneypotInput()
        )

    @property
    def honeypot(self):
        return self[self.honeypot_field]

    def grouped_fields(self):
        """``[(legend, [bound fields])]`` following :attr:`fieldsets`."""
        return [
            (legend, [self[name] for name in names if name in self.fields])
            for legend, names in self.fieldsets
        ]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.honeypot_field]

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if is_single_line(field) and isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = on_one_line(cleaned_data[name])
        if cleaned_data.get(self.honeypot_field):
            # A message rather than a silent drop: a person whose tools filled the
            # field in can still send their request.
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self._errors:
            allowance = self.allowance()
            if not allowance.consume():
                message = rate_limit_message(self.request, allowance.period, self.rate_limit_reason)
                self.add_error(None, forms.ValidationError(message, code="rate"))

    def allowance(self):
        """This client's allowance for this kind of form."""
        scope = self.rate_limit_scope or self._meta.model._meta.label_lower
        return RateLimit(self.request, scope)
