"""Declarations science centres adopt together, and the endorsements they collect.

A declaration is a page (:class:`DeclarationPage`), translated like any page, under
a :class:`DeclarationIndexPage` that shows the series as a timeline. Endorsements
sent by the public belong to a declaration in every language at once: they are
tied to its translation key, so the French and Dutch pages show the same count.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from csti_cms.blocks import SlotStreamField
from csti_cms.core.models import SECTION_PARENTS, BasePage
from csti_cms.plugins import (
    SENT_SEGMENT,
    CentreLogEntry,
    LocalizedRoutablePageMixin,
    PluginPageMixin,
    localized_route,
    move_to_a_translation_or_cascade,
    same_route_url,
)

from .normalise import KEY_MAX_LENGTH, organisation_key
from .panels import OrganisationPanel

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


#: Route segments, spelled in the declaration's language (csti_cms.core.routes).
ENDORSE = pgettext_lazy("URL", "endorse/")
CONFIRM = pgettext_lazy("URL", "confirm/")


class CommitmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Short title"), max_length=150)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "tick"
        label = _("Commitment")
        description = _("One commitment of the declaration: a short title and its text.")
        preview_value = {
            "title": _("Open science"),
            "text": _("Share research results and data with everyone, freely."),
        }


class DeclarationIndexPage(PluginPageMixin, BasePage):
    """The declarations of a series (world congresses and summits), as a timeline."""

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
        help_text=_("Shown after the timeline."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = SECTION_PARENTS
    subpage_types = ["declarations.DeclarationPage"]
    template = "declarations/declaration_index_page.html"
    visitor_label = _("Timeline of declarations")
    visitor_label_plural = _("Timelines of declarations")

    class Meta:
        verbose_name = _("declarations timeline")
        verbose_name_plural = _("declarations timelines")

    def timeline(self):
        """The live, public declarations, oldest first, each with ``endorsement_count``.

        A declaration restricted to some visitors (password, login, groups) is left out:
        the timeline is public, and would show its title, date and summary to anyone.
        """
        return list(
            DeclarationPage.objects.live()
            .public()
            .child_of(self)
            .defer("full_text", "commitments")
            .annotate(endorsement_count=public_endorsement_count())
            .order_by("date", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["declarations"] = self.timeline()
        return context


class DeclarationPage(PluginPageMixin, LocalizedRoutablePageMixin, BasePage):
    """A declaration: where and when it was adopted, what it commits to, who signed it.

    Routes: ``endorse/`` takes the public endorsement form, ``endorse/sent/`` thanks,
    ``confirm/`` checks the link sent by e-mail.
    """

    date = models.DateField(_("date adopted"))
    place = models.CharField(_("place"), max_length=150)
    event_name = models.CharField(
        _("event"),
        max_length=200,
        help_text=_("Where it was adopted, e.g. “6th Science Centre World Congress”."),
    )
    event_edition = models.PositiveSmallIntegerField(
        _("edition"), null=True, blank=True, help_text=_("e.g. 6 for the 6th congress.")
    )
    event_delegates = models.PositiveIntegerField(_("delegates"), null=True, blank=True)
    event_countries = models.PositiveSmallIntegerField(_("countries"), null=True, blank=True)
    full_text = RichTextField(_("full text"), blank=True, features=RICH_TEXT_FEATURES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commitments = StreamField(
        [("commitment", CommitmentBlock())],
        verbose_name=_("commitments"),
        blank=True,
        help_text=_("In the order of the declaration."),
    )
    signed_by_centre = models.BooleanField(_("our centre signed it"), default=False)
    centre_signed_on = models.DateField(_("date our centre signed"), null=True, blank=True)
    accepts_endorsements = models.BooleanField(
        _("open to endorsements"),
        default=True,
        help_text=_(
            "Organisations can endorse the declaration through a form linked from this page."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel(
            "introduction",
            heading=pgettext_lazy("editor panel", "Summary"),
            help_text=_("What the declaration says, in a few sentences."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("date"), FieldPanel("place")]),
                FieldPanel("event_name"),
                FieldRowPanel(
                    [
                        FieldPanel("event_edition"),
                        FieldPanel("event_delegates"),
                        FieldPanel("event_countries"),
                    ]
                ),
            ],
            heading=_("Where and when it was adopted"),
        ),
        FieldPanel("commitments"),
        FieldPanel("full_text"),
        FieldPanel("document"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signed_by_centre"), FieldPanel("centre_signed_on")]),
                InlinePanel("signatories", label=_("Signatory")),
            ],
            heading=_("Signatories"),
        ),
        InlinePanel(
            "related_links",
            label=_("Related declaration"),
            heading=_("Related declarations"),
            help_text=_("Earlier or later declarations of the same series."),
        ),
        FieldPanel("accepts_endorsements"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("place"),
        index.SearchField("event_name"),
        index.SearchField("full_text"),
        index.SearchField("commitments"),
    ]

    parent_page_types = ["declarations.DeclarationIndexPage"]
    subpage_types = []
    template = "declarations/declaration_page.html"
    visitor_label = _("Declaration")
    visitor_label_plural = _("Declarations")

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def clean(self):
        super().clean()
        errors = {}
        if self.document_id and self.document.file_extension.lower() != "pdf":
            errors["document"] = _("Attach the declaration as a PDF file.")
        if self.centre_signed_on and not self.signed_by_centre:
            errors["signed_by_centre"] = _(
                "Tick this box too, or leave the date our centre signed empty."
            )
        if errors:
            raise ValidationError(errors)

    def language_version_url(self, request, translation):
        """The same view in ``translation``'s language; the confirmation keeps its token.

        The token names the endorsement and the declaration's translation key, not a
        language (see ``endorsements.confirmation_token``): it confirms the same
        endorsement from every translation. Without it, a visitor switching language
        from the e-mailed link would land on "invalid link". The page is noindex and
        reached only through that link, so its alternates tell nobody more than the
        page's own form does.
        """
        url = same_route_url(request, self, translation)
        match = getattr(request, "routable_resolver_match", None)
        if url is None or match is None or match.url_name != "confirm":
            return url
        data = request.POST if request.method == "POST" else request.GET
        token = data.get("token")
        return f"{url}?{urlencode({'token': token})}" if token else url

    @path("", name="declaration")
    def view_declaration(self, request):
        from .views import declaration

        return declaration(request, self)

    @path(ENDORSE, name="endorse")
    def endorse(self, request):
        from .views import endorse

        return endorse(request, self)

    @path(localized_route(ENDORSE, SENT_SEGMENT), name="endorsement_sent")
    def endorsement_sent(self, request):
        from .views import endorsement_sent

        return endorsement_sent(request, self)

    @path(CONFIRM, name="confirm")
    def confirm(self, request):
        from .views import confirm

        return confirm(request, self)


class Signatory(Orderable):
    """An organisation that signed the declaration when it was adopted."""

    page = ParentalKey(DeclarationPage, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("Filled in from the organisation when you choose one."),
    )
    organisation_key = models.UUIDField(
        _("organisation"),
        null=True,
        blank=True,
        help_text=_("One of the organisations of the memberships plugin, if it is one."),
    )
    signed_on = models.DateField(_("date signed"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        OrganisationPanel("organisation_key"),
        FieldPanel("signed_on"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.name.strip() and self.organisation_key:
            from .organisations import organisations_by_key

            found = organisations_by_key([self.organisation_key]).get(self.organisation_key)
            self.name = found.name if found is not None else ""
        if not self.name.strip():
            raise ValidationError(
                {"name": _("Give the signatory's name, or choose an organisation.")}
            )


class RelatedDeclaration(Orderable):
    """A link from a declaration to another of the same series (earlier or later)."""

    page = ParentalKey(DeclarationPage, on_delete=models.CASCADE, related_name="related_links")
    declaration = models.ForeignKey(
        DeclarationPage,
        verbose_name=_("declaration"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("declaration")]

    class Meta(Orderable.Meta):
        verbose_name = _("related declaration")
        verbose_name_plural = _("related declarations")


class EndorsementStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class EndorsementQuerySet(models.QuerySet):
    def public(self):
        """Confirmed by e-mail and approved by an editor: what visitors see."""
        return self.filter(status=EndorsementStatus.APPROVED, confirmed_at__isnull=False)

    def of(self, declaration):
        return self.filter(declaration_key=declaration.translation_key)


def public_endorsement_count():
    """An annotation of declaration pages: how many public endorsements each has."""
    counts = (
        Endorsement.objects.public()
        .filter(declaration_key=OuterRef("translation_key"))
        .order_by()
        .values("declaration_key")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counts), 0)


class Endorsement(models.Model):
    """An organisation's public support for a declaration.

    Stored as soon as the form is sent; public once confirmed through the link
    e-mailed to the contact (``confirmed_at``) and approved by an editor.

    An organisation may have several requests waiting for moderation (two colleagues, or
    someone else typing its name): all are kept for the editors, who approve one. Only
    one can be approved, so an organisation is listed once.
    """

    declaration = models.ForeignKey(
        DeclarationPage,
        verbose_name=_("declaration"),
        on_delete=move_to_a_translation_or_cascade,
        related_name="endorsements",
    )
    #: The declaration's translation key: the same endorsement counts in every language.
    declaration_key = models.UUIDField(editable=False, db_index=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    #: ``organisation`` without case, accents or extra spaces, to approve it once only.
    organisation_key = models.CharField(max_length=KEY_MAX_LENGTH, editable=False)
    country = models.CharField(_("country"), max_length=100)
    contact_name = models.CharField(_("contact name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)
    consent = models.BooleanField(_("consent to publication"), default=False)
    language = models.CharField(_("language"), max_length=10, editable=False)
    status = models.CharField(
        _("moderation"),
        max_length=20,
        choices=EndorsementStatus.choices,
        default=EndorsementStatus.PENDING,
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    #: The confirmation e-mail could not be sent: nobody holds a link that confirms this
    #: endorsement, and a new request of the organisation replaces it
    #: (see ``forms.replaced_endorsement``).
    confirmation_failed = models.BooleanField(
        _("confirmation e-mail not sent"), default=False, editable=False
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    #: Set by ``erase_old_personal_data`` (see ``retention``): the endorsement stays public,
    #: its contact is gone, and the next run leaves it alone.
    personal_data_erased_at = models.DateTimeField(
        _("contact details erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "When the contact's name and e-mail address were erased, at the end of the "
            "retention period."
        ),
    )

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            # One public endorsement per organisation and declaration; requests waiting
            # for moderation may be several, and editors see them all.
            models.UniqueConstraint(
                fields=["declaration_key", "organisation_key"],
                condition=Q(status="approved"),
                name="one_approved_endorsement_per_organisation",
            )
        ]

    def __str__(self):
        return self.organisation

    def save(self, *args, **kwargs):
        self.declaration_key = self.declaration.translation_key
        self.organisation_key = organisation_key(self.organisation)
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        """Check one approved endorsement per organisation with the keys ``save`` will store.

        Editors moderating may approve one of several requests of an organisation or
        rename an organisation; the keys are not form fields, so Django skipped the
        constraint and the database refused such a change with a server error. The public
        form checks before the endorsement has a declaration (see
        ``forms.blocking_endorsements``).
        """
        exclude = set(exclude or ())
        errors = {}
        valid = self.declaration_id and not exclude & {"organisation", "status"}
        if valid and self.organisation_approved_already():
            errors["organisation"] = [self.duplicate_approval_error()]
        try:
            # The check above stands for the constraint on the keys.
            super().validate_constraints(exclude=exclude | {"organisation_key"})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def duplicate_approval_error(self):
        """Said when another endorsement of the organisation is approved: by
        :meth:`validate_constraints`, and by the edit view when another editor approved
        it between the check and the save (the database refused the second)."""
        return ValidationError(
            _(
                "%(organisation)s already has an approved endorsement of this "
                "declaration. Reject one of the two, or leave this one awaiting "
                "moderation."
            ),
            code="duplicate",
            params={"organisation": self.organisation},
        )

    def organisation_approved_already(self):
        """Whether this endorsement is approved and another of its organisation is too."""
        if self.status != EndorsementStatus.APPROVED:
            return False
        others = Endorsement.objects.filter(
            declaration_key=self.declaration.translation_key,
            organisation_key=organisation_key(self.organisation),
            status=EndorsementStatus.APPROVED,
        )
        if not self._state.adding:
            others = others.exclude(pk=self.pk)
        return others.exists()

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None


class EndorsementLogEntry(CentreLogEntry):
    """What editors did to an endorsement: moderation, changes, deletion.

    Kept apart from Wagtail's log of other models because an entry's label is the
    organisation's name, that of a request maybe pending or rejected, never public, and
    meant for the declaration's centre only (see :mod:`csti_cms.core.centre_log`).
    Entries written to Wagtail's log before this model existed were moved here
    (migration 0009).
    """

    class Meta(CentreLogEntry.Meta):
        verbose_name = _("endorsement log entry")
        verbose_name_plural = _("endorsement log entries")
