"""Networks a centre belongs to, its memberships of them, and its people's roles there.

Organisations are shared by every site of an install (two centres can both be
members of Ecsite); memberships and roles belong to one site. All three are
translatable with wagtail-localize: each language has its own row, and a
membership in Dutch points at the Dutch version of its organisation.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from csti_cms.blocks import SlotStreamField
from csti_cms.core.models import SECTION_PARENTS, BasePage
from csti_cms.plugins import (
    LANGUAGE_TAG_MAX_LENGTH,
    CentreLogEntry,
    LanguageTagInput,
    LocalizedRoutablePageMixin,
    PluginPageMixin,
    validate_language_tag,
)

from .forms import MembershipForm
from .validation import membership_years_errors, role_years_errors

YEAR_VALIDATORS = [MinValueValidator(1800), MaxValueValidator(2200)]


#: The route segment of past memberships, spelled in the page's language (csti_cms.core.routes).
PAST = pgettext_lazy("URL", "past/")


class Scope(models.TextChoices):
    """How far a network reaches; the memberships page is grouped in this order."""

    WORLD = "world", _("Worldwide")
    EUROPE = "europe", _("Europe")
    NATIONAL = "national", _("National")
    REGIONAL = "regional", _("Regional")
    LINGUISTIC = "linguistic", _("Language area")


class MembershipLevel(models.TextChoices):
    GOVERNING = "governing", _("Governing member")
    FULL = "full", _("Full member")
    ACTIVE = "active", _("Active member")
    FOUNDING = "founding", _("Founding member")
    ASSOCIATE = "associate", _("Associate member")
    MEMBER = "member", _("Member")


class Organisation(TranslatableMixin, models.Model):
    """A professional network of science centres (ASTC, Ecsite...), shared by all sites."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The name the network is known by, e.g. Ecsite.")
    )
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    acronym_meaning = models.CharField(
        _("what the acronym stands for"),
        max_length=250,
        blank=True,
        help_text=_("e.g. The European Network of Science Centres and Museums."),
    )
    name_language = models.CharField(
        _("language of the name"),
        max_length=LANGUAGE_TAG_MAX_LENGTH,
        blank=True,
        validators=[validate_language_tag],
        help_text=_(
            "Leave empty when the name is in the page's language. Otherwise its language "
            "code, e.g. en for Ecsite, so screen readers read the name with the right voice."
        ),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    size_facts = models.CharField(
        _("size"),
        max_length=250,
        blank=True,
        help_text=_("Key figures, e.g. “600 members in more than 40 countries”."),
    )
    founded = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    # An acronym is the same in every language, and so is the language of a name kept in its
    # own (Ecsite's English one); a translator who does translate the name can change it.
    override_translatable_fields = [
        SynchronizedField("acronym"),
        SynchronizedField("name_language"),
    ]

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("acronym_meaning")]),
        FieldPanel("name_language", widget=LanguageTagInput()),
        FieldRowPanel([FieldPanel("scope"), FieldPanel("founded")]),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("size_facts"),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def short_name(self):
        return self.acronym or self.name


class Membership(TranslatableMixin, ClusterableModel):
    """The centre (a site) is a member of an organisation, from one year to another."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The centre's site this membership is shown on."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    level = models.CharField(_("membership level"), max_length=20, choices=MembershipLevel.choices)
    since = models.PositiveSmallIntegerField(_("member since"), validators=YEAR_VALIDATORS)
    until = models.PositiveSmallIntegerField(
        _("member until"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the membership lasts."),
    )
    notes = models.TextField(_("notes"), blank=True)

    base_form_class = MembershipForm
    panels = [
        FieldPanel("site"),
        FieldPanel("organisation"),
        FieldPanel("level"),
        FieldRowPanel([FieldPanel("since"), FieldPanel("until")]),
        FieldPanel("notes"),
        MultiFieldPanel(
            [InlinePanel("roles", label=_("Role"))],
            heading=_("Roles held by the centre's people"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["since"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        years = f"{self.since}–{self.until}" if self.until else f"{self.since}–"
        return f"{self.organisation} ({years})"

    def clean(self):
        super().clean()
        errors = membership_years_errors(self.since, self.until)
        if errors:
            raise ValidationError(errors)
        # Roles saved from code (the admin form checks them field by field).
        problems = [
            f"{role.role}: {message}"
            for role in self.roles.all()
            for message in role_years_errors(
                role.start_year, role.end_year, self.since, self.until
            ).values()
        ]
        if problems:
            raise ValidationError(problems)


class MembershipLogEntry(CentreLogEntry):
    """What was done to a membership in the admin: creation, changes, deletion.

    Kept apart from Wagtail's log of other models because a membership is its centre's:
    its entries are for its team (see :mod:`csti_cms.core.centre_log`). Entries written
    to Wagtail's log before this model existed were moved here (migration 0004).
    Organisations, shared by every centre, stay in Wagtail's log.
    """

    class Meta(CentreLogEntry.Meta):
        verbose_name = _("membership log entry")
        verbose_name_plural = _("membership log entries")


class Role(TranslatableMixin, Orderable):
    """A position a person of the centre holds in the organisation, e.g. board member."""

    membership = ParentalKey(Membership, on_delete=models.CASCADE, related_name="roles")
    person_name = models.CharField(_("person"), max_length=150)
    person_function = models.CharField(
        _("function at the centre"),
        max_length=150,
        blank=True,
        help_text=_("e.g. Managing director."),
    )
    role = models.CharField(
        _("role"),
        max_length=250,
        help_text=_("e.g. Board member, Executive Committee, Global Committee."),
    )
    start_year = models.PositiveSmallIntegerField(_("from"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("to"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the role lasts."),
    )

    # A person's name is the same in every language.
    override_translatable_fields = [SynchronizedField("person_name")]

    panels = [
        FieldRowPanel([FieldPanel("person_name"), FieldPanel("person_function")]),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return f"{self.person_name}: {self.role}"

    def clean(self):
        super().clean()
        # Its years against the membership's are checked by the membership (see forms.py).
        errors = role_years_errors(self.start_year, self.end_year, None, None)
        if errors:
            raise ValidationError(errors)


class MembershipsPage(PluginPageMixin, LocalizedRoutablePageMixin, BasePage):
    """The networks the centre belongs to, grouped by scope, with its people's roles.

    Serves the current memberships at its own address and the past ones under
    ``past/``. The memberships themselves are snippets of the site, not children.
    """

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
        help_text=_("Shown after the list of memberships."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("networks_text"),
    ]

    parent_page_types = SECTION_PARENTS
    subpage_types = []
    template = "memberships/memberships_page.html"
    visitor_label = _("Networks")
    visitor_label_plural = _("Networks")

    class Meta:
        verbose_name = _("memberships page")
        verbose_name_plural = _("memberships pages")

    def networks_text(self):
        """The networks the page lists and its people's roles there, in the page's language.

        They are snippets of the page's site, not fields of the page: site search finds
        the page by them ("Ecsite", "ASTC") through this text, read again whenever one
        of them changes (:func:`reindex_memberships_pages`).
        """
        from .listing import load_memberships

        site = self.get_site()
        if site is None:
            return ""
        listing = load_memberships(site, self.locale.language_code)
        return "\n".join(
            text
            for membership in [*listing.current, *listing.past]
            for text in membership_words(membership)
        )

    @path("", name="current")
    def current(self, request):
        from .listing import site_memberships

        listing = site_memberships(request)
        return self.render(
            request,
            context_overrides={
                **self.listed_context(request, listing.current),
                "past_count": len(listing.past),
                "showing_past": False,
            },
        )

    @path(PAST, name="past")
    def past(self, request):
        from .listing import site_memberships

        listing = site_memberships(request)
        return self.render(
            request,
            context_overrides={
                **self.listed_context(request, listing.past),
                "current_count": len(listing.current),
                "showing_past": True,
            },
        )

    @staticmethod
    def listed_context(request, memberships):
        """One page of ``memberships``, grouped by scope, and the links to the others.

        The language switcher keeps no page number: each language sorts the organisations
        by their names in it, so page 2 in French lists other networks than page 2 in Dutch.
        """
        from .listing import memberships_page

        listed = memberships_page(request, memberships)
        return {
            "groups": listed.groups,
            "memberships_listed": listed,
        }


def membership_words(membership):
    """What the memberships page shows of ``membership`` in words: its organisation, roles."""
    organisation = membership.organisation
    yield from (organisation.name, organisation.acronym, organisation.acronym_meaning)
    for role in membership.timeline:
        yield f"{role.person_name} {role.person_function} {role.role}"


def reindex_memberships_pages(raw=False, using=None, **kwargs):
    """Index the memberships pages again once a membership, role or organisation change is
    committed: the pages are found by their networks (:meth:`MembershipsPage.networks_text`).

    There are a few such pages, one for each site and language, and an organisation is
    shared by every site: all of them are read again, once per transaction however many
    rows it saves (an import of a network's members saves hundreds). Fixtures loaded raw
    are indexed by ``update_index``.
    """
    if raw:
        return
    connection = transaction.get_connection(using)
    if any(task is _reindex_memberships_pages for _ids, task, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_reindex_memberships_pages, using=using)


def _reindex_memberships_pages():
    for networks_page in MembershipsPage.objects.live().specific():
        index.insert_or_update_object(networks_page)


for _model in (Organisation, Membership, Role):
    _label = _model._meta.label_lower
    post_save.connect(
        reindex_memberships_pages, sender=_model, dispatch_uid=f"memberships-index-{_label}-saved"
    )
    post_delete.connect(
        reindex_memberships_pages, sender=_model, dispatch_uid=f"memberships-index-{_label}-deleted"
    )
