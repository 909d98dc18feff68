"""The memberships plugin in the admin (organisations and memberships) and in the demo."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from csti_cms.plugins import is_enabled

from .models import Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "scope", "founded"]
    list_filter = ["scope"]
    search_fields = ["name", "acronym", "acronym_meaning"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "tick-inverse"
    list_display = ["organisation", "level", "since", "until", "site"]
    list_filter = ["site", "level"]


class PluginSubmenuMenuItem(SubmenuMenuItem):
    """A submenu shown only where the plugin is on.

    The framework hides top-level menu items of a switched-off plugin by their URL;
    a submenu has none, so it checks the switch itself.
    """

    def is_shown(self, request):
        return is_enabled("memberships", Site.find_for_request(request)) and super().is_shown(
            request
        )


class MembershipsViewSetGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Memberships")
    menu_name = "memberships"

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        return PluginSubmenuMenuItem(
            label=item.label,
            menu=item.menu,
            name=item.name,
            icon_name=item.icon_name,
            order=item.order,
        )


register_snippet(MembershipsViewSetGroup)


@hooks.register("csti_demo_content")
def load_demo(loader):
    from .demo import load_demo

    load_demo(loader)
