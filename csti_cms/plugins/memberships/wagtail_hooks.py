"""The memberships plugin in the admin (organisations and memberships) and in the demo."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from csti_cms.plugins import PluginViewSetGroupMixin, SiteScopedViewSetMixin

from .models import Membership, MembershipLogEntry, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "scope", "founded"]
    list_filter = ["scope"]
    search_fields = ["name", "acronym", "acronym_meaning"]


class MembershipViewSet(SiteScopedViewSetMixin, SnippetViewSet):
    """A membership is its centre's: each team lists, edits and adds its own site's only."""

    model = Membership
    site_field = "site"
    icon = "tick-inverse"
    list_display = ["organisation", "level", "since", "until", "site"]
    list_filter = ["site", "level"]


class MembershipsViewSetGroup(PluginViewSetGroupMixin, SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Memberships")
    menu_name = "memberships"


register_snippet(MembershipsViewSetGroup)


@hooks.register("register_log_actions")
def log_memberships_apart(actions):
    actions.register_model(Membership, MembershipLogEntry)


@hooks.register("csti_demo_content")
def load_demo(loader):
    from .demo import load_demo

    load_demo(loader)
