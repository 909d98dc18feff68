"""What every request sent through a public form records, and where it is announced."""

import re

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from csti_cms.core.centre_log import CentreLogEntry
from csti_cms.core.collation import alphabetical
from csti_cms.core.dates import WEEKDAY_DATE, day_date, time_of_day
from csti_cms.core.fields import ChoiceListField
from csti_cms.core.i18n import in_active_language


class EnquiryStatus(models.TextChoices):
    # A context of its own: Wagtail's admin says "New" of any object it creates ("New:
    # Venue"), which French and Dutch word by the object's gender, not a request's.
    NEW = "new", pgettext_lazy("request status", "New")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class Enquiry(models.Model):
    """A request a visitor sent, kept in the database before anyone is e-mailed.

    The database is the record: the e-mail to the team is only a notice, so a mail
    server that is down never costs a request. ``notified`` and
    ``notification_error`` say whether the notice went out, so the team sees what
    they were not told about and ``manage.py retry_enquiry_notifications`` can try
    again. ``site`` and ``language`` say where the visitor came from and in which
    language to answer them.

    Concrete models list the fields the notice shows in ``notification_fields``, and
    those that tell about a person in ``personal_fields``: after the retention period
    (:mod:`.retention`), counted from the visit or the event the request names in
    ``days_asked_for`` when that is later than its receipt, those are erased and
    the rest of the request is kept, so the centre still counts its school groups and
    events. The team's search in the admin reads the fields they name in
    ``searchable_fields`` and the phone number.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The site the request was sent from."),
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        help_text=_("The language the visitor used: answer them in it."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnquiryStatus.choices,
        default=EnquiryStatus.NEW,
        db_index=True,
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    internal_notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("For the team only: what was agreed, who follows up."),
    )
    notified = models.BooleanField(
        _("team notified"),
        default=False,
        help_text=_("Whether the e-mail announcing the request was sent."),
    )
    notification_error = models.TextField(
        _("last notification error"),
        blank=True,
        help_text=_("Why the last attempt to send the e-mail failed, if it did."),
    )
    # Which attempt may send the e-mail (see services.claim_notification); never shown.
    notification_claimed_at = models.DateTimeField(
        _("notification being sent since"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When an attempt to send the e-mail began; cleared once it ends."),
    )

    # What tells the same request sent twice (see .repeats); never shown to the team.
    submission_token = models.UUIDField(
        _("submission token"),
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The one-time token of the form the request was sent with."),
    )
    submission_fingerprint = models.CharField(
        _("submission fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("A keyed hash of the answers, to tell the same request sent again."),
    )

    personal_data_erased_at = models.DateTimeField(
        _("personal details erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the contact details and messages were erased, at the end of the retention period."
        ),
    )
    #: What the admin search reads, without case or accents (see :meth:`save`).
    search_text = models.TextField(blank=True, default="", editable=False)

    #: Fields shown in the e-mail to the team, in this order (concrete models extend it).
    notification_fields = ("contact_name", "email", "phone")
    #: Fields erased at the end of the retention period: who sent the request, and what
    #: they or the team wrote in their own words (which may name or describe a person).
    #: Concrete models add their own free-text fields.
    #: The fingerprint is a hash of those details, so it goes with them.
    personal_fields = (
        "contact_name",
        "email",
        "phone",
        "internal_notes",
        "notification_error",
        "submission_fingerprint",
    )
    #: Fields that name a person on some requests only (a family celebrating a birthday,
    #: not a company): ``{field name: Q selecting those requests}``.
    #: The search text repeats the personal fields until they are erased; from then on
    #: :meth:`save` folds only what the erasure kept.
    personal_fields_when = {"search_text": models.Q(personal_data_erased_at__isnull=True)}
    #: The date fields naming the days the request is for (a class's visit, an event): the
    #: team needs the sender until then, so the retention period counts from the last of
    #: them when it is later than the request's receipt; and a new request whose days
    #: have all gone by no longer waits for the team. Kinds naming no day count from the
    #: receipt.
    days_asked_for = ()
    #: Fields the team's search in the admin reads, besides the phone number (concrete
    #: models extend it with what lists show: a school, an organisation).
    searchable_fields = ("contact_name", "email")
    #: The field of :class:`EnquiryNotificationSettings` listing the team this kind of
    #: request goes to (the education team for school bookings). Kinds naming none, and
    #: kinds whose list a site left empty, go to the settings' common ``recipients``.
    recipients_setting = None
    #: The letter before a request's number in its reference ("B-12"): the team finds a
    #: request by the reference its sender quotes, whichever kind it is.
    reference_prefix = "R"

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def save(self, *args, **kwargs):
        """Keep :attr:`search_text` in step with the fields it folds.

        The team types "ecole" or "MULLER" for "École" or "Müller"; SQLite folds the case
        of ASCII letters only and neither database folds accents without an extension.
        Folding once here, in Python, lets the listing match any word the same way on
        both databases.
        """
        self.search_text = enquiry_search_text(self, self.searchable_fields)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        return super().save(*args, **kwargs)

    @property
    @admin.display(description=_("Reference"), ordering="pk")
    def reference(self):
        """What the sender keeps and the team's e-mail and list show: "B-12"."""
        return f"{self.reference_prefix}-{self.pk}"

    @classmethod
    def pk_of_reference(cls, text):
        """The number of the request a reference names as senders type or read it out
        ("B-12", "b 12", "B12"), or ``None`` for other text."""
        prefix = re.escape(cls.reference_prefix)
        match = re.fullmatch(rf"\s*{prefix}\s*-?\s*(\d{{1,9}})\s*", text, re.IGNORECASE)
        return int(match[1]) if match else None

    @property
    def language_name(self):
        """The visitor's language named in the active language, as every other line reads.

        Each language's own name ("Nederlands") would be the one line of a French
        e-mail not in French; the admin names it the same way (:mod:`.display`).
        """
        from .display import language_name  # display reads this module's Enquiry

        return language_name(self.language)

    def notification_subject(self):
        # Translators: the subject of the e-mail announcing a request to the team: the
        # kind of request ("booking request"), its reference ("B-12"), then the request's
        # own short description. French puts a no-break space (U+00A0) before the colon.
        return gettext("%(kind)s %(reference)s: %(request)s") % {
            "kind": self._meta.verbose_name,
            "reference": self.reference,
            "request": self,
        }

    def notification_lines(self):
        """``(label, value)`` pairs of what the visitor sent, for the e-mail to the team.

        The visitor's language is not among them: the e-mail opens with it, so whoever
        answers knows which language to write in before reading on.
        """
        lines = [(_("Reference"), self.reference)]
        for name in self.notification_fields:
            field = self._meta.get_field(name)
            value = self.notification_value(field)
            if value not in (None, "", []):
                lines.append((field.verbose_name, value))
        return lines

    def notification_value(self, field):
        """How one field reads in the e-mail: words for codes, amounts grouped by thousands,
        dates as the site and the form wrote them to the visitor ("vendredi 1er janvier 2027")."""
        value = getattr(self, field.name)
        if field.many_to_many:  # translatable objects (spaces) named in the team's language
            return ", ".join(str(in_active_language(item)) for item in value.all())
        if isinstance(field, ChoiceListField):
            return ", ".join(field.labels(value))
        if isinstance(field, models.JSONField) and isinstance(value, list):
            return ", ".join(str(item) for item in value)  # names kept as words (spaces)
        if isinstance(field, models.TimeField) and value is not None:
            return time_of_day(value)
        if field.choices:
            return getattr(self, f"get_{field.name}_display")()
        if isinstance(field, models.IntegerField) and value is not None and not field.primary_key:
            return number_format(value, use_l10n=True, force_grouping=True)
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return day_date(value, WEEKDAY_DATE)
        return in_active_language(value)


#: What the team types for a phone number: digits, with the spaces, dots, slashes,
#: dashes, brackets and leading "+" people write them with.
PHONE_NUMBER = re.compile(r"\+?[\d\s./()-]*\d[\d\s./()-]*")
#: A bound on the words one search compares, and so on the size of its query.
MOST_SEARCH_WORDS = 10


def digits_of(text):
    """The digits of a phone number, however it is written: "+32 81/44.55.66" gives
    "3281445566"."""
    return re.sub(r"\D", "", text)


#: The digits a whole phone number is compared by: the subscriber's number of a Belgian or
#: French landline (eight digits after the trunk 0 in Belgium, nine in France) ends the same
#: whatever prefix comes before.
PHONE_DIGITS_COMPARED = 8


def enquiry_search_text(enquiry, fields):
    """What the admin search reads of ``enquiry``: its ``fields`` in lower case without
    accents, ligatures written out ("Sacré-Cœur" gives "sacre-coeur"), and its phone
    number as digits alone, one per line."""
    texts = [alphabetical(value) for value in (getattr(enquiry, name) for name in fields)]
    texts.append(digits_of(enquiry.phone))
    return "\n".join(text for text in texts if text)


def search_terms(query):
    """The pieces of ``query`` a request's search text must all contain.

    Words are folded as the search text is. A phone number, typed with any spaces or
    dots, is compared by its digits, and a whole number by its last
    :data:`PHONE_DIGITS_COMPARED`, which no prefix reaches: "081 44 55 66",
    "+32 81 44 55 66" and "0032 81 44 55 66" find each other whichever of them the
    visitor wrote and the team types (a caller's number shows in international form,
    visitors write theirs in national form). A shorter piece is looked for as typed,
    without its leading zeros.
    """
    if PHONE_NUMBER.fullmatch(query.strip()) and digits_of(query).lstrip("0"):
        return [digits_of(query).lstrip("0")[-PHONE_DIGITS_COMPARED:]]
    return alphabetical(query).split()[:MOST_SEARCH_WORDS]


def fold_search_texts(requests, fields, batch_size=500):
    """Fold anew the search text of ``requests`` (a queryset), whose ``fields`` the
    search reads: for requests stored before the search text existed, or changed
    without :meth:`Enquiry.save`."""
    batch = []
    for enquiry in requests.iterator(chunk_size=batch_size):
        enquiry.search_text = enquiry_search_text(enquiry, fields)
        batch.append(enquiry)
        if len(batch) == batch_size:
            requests.model.objects.bulk_update(batch, ["search_text"])
            batch = []
    requests.model.objects.bulk_update(batch, ["search_text"])


def email_addresses(text):
    """The addresses written in ``text``, in their order and each once.

    Editors type them one per line or separated by commas (semicolons and spaces too,
    as mail programs copy them); none of these appears in a team's address.
    """
    return list(dict.fromkeys(address for address in re.split(r"[\s,;]+", text or "") if address))


def validate_email_addresses(text):
    """Reject a list with a mistyped address, naming each one so the editor finds it."""
    errors = []
    for address in email_addresses(text):
        try:
            validate_email(address)
        except ValidationError:
            errors.append(
                ValidationError(
                    _("“%(address)s” is not a valid e-mail address."),
                    code="invalid",
                    params={"address": address},
                )
            )
    if errors:
        raise ValidationError(errors)


class EmailAddressesField(models.TextField):
    """Several e-mail addresses, checked one by one and stored one per line."""

    default_validators = [validate_email_addresses]

    def pre_save(self, model_instance, add):
        addresses = "\n".join(email_addresses(getattr(model_instance, self.attname)))
        setattr(model_instance, self.attname, addresses)
        return addresses


@register_setting(icon="mail")
class EnquiryNotificationSettings(BaseSiteSetting):
    """Where a site's booking and quote requests are announced.

    Per site, because centres sharing one install each have their own team; per kind
    of request, because school bookings and venue hire are often handled by different
    teams of several people (each kind names its list in ``Enquiry.recipients_setting``).
    A kind whose list is empty goes to the common ``recipients``, then to the site's
    contact address (contact details settings); when none is set, requests are still
    stored and listed in the admin and the missing address is recorded on each of them
    as the notification error.
    """

    school_booking_recipients = EmailAddressesField(
        _("send school booking requests to"),
        blank=True,
        help_text=_(
            "The education team's addresses, one per line or separated by commas. Each "
            "booking request from a school is sent to all of them in one e-mail (to the "
            "addresses for all other requests when empty)."
        ),
    )
    venue_quote_recipients = EmailAddressesField(
        _("send venue quote requests to"),
        blank=True,
        help_text=_(
            "The events team's addresses, one per line or separated by commas. Each quote "
            "request for hiring a space is sent to all of them in one e-mail (to the "
            "addresses for all other requests when empty)."
        ),
    )
    recipients = EmailAddressesField(
        _("send all other requests to"),
        blank=True,
        help_text=_(
            "One address per line or separated by commas: every request without a list of "
            "its own above goes there (the contact address when empty). All requests stay "
            "listed in the admin whatever happens to the e-mail."
        ),
    )

    panels = [
        FieldPanel("school_booking_recipients"),
        FieldPanel("venue_quote_recipients"),
        FieldPanel("recipients"),
    ]

    class Meta:
        verbose_name = _("enquiry notifications")

    def recipients_for(self, enquiry):
        """The addresses announcing ``enquiry``: its own team's, or else the common list."""
        field = enquiry.recipients_setting
        own = email_addresses(getattr(self, field)) if field else []
        return own or email_addresses(self.recipients)


class RequestLogEntry(CentreLogEntry):
    """What was done to a visitor's request in the admin: status changes, notes, deletions.

    Kept apart from Wagtail's log of other models because an entry's label is the
    request's title (school, activity, organisation, date), which belongs to the
    request's centre only (see :mod:`csti_cms.core.centre_log`).
    """

    class Meta(CentreLogEntry.Meta):
        verbose_name = _("request log entry")
        verbose_name_plural = _("request log entries")
