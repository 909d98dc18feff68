"""How the core's rules reach the Wagtail admin views it does not build itself."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .centre_removal import CENTRE_REMOVED
from .document_links import DescribedDocumentLinkHandler
from .launch_checklist import LaunchChecklistPanel
from .site_scope import refuse_other_sites_objects


# Bulk actions take any ids in their address: each centre's data stays its own there too.
@hooks.register("before_delete_snippet")
def delete_only_this_sites_snippets(request, instances):
    refuse_other_sites_objects(request, instances)


@hooks.register("before_bulk_action")
def act_only_on_this_sites_objects(request, action_type, objects, action):
    refuse_other_sites_objects(request, objects)


@hooks.register("construct_homepage_panels")
def add_launch_checklist(request, panels):
    panels.append(LaunchChecklistPanel())


# After Wagtail's own features (order 0), so this handler replaces its document link handler.
@hooks.register("register_rich_text_features", order=1)
def describe_document_links(features):
    features.register_link_type(DescribedDocumentLinkHandler)


class CentreRemoved(LogFormatter):
    """A centre that left the install, in the site history (``manage.py remove_centre``)."""

    label = _("Remove centre")
    message = _("Removed the centre %(centre)s (%(host)s) and everything that was its alone")

    def format_message(self, log_entry):
        return self.message % {"centre": log_entry.data["centre"], "host": log_entry.data["host"]}


@hooks.register("register_log_actions")
def register_centre_removal(actions):
    actions.register_action(CENTRE_REMOVED)(CentreRemoved)
