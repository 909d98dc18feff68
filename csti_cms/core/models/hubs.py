"""Audience hubs: the entry page of each audience's path through the site.

A science centre's visitors, teachers and event organisers want different
things. Each has a hub under the home page of every language: its own
navigation (the hub's children), highlights and calls to action (its body), and
every page tagged for that audience, whatever its type. The audience is part of
the hub's URL, not of a session, so every page stays cacheable.
"""

import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, Site, get_page_models
from wagtail.search import index

from csti_cms.blocks import SlotStreamField
from csti_cms.core.audiences import AUDIENCE_FIELDS, Audience
from csti_cms.core.caching import cached
from csti_cms.core.collation import alphabetical
from csti_cms.core.forms import SlotAwarePageForm
from csti_cms.core.hooks import public_pages

from .images import image_with_alt_text
from .pages import HERO_ALT_TEXT, BasePage, over_condition

#: Pages a hub lists on one screen.
HUB_PAGE_SIZE = 12
#: What navigation links need of a page.
NAV_FIELDS = ("id", "title", "url_path", "path", "depth", "translation_key", "locale_id")


def audience_tables():
    """``{page model: lookup from Page}`` for each table that stores the audience fields.

    A page type derived from another concrete page type shares its parent's
    audience columns, so filtering on the parent's table covers it too.
    """
    field_name = AUDIENCE_FIELDS[Audience.VISITORS]
    tables = {}
    for model in get_page_models():
        if not issubclass(model, BasePage) or model._meta.get_field(field_name).model is not model:
            continue
        names, current = [], model
        while current is not Page:
            names.append(current._meta.model_name)
            current = next(parent for parent in current._meta.parents if issubclass(parent, Page))
        tables[model] = "__".join(reversed(names))
    return tables


def audience_filter(audience):
    """A filter on ``Page`` selecting pages of any type tagged for ``audience``.

    One query on the base page table, with a join per page type that stores the
    tags, rather than one query per page type.
    """
    field_name = AUDIENCE_FIELDS[Audience(audience)]
    condition = Q(pk__in=[])
    for lookup in audience_tables().values():
        condition |= Q(**{f"{lookup}__{field_name}": True})
    return condition


class AudienceHubPageForm(SlotAwarePageForm):
    """Offers a new hub the first audience its home page has no hub for yet, and refuses
    a second hub for the same audience under one home page.

    An audience already taken, proposed from the start, would make the live preview say
    "not available" before the editor has changed anything, with no hint why.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk or self.initial.get("audience") or self.parent_page is None:
            return
        free = audiences_without_hub(self.parent_page)
        if free:
            self.initial["audience"] = free[0]

    def clean(self):
        cleaned_data = super().clean()
        audience = cleaned_data.get("audience")
        parent = self.instance.get_parent() if self.instance.pk else self.parent_page
        if audience and parent is not None:
            others = AudienceHubPage.objects.child_of(parent).filter(audience=audience)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "audience",
                    _("This home page already has a hub for this audience."),
                )
        return cleaned_data


def audiences_without_hub(home):
    """The audiences, in their usual order, that ``home`` has no hub page for yet."""
    taken = set(AudienceHubPage.objects.child_of(home).values_list("audience", flat=True))
    return [audience for audience in Audience if audience not in taken]


class AudienceHubPage(BasePage):
    """The entry page of one audience: visitors, teachers or venue hire."""

    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        help_text=_("Each home page has one hub per audience."),
    )
    hero_image, hero_alt_text = image_with_alt_text(
        _("hero image"),
        _("hero image alternative text"),
        _("Required when there is a hero image."),
    )
    body = SlotStreamField(
        base_block="csti_cms.blocks.BodyStreamBlock",
        slot="body",
        verbose_name=_("highlights and calls to action"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("audience"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text")], heading=_("Hero image")
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    base_form_class = AudienceHubPageForm
    parent_page_types = ["csti_core.HomePage"]
    subpage_types = ["csti_core.ContentPage"]
    alt_text_rules = [HERO_ALT_TEXT]

    class Meta:
        verbose_name = _("audience hub")
        verbose_name_plural = _("audience hubs")

    @classmethod
    def can_create_at(cls, parent):
        """Not offered under a home page that has a hub for every audience already."""
        return super().can_create_at(parent) and bool(audiences_without_hub(parent))

    def language_switch_query(self, request, translation):
        """The type of page the visitor chose, carried to the hub in ``translation``'s language.

        A page type is named the same in every language (its model name), so the filter
        carries over as it is; the page number does not, as lists differ from one
        language to the next. A name that is no page type is left behind. Search engines
        are sent to the hub itself, its canonical address (see ``i18n.switch_query``).
        """
        chosen = request.GET.get("type")
        if chosen in {model._meta.model_name for model in get_page_models()}:
            return [("type", chosen)]
        return []

    def sub_navigation(self, request):
        """The hub's own live children in menus: its audience's navigation."""
        children = self.get_children().live().in_menu()
        return list(public_pages(children, request).only(*NAV_FIELDS))

    def audience_pages(self, request):
        """Live, public pages of this hub's home tree tagged for its audience.

        The home page and the hubs are left out, and so is what is over (an event without
        a date ahead, a closed exhibition): a hub presents what its audience can still
        come to. Ordered like the page tree, so editors control the order by moving pages.
        """
        home_path = self.path[: -self.steplen]
        pages = (
            Page.objects.live()
            .public()
            .filter(path__startswith=home_path, depth__gt=self.depth - 1)
            .filter(audience_filter(self.audience))
            .exclude(content_type=self.content_type_id)
            .exclude(over_condition())
            .order_by("path")
        )
        return public_pages(pages, request)

    def listing(self, request):
        """What the hub lists, read once per publication (:mod:`csti_cms.core.caching`)."""
        site = Site.find_for_request(request)
        key = f"hub-listing:{site.pk if site else ''}:{self.pk}"
        return cached(key, lambda: HubListing.read(self, request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = self.listing(request)
        chosen = request.GET.get("type")
        if chosen not in listing.page_types:
            chosen = None
        teasers = [t for t in listing.teasers if chosen is None or t.type_key == chosen]
        context.update(
            sub_navigation=listing.sub_navigation,
            audience_pages=Paginator(teasers, HUB_PAGE_SIZE).get_page(request.GET.get("page")),
            # Sorted here, not in the cache: labels read in the language of each request.
            page_types=sorted(listing.page_types.values(), key=lambda f: alphabetical(f.label)),
            chosen_type=chosen,
        )
        return context


@dataclass(frozen=True)
class Teaser:
    """A page as a hub lists it: title, kind of page, a sentence about it.

    Names of page types stay lazy translations, so a cached teaser reads in the
    language of the request that shows it.
    """

    title: str
    url: str
    type_key: str
    type_name: str
    text: str
    #: A page type's word on the page's state, e.g. a postponed event (``listing_notice``).
    notice: str = ""

    @classmethod
    def of(cls, page, request):
        text = page.search_description or getattr(page, "introduction", "")
        singular, _plural = visitor_labels(type(page))
        notice = getattr(page, "listing_notice", "")
        return cls(page.title, page.get_url(request), page._meta.model_name, singular, text, notice)

    @property
    def type_label(self):
        return capfirst(self.type_name)


def listing_notices(pages):
    """``{pk: notice}`` for those of ``pages`` that lists mark beside their title, as hubs
    do their teasers (``listing_notice``: a postponed event).

    Search results and card grids read pages from the base page table, which knows
    nothing of an event's status: the notices are answered from those of every live page
    that has one, read once per publication (:func:`live_listing_notices`), so a list
    costs no query for them whatever its pages, and follows a status change as hubs do.
    """
    notices = live_listing_notices()
    return {page.pk: notices[page.pk] for page in pages if page.pk in notices}


def live_listing_notices():
    """``{pk: notice}`` of the live pages that lists mark, of every type that marks some.

    A page type marks pages by answering ``pages_with_listing_notice()`` with a queryset
    of them, whose ``listing_notice`` lists show. They are few (postponed events), and the
    notices stay lazy translations, read in the language of each request.
    """

    def read():
        return {
            page.pk: page.listing_notice
            for model in page_types_with_notices()
            for page in model.pages_with_listing_notice().live()
        }

    return cached("listing-notices", read)


@functools.cache
def page_types_with_notices():
    """The page types that say which of their pages lists mark; found once, from the code
    installed. A page type derived from one of them shares its table and its answer."""
    return tuple(
        model
        for model in get_page_models()
        if issubclass(model, BasePage) and "pages_with_listing_notice" in vars(model)
    )


@dataclass(frozen=True)
class HubListing:
    """A hub's navigation and the teasers of every page for its audience."""

    sub_navigation: list
    teasers: list
    page_types: dict

    @classmethod
    def read(cls, hub, request):
        pages = hub.audience_pages(request)
        return cls(
            sub_navigation=hub.sub_navigation(request),
            teasers=[Teaser.of(page, request) for page in pages.specific()],
            page_types=page_type_filters(pages),
        )


@dataclass(frozen=True)
class PageTypeFilter:
    """One choice of the hub's "show only" filter."""

    key: str
    plural_name: str

    @property
    def label(self):
        return capfirst(self.plural_name)


def page_type_filters(pages):
    """The page types present among ``pages``, keyed by their model name."""
    content_types = (
        ContentType.objects.get_for_id(pk)
        for pk in pages.order_by().values_list("content_type", flat=True).distinct()
    )
    models_present = (ct.model_class() for ct in content_types)
    filters = [
        PageTypeFilter(model._meta.model_name, visitor_labels(model)[1])
        for model in models_present
        if model is not None
    ]
    return {f.key: f for f in filters}


def visitor_labels(model):
    """``(singular, plural)`` naming a page type to visitors: cards and filters.

    Verbose names are the editors' words ("content page", "exhibitions page");
    visitors read a page type's ``visitor_label`` and ``visitor_label_plural``.
    Page types that give none, such as those of plugins written before these
    attributes, fall back on their verbose names. An empty ``visitor_label``
    leaves their cards unlabelled, for page types whose kind tells visitors nothing.
    """
    meta = model._meta
    singular = getattr(model, "visitor_label", None)
    plural = getattr(model, "visitor_label_plural", None)
    return (
        meta.verbose_name if singular is None else singular,
        meta.verbose_name_plural if plural is None else plural,
    )
