"""The public endorsement form and the editors' moderation form."""

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
        key = organisation_key(name)
        if not any(character.isalnum() for character in key):
            # Dots or dashes alone name no organisation the list could show.
            raise ValidationError(_("Give the name of your organisation."))
        if blocking_endorsements(self.declaration, key).exists():
            raise duplicate_error(name)
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
