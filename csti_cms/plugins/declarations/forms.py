"""The public endorsement form and the editors' moderation form."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Endorsement, EndorsementStatus
from .normalise import organisation_key


def blocking_endorsements(declaration, key):
    """Endorsements that stop ``key`` (a normalised name) from endorsing ``declaration`` again.

    A rejected endorsement does not, nor does one never confirmed while its link
    was valid: the organisation may try again, and its new details replace the old.
    """
    expired = timezone.now() - timedelta(seconds=settings.DECLARATIONS_CONFIRMATION_MAX_AGE)
    return (
        Endorsement.objects.of(declaration)
        .filter(organisation_key=key)
        .exclude(status=EndorsementStatus.REJECTED)
        .exclude(confirmed_at__isnull=True, submitted_at__lt=expired)
    )


def duplicate_error(name):
    return ValidationError(
        _(
            "%(organisation)s has already endorsed this declaration, or its endorsement is "
            "waiting for confirmation: thank you! If you think this is a mistake, please "
            "contact us."
        ),
        code="duplicate",
        params={"organisation": name},
    )


class EndorsementForm(forms.ModelForm):
    """An organisation endorses a declaration. ``extra_info`` is a trap for robots."""

    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    extra_info = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
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

    def __init__(self, *args, declaration, **kwargs):
        super().__init__(*args, **kwargs)
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
        if not key:
            raise ValidationError(_("Give the name of your organisation."))
        if blocking_endorsements(self.declaration, key).exists():
            raise duplicate_error(name)
        return name

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("extra_info"))


class ModerationForm(WagtailAdminModelForm):
    """Editors approve or reject; only a confirmed endorsement can be approved."""

    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

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
        if "status" in self.changed_data:
            self.instance.moderated_at = timezone.now()
            self.instance.moderated_by = self.for_user
        return super().save(commit=commit)
