"""Admin screens of data that belongs to one centre: each team sees its own site's.

When several centres share an install, the admin shows a team the data of the site
of the host name it is reached on, and superusers see every site's
(:mod:`csti_cms.core.teams`). A plugin whose model belongs to a site (a membership
of a centre, an endorsement of a centre's declaration) puts
:class:`SiteScopedViewSetMixin` first in the bases of its admin viewset, and its
screens follow that rule.

The rule lives in the core, and so does this module, which adapts it to Wagtail's
generic views: the core's own screens of visitors' requests
(:class:`csti_cms.enquiries.viewsets.EnquiryViewSet`) are scoped by the same mixin as
the plugins' screens, and the mixin is the part plugins may name (``csti_cms.plugins``).
"""

from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.http import Http404
from wagtail.admin.views.generic import IndexView

from csti_cms.core.teams import sees_every_site, site_pages, team_site

#: ``{model: viewset}`` of the models scoped here, for the views no viewset builds: Wagtail's
#: bulk actions, which take any ids in their address.
SCOPED_MODELS = {}


class SiteScopedViewSetMixin:
    """Put first in the bases of a ``ModelViewSet`` or ``SnippetViewSet``.

    Say how an object leads to its site with one of:

    ``site_field``
        the lookup of the object's site (a foreign key to ``wagtailcore.Site``), e.g.
        ``"site"``;
    ``site_page_field``
        the lookup of a page of the object's site, e.g. ``"declaration"``: the object
        belongs to the site whose page trees (in every language) hold that page.

    For everyone but superusers, the listing and its export show the objects of the
    site the admin is reached on; editing, copying, deleting, inspecting an object of
    another site and reading its history or usage answer 404; a ``site_field`` form
    field offers that site only, chosen in advance, and its list filter is left out.
    Override :meth:`site_filter` for any other link between an object and its site.
    """

    site_field = None
    site_page_field = None

    def site_filter(self, site):
        """The condition that selects the objects of ``site``."""
        if self.site_field:
            return Q(**{self.site_field: site})
        if self.site_page_field:
            return Q(**{f"{self.site_page_field}__in": site_pages(site)})
        raise ImproperlyConfigured(
            f"{type(self).__name__} needs a site_field or a site_page_field."
        )

    def visible_to(self, request, queryset):
        """``queryset`` narrowed to the objects the user may see on this host.

        With no site for the host (none exists yet), a team member sees nothing
        rather than everything.
        """
        if sees_every_site(request.user):
            return queryset
        site = team_site(request)
        if site is None:
            return queryset.none()
        return queryset.filter(self.site_filter(site))

    def is_visible(self, request, obj):
        """Whether the user may open ``obj`` on this host (see :meth:`visible_to`)."""
        if sees_every_site(request.user):
            return True
        return self.visible_to(request, self.model._default_manager.filter(pk=obj.pk)).exists()

    def limit_site_choices(self, request, form):
        """Offer a team member the site of this host only, already chosen.

        A model form's choices are also what it accepts: a site sent by hand that is
        not among them is refused like any invalid choice.
        """
        field = form.fields.get(self.site_field) if self.site_field else None
        if field is None or sees_every_site(request.user):
            return
        site = team_site(request)
        field.queryset = field.queryset.filter(pk=site.pk) if site else field.queryset.none()
        if site is not None and form.initial.get(self.site_field) is None:
            form.initial[self.site_field] = site.pk

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A snippet's chooser (the modal of the page editor) is a viewset of its own, whose
        # views this one does not build: it gets the same scoping.
        if getattr(self, "chooser_viewset_class", None) is not None:
            self.chooser_viewset_class = type(
                self.chooser_viewset_class.__name__,
                (ScopedChooserViewSetMixin, self.chooser_viewset_class),
                {"site_scope": self},
            )

    def on_register(self):
        super().on_register()
        SCOPED_MODELS[self.model] = self

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class(view_class), site_scope=self, **kwargs)


class ScopedChooserViewSetMixin:
    """A chooser viewset whose views follow :attr:`site_scope`, the object's own viewset."""

    site_scope = None

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(
            scoped_view_class(view_class), site_scope=self.site_scope, **kwargs
        )


class ScopedChooserListMixin:
    """The objects a chooser lists, or accepts several at once: the team's site's only."""

    site_scope = None

    def get_object_list(self):
        return self.site_scope.visible_to(self.request, super().get_object_list())

    def get_objects(self, pks):
        return self.site_scope.visible_to(self.request, super().get_objects(pks))


class ScopedListingMixin:
    """The listing and its export: the team's site only, with no filter by site."""

    site_scope = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not sees_every_site(request.user):
            # One site only: a site filter would merely name the other centres.
            self.filterset_class = without_filter(self.filterset_class, self.site_scope.site_field)

    def get_base_queryset(self):
        return self.site_scope.visible_to(self.request, super().get_base_queryset())

    def get_filterset_kwargs(self):
        # Wagtail gives the filters the whole table: given the listing's objects instead, a
        # filter that offers choices from them offers the team's own only.
        return {**super().get_filterset_kwargs(), "queryset": self.get_base_queryset()}


class ScopedObjectMixin:
    """Views of one object answer 404 for an object of another site.

    404 rather than 403: a team member learns nothing about another centre's data,
    not even that a given id exists.
    """

    site_scope = None

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        # A view that creates an object has none to check yet.
        if obj is not None and not self.site_scope.is_visible(self.request, obj):
            raise Http404
        return obj


class ScopedFormMixin:
    """Forms that create or change an object: a team member picks no other site."""

    site_scope = None

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        self.site_scope.limit_site_choices(self.request, form)
        return form


@cache
def scoped_view_class(view_class):
    """``view_class`` with the scoping its kind of view needs, built once per class.

    Kept in ``view_class``'s module, so that the view still belongs to its plugin
    (whose switch decides where its screens answer).
    """
    mixins = []
    if issubclass(view_class, IndexView):
        mixins.append(ScopedListingMixin)
    if hasattr(view_class, "get_object_list") or hasattr(view_class, "get_objects"):
        mixins.append(ScopedChooserListMixin)
    if hasattr(view_class, "get_object"):
        mixins.append(ScopedObjectMixin)
    if hasattr(view_class, "get_form"):
        mixins.append(ScopedFormMixin)
    if not mixins:
        return view_class
    attributes = {"__module__": view_class.__module__, "__qualname__": view_class.__qualname__}
    return type(view_class.__name__, (*mixins, view_class), attributes)


def without_filter(filterset_class, name):
    """``filterset_class`` without its filter ``name``, or as it is if it has none."""
    if filterset_class is None or name not in filterset_class.base_filters:
        return filterset_class
    narrowed = type(filterset_class.__name__, (filterset_class,), {})
    del narrowed.base_filters[name]
    return narrowed


def refuse_other_sites_objects(request, objects):
    """404 when ``objects`` (chosen for a bulk action) hold one of another site.

    A team member finds no such object in the listing; one given by id in the address
    gets the answer of any view of it (:class:`ScopedObjectMixin`).
    """
    for obj in objects:
        scope = SCOPED_MODELS.get(type(obj))
        if scope is not None and not scope.is_visible(request, obj):
            raise Http404
