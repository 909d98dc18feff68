"""The public endorsement form and the editors' moderation form."""

import re
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.log_actions import log

from csti_cms.plugins import RateLimit, SpamProtectedFormMixin

from .models import Endorsement, EndorsementStatus
from .normalise import organisation_key

#: The rate limit's allowance, shared by the form in every language.
RATE_LIMIT_SCOPE = "declarations.endorsement"

#: The admin log's action for each moderation decision, by the status it gives: the
#: history then says who approved or rejected, not merely who edited.
MODERATION_ACTIONS = {
    EndorsementStatus.APPROVED: "declarations.approve",
    EndorsementStatus.REJECTED: "declarations.reject",
    EndorsementStatus.PENDING: "declarations.await_moderation",
}


def standing_endorsements(declaration, key):
    """Endorsements of ``declaration`` by ``key`` (a normalised name), but rejected ones."""
    return (
        Endorsement.objects.of(declaration)
        .filter(organisation_key=key)
        .exclude(status=EndorsementStatus.REJECTED)
    )


def unconfirmable():
    """Unconfirmed endorsements nobody can confirm: their link has expired, or was never sent."""
    expired = timezone.now() - timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_MAX_AGE)
    return Q(confirmed_at__isnull=True) & (
        Q(submitted_at__lt=expired) | Q(confirmation_failed=True)
    )


def blocking_endorsements(declaration, key):
    """Endorsements that stop ``key`` (a normalised name) from endorsing ``declaration`` again.

    Only a public one (confirmed and approved): the page lists it anyway, so the visitor is
    told nothing new. A request waiting for confirmation or moderation blocks nothing, and
    the form never says one exists: anyone can type a name, and learning that someone else
    asked for it, before any editor looked, is the moderators' business. A new request is
    then stored beside the waiting one, gets its own confirmation link, and the editors
    see both and approve one (``Endorsement.validate_constraints``). So the first request
    keeps its details and its contact's link, and the organisation is never listed twice.
    """
    return Endorsement.objects.public().of(declaration).filter(organisation_key=key)


def replaced_endorsement(declaration, key):
    """The endorsement a new one from ``key`` takes the place of: one nobody can confirm.

    Only such an endorsement (its link has expired, or was never sent), never one whose
    link someone may still use: that one stays, and the new request is stored beside it.
    Reusing the row spares the editors a request that can never be approved, and its new
    ``submitted_at`` voids any old link. Locked until the caller's transaction ends, so
    that it cannot be confirmed meanwhile.
    """
    replaceable = standing_endorsements(declaration, key).filter(unconfirmable())
    return replaceable.select_for_update().first()


def confirmation_withheld_until(declaration, email, replacing=None):
    """When ``email`` may again be sent a link to confirm an endorsement of ``declaration``.

    ``None`` if it may now. Anyone can type any address in the form, and the e-mail comes
    from the centre: without this, a stranger could make the centre write to someone again
    and again. So one address gets at most one confirmation e-mail per declaration every
    ``DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD`` seconds, whatever the organisation
    typed and whichever client sends it. A request whose e-mail could not be sent (or was
    withheld) counts for nothing: it holds no link. ``replacing`` is the stale request the
    new one takes the place of (``replaced_endorsement``), which is not counted either.
    The time is the latest link's, plus the period: the visitor is told when to try again.
    """
    period = timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_PER_ADDRESS_PERIOD)
    sent = Endorsement.objects.of(declaration).filter(
        email__iexact=email, submitted_at__gte=timezone.now() - period, confirmation_failed=False
    )
    if replacing is not None:
        sent = sent.exclude(pk=replacing.pk)
    latest = sent.order_by("-submitted_at").values_list("submitted_at", flat=True).first()
    return latest + period if latest is not None else None


#: A web address spelt out: with a scheme (``https://``, ``hxxp://``, or with one slash,
#: ``http:/``, which browsers read alike) or ``www.``.
SPELT_OUT_ADDRESS = re.compile(r"://|\bh(?:tt|xx)ps?:[/\\]|\bwww\d*\.", re.IGNORECASE)
#: The top-level domain of a host name mail clients make a link of: a lowercase word.
#: Case-sensitive, as names are written with capitals: "Dr.Dupont", "Univ.Gent/UGent".
TOP_LEVEL_DOMAIN = r"[a-z]{2,24}(?![\w-])"
#: A host name followed by a path, a query, a fragment or a port (``evil.example/claim``,
#: ``evil.example?claim=1``, ``evil.example#x``, ``evil.example:8080``): a mail client makes a
#: link of it all. "A.S.B.L./V.Z.W." is none, nor "Sciences.be: le musée".
HOST_WITH_PATH = re.compile(rf"(?:[\w-]+\.)+{TOP_LEVEL_DOMAIN}(?:[/?#]|:\d)")
#: An e-mail address (``someone@evil.example``).
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A bare host name (``evil.example``), each label at least two characters long, so that
#: initials ("J.P. Dupont", "J.-P.Dupont") are not one. Only refused in a person's name: an
#: organisation may be called "Sciences.be".
HOST_NAME = re.compile(rf"(?<![\w.-])(?:[\w-]{{2,}}\.)+{TOP_LEVEL_DOMAIN}")
#: What an organisation's name may not hold, and a person's name.
ADDRESSES_IN_AN_ORGANISATION = (SPELT_OUT_ADDRESS, HOST_WITH_PATH, EMAIL_ADDRESS)
ADDRESSES_IN_A_PERSON = (*ADDRESSES_IN_AN_ORGANISATION, HOST_NAME)


def refuse_web_addresses(text, patterns=ADDRESSES_IN_AN_ORGANISATION):
    """Refuse ``text`` holding a web or e-mail address: the centre's e-mail quotes it.

    The confirmation e-mail greets the contact by name and repeats the organisation word for
    word, from the centre's name, to whatever address was typed: a link there would make it
    a phishing e-mail the centre sent. The organisation's website has a field of its own.
    """
    if any(pattern.search(text) for pattern in patterns):
        raise ValidationError(
            _(
                "Please leave out web and e-mail addresses: give your organisation's website "
                "in the “Website” field."
            ),
            code="web_address",
        )


def duplicate_error(name):
    return ValidationError(
        _(
            "%(organisation)s has already endorsed this declaration and is listed on its "
            "page: thank you! If you think this is a mistake, please contact us."
        ),
        code="duplicate",
        params={"organisation": name},
    )


class EndorsementForm(SpamProtectedFormMixin, forms.ModelForm):
    """An organisation endorses a declaration, protected as every public form is.

    Pass the ``declaration`` and the ``request``. The robot trap is ``extra_info``, as
    ``website`` is a real field here. Each valid submission counts against the client's
    allowance for endorsements (``DECLARATIONS_ENDORSEMENT_RATE_LIMIT`` per
    ``DECLARATIONS_ENDORSEMENT_RATE_PERIOD`` seconds), kept apart from the enquiry forms'.
    """

    rate_limit_scope = RATE_LIMIT_SCOPE
    honeypot_field = "extra_info"
    honeypot_message = _(
        "Your endorsement could not be sent. Please leave the field "
        "“Leave this field empty” empty and send it again."
    )
    rate_limit_reason = _("Too many endorsements were sent from your network in a short time.")

    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Endorsement
        fields = ["organisation", "country", "contact_name", "email", "website", "consent"]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        # What to do, rather than Django's "This field is required."; the consent's own
        # message is set with its label in __init__.
        error_messages = {
            "organisation": {"required": _("Give the name of your organisation.")},
            "country": {"required": _("Write the country of your organisation.")},
            "contact_name": {"required": _("Write your name.")},
            "email": {
                "required": _("Write your e-mail address: we send you a link there to confirm.")
            },
        }

    def __init__(self, *args, declaration, request, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.declaration = declaration
        self.fields["email"].help_text = _(
            "We send you a link to confirm the endorsement. Your name and e-mail address are "
            "never published."
        )
        consent = self.fields["consent"]
        consent.required = True
        consent.label = _(
            "I agree that my organisation's name, country and website are published on this "
            "page once an editor has approved the endorsement."
        )
        consent.error_messages["required"] = _(
            "Please agree to the publication, without which we cannot list your organisation."
        )

    def clean_organisation(self):
        name = " ".join(self.cleaned_data["organisation"].split())
        refuse_web_addresses(name)
        key = organisation_key(name)
        if not any(character.isalnum() for character in key):
            # Dots or dashes alone name no organisation the list could show.
            raise ValidationError(_("Give the name of your organisation."))
        if blocking_endorsements(self.declaration, key).exists():
            raise duplicate_error(name)
        return name

    def clean_contact_name(self):
        """One line, and no address: the e-mail opens with "Hello <contact name>,"."""
        name = " ".join(self.cleaned_data["contact_name"].split())
        refuse_web_addresses(name, ADDRESSES_IN_A_PERSON)
        return name

    def allowance(self):
        """The plugin's own settings: a site may welcome more endorsements than enquiries."""
        return RateLimit(
            self.request,
            self.rate_limit_scope,
            limit=settings.DECLARATIONS_ENDORSEMENT_RATE_LIMIT,
            period=settings.DECLARATIONS_ENDORSEMENT_RATE_PERIOD,
        )

    @property
    def is_rate_limited(self):
        """The form was refused only because the client sent too many endorsements."""
        return self.has_error(NON_FIELD_ERRORS, code="rate")


class ModerationForm(WagtailAdminModelForm):
    """Editors approve or reject; only a confirmed endorsement can be approved.

    Once the retention job erased the contact, its name and e-mail address are no longer
    fields: they would be required, and nobody should type them back.
    """

    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.personal_data_erased_at is not None:
            for name in ("contact_name", "email"):
                self.fields.pop(name, None)

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == EndorsementStatus.APPROVED and not self.instance.is_confirmed:
            raise ValidationError(
                _(
                    "This endorsement has not been confirmed through the e-mail link yet: it "
                    "cannot be approved."
                )
            )
        return status

    def save(self, commit=True):
        """Save, and log a change of status as the decision it is, with the status before.

        Logged only once saved (``commit``): a decision not stored was not taken.
        """
        decided = "status" in self.changed_data
        if decided:
            self.instance.moderated_at = timezone.now()
            self.instance.moderated_by = self.for_user
        endorsement = super().save(commit=commit)
        if decided and commit:
            log(
                endorsement,
                MODERATION_ACTIONS[endorsement.status],
                user=self.for_user,
                data={"previous_status": self.initial["status"], "status": endorsement.status},
            )
        return endorsement
