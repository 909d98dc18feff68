"""The page types every centre starts from: its home page and general content pages."""

import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from csti_cms.blocks import SlotStreamField
from csti_cms.core.audiences import AUDIENCE_FIELDS, AudienceTagged
from csti_cms.core.caching import cached
from csti_cms.core.forms import SlotAwarePageForm
from csti_cms.core.page_copy import SameLanguageCopyForm
from csti_cms.core.routing import route_ancestors, route_below

from .images import AltTextRule, image_with_alt_text

#: Where a section of a centre's site may be placed: under its home page, an audience hub
#: (the section then belongs to that audience's path) or a content page. Every listing and
#: section page type, plugins' included, names these parents, so editors find the same
#: choices whichever section they add.
SECTION_PARENTS = ["csti_core.HomePage", "csti_core.AudienceHubPage", "csti_core.ContentPage"]

HERO_ALT_TEXT = AltTextRule(
    "hero_image", "hero_alt_text", _("Describe the hero image for people who cannot see it.")
)


#: About as much of a meta description as search results show before they cut it.
META_DESCRIPTION_LENGTH = 160


def shortened_description(text, length=META_DESCRIPTION_LENGTH):
    """``text`` cut at the last word that fits in ``length`` characters, with "…".

    Search engines cut a longer description themselves, anywhere in a word; shortened
    here, it ends on a whole word and says that it goes on.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    kept = text[: length - 1]
    if text[length - 1] != " ":
        kept = kept.rpartition(" ")[0] or kept
    return kept.rstrip(" ,;:.") + "…"


@dataclass(frozen=True)
class SharingPicture:
    """A picture of the page for social networks, and the text that describes it."""

    image: object
    alt_text: str


def pages_choosing_parent(parent_model):
    """Page types whose explicit ``parent_page_types`` include ``parent_model``."""
    return [
        model
        for model in get_page_models()
        if getattr(model, "parent_page_types", None) is not None
        and parent_model in model.clean_parent_page_models()
    ]


class BasePage(AudienceTagged, Page):
    """Fields and behaviour shared by every public page of a csti-cms site.

    ``introduction`` doubles as the meta description when the editor leaves the
    search description empty, and ``social_image``, else the page's main picture, as
    the OpenGraph image. The audiences a page serves are chosen on the promote tab.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in search results."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social media image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared on social networks, cut to 1200 × 675 pixels "
            "around its focal point. Without one, the page's own main picture is shown (an "
            "event's photo, a home page's hero), else the centre's default sharing image "
            "(Settings › Branding), else its logo."
        ),
    )

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel(field) for field in AUDIENCE_FIELDS.values()],
            heading=_("Audiences"),
            help_text=_("Who is this page for? Audience hubs and listings show it to them."),
        ),
        MultiFieldPanel([FieldPanel("social_image")], heading=_("Sharing")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        *(index.FilterField(field) for field in AUDIENCE_FIELDS.values()),
    ]

    base_form_class = SlotAwarePageForm
    copy_form_class = SameLanguageCopyForm

    #: The page type's images and the alternative text each requires (:class:`AltTextRule`).
    alt_text_rules = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = self.validation_errors()
        if errors:
            raise ValidationError(errors)

    def validation_errors(self):
        """``{field: message}`` for every rule the page breaks; page types add their own.

        Gathered together, so an editor sees every problem of the page at once.
        """
        errors = {}
        for rule in self.alt_text_rules:
            errors.update(rule.error(self))
        return errors

    @classmethod
    def pages_over(cls, now):
        """This page type's pages that are over at ``now``, as a queryset; ``None`` when its
        pages stay current for ever, as most do.

        A page type whose pages end (an event once its last date is past, an exhibition
        once it has closed) answers with its own query: hubs and card grids leave its
        pages out then, and search results mark them (:func:`over_condition`,
        :func:`over_page_ids`), so an editor's choice made months ago never presents what
        is over as current.
        """
        return None

    @classmethod
    def clean_subpage_models(cls):
        """Own ``subpage_types``, plus every page type that names this one as a parent.

        Apps and plugins built on the core attach their page types by listing core
        page types in their ``parent_page_types``; the core never has to know them.
        """
        own = super().clean_subpage_models()
        return own + [model for model in pages_choosing_parent(cls) if model not in own]

    @property
    def meta_description(self):
        """The editor's search description as written, else the introduction shortened to what
        search results show."""
        return self.search_description or shortened_description(self.introduction)

    @property
    def sharing_picture(self):
        """``SharingPicture`` social networks show of the page: the editor's sharing image,
        else the page's own main picture (an event's photo, a home page's hero); ``None``
        when it has neither, and the centre's default sharing image or logo stands in
        (``includes/sharing_image.html``).

        A sharing image has no alternative text on the page: it takes the main picture's
        when it is the same image, else the image's own description.
        """
        main = self.main_picture_rule()
        if self.social_image_id is None:
            if main is None:
                return None
            return SharingPicture(getattr(self, main.image), getattr(self, main.alt_text))
        if main is not None and getattr(self, f"{main.image}_id") == self.social_image_id:
            return SharingPicture(self.social_image, getattr(self, main.alt_text))
        return SharingPicture(self.social_image, self.social_image.description)

    def main_picture_rule(self):
        """The :class:`AltTextRule` of the image the page shows first, ``None`` without one.

        Every image a page type shows comes with its text in ``alt_text_rules``, its main
        one first; compared by key, the image is only read from the database when shown.
        """
        for rule in self.alt_text_rules[:1]:
            if getattr(self, f"{rule.image}_id") is not None:
                return rule
        return None

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components, BasePage.route)

    def get_view_restrictions(self):
        """Wagtail's restrictions of this page and its ancestors, in one query once routed.

        Aliases take their source's restrictions, so Wagtail's own lookup (which reads
        every ancestor's alias) is kept for pages with an alias on the way.
        """
        known = route_ancestors(self)
        if known is None or any(page.alias_of_id for page in [*known, self]):
            return super().get_view_restrictions()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(page__path__in=paths)


@functools.cache
def page_types_that_end():
    """The page types that say themselves which of their pages are over (``pages_over``).

    A page type derived from one of them shares its table and its answer. Found once:
    the page types are those of the code installed.
    """
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, BasePage)
        and "pages_over" in vars(model)
        and model.pages_over(timezone.now()) is not None
    )


def over_condition(now=None):
    """A filter on ``Page`` selecting the pages over at ``now`` (default: now), of any type.

    One subquery per page type that ends, inside the query it filters: listings leave out
    what is over without a query of their own, whatever the number of pages.
    """
    now = now or timezone.now()
    condition = Q(pk__in=[])
    for model in page_types_that_end():
        condition |= Q(pk__in=model.pages_over(now).values("pk"))
    return condition


def over_page_ids(pages):
    """The ids of those of ``pages`` (pages of any type, read from any table) that are over.

    Answered from the pages of types that end that are still current, read once per
    publication and at most a minute (:func:`current_pages_that_end`): a card grid or a
    page of search results costs no query for it, whatever its pages.
    """
    ending = tuple(page_types_that_end())
    candidates = [
        page.pk
        for page in pages
        if page.specific_class is not None and issubclass(page.specific_class, ending)
    ]
    if not candidates:
        return set()
    current = current_pages_that_end()
    return {pk for pk in candidates if pk not in current}


def current_pages_that_end():
    """Ids of the live pages of types that end (events, exhibitions) that are not over yet.

    Kept in the cache under the generation, whose entries live a minute at most
    (:data:`csti_cms.core.caching.TIMEOUT`): what has just ended leaves card grids and is
    marked in search results within a minute, as it leaves whole cached pages. There are
    as many as the centre has events ahead and exhibitions open, not its whole archive.
    """

    def read():
        ending = tuple(page_types_that_end())
        models_that_end = [model for model in get_page_models() if issubclass(model, ending)]
        if not models_that_end:
            return frozenset()
        kinds = ContentType.objects.get_for_models(*models_that_end).values()
        current = Page.objects.live().filter(content_type__in=kinds).exclude(over_condition())
        return frozenset(current.values_list("pk", flat=True))

    return cached("current-pages-that-end", read)


class HomePage(BasePage):
    """The root of a centre's site, one per language."""

    hero_image, hero_alt_text = image_with_alt_text(
        _("hero image"),
        _("hero image alternative text"),
        _("Required when there is a hero image."),
    )
    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Hero image")
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["csti_core.ContentPage"]
    alt_text_rules = [HERO_ALT_TEXT]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class ContentPage(BasePage):
    """A general page: about the centre, contact, practical information, projects."""

    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("body"),
        blank=True,
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    # An audience hub lists its content pages: "Plan your visit" under "Visit".
    parent_page_types = SECTION_PARENTS
    subpage_types = ["csti_core.ContentPage"]
    # "About us", "Plan your visit", "Contact": their kind tells a visitor nothing.
    visitor_label = ""
    visitor_label_plural = pgettext_lazy("page type", "Pages")

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
