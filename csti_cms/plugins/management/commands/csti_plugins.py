from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Site

from csti_cms import __version__
from csti_cms.plugins.registration import get_plugin, plugins
from csti_cms.plugins.state import (
    PluginStateError,
    check_can_disable,
    disable,
    enable,
    enabled_labels,
)
from csti_cms.plugins.uninstall import (
    RefusedUninstall,
    UninstallBlockedByDependents,
    describe,
    uninstall,
)


class Command(BaseCommand):
    help = "List installed csti-cms plugins and switch them on or off per site."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("list", help="installed plugins, their version and state per site")
        for name in ("enable", "disable"):
            action = actions.add_parser(name, help=f"{name} a plugin on one site")
            action.add_argument("label")
            action.add_argument("--site", required=True, help="the site's host name")
        remove = actions.add_parser(
            "uninstall", help="remove a plugin's pages, tables and permissions"
        )
        remove.add_argument("label")
        remove.add_argument("--delete-content", action="store_true")

    def handle(self, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_list(self, **options):
        sites = list(Site.objects.order_by("hostname", "port"))
        enabled = {site.pk: enabled_labels(site) for site in sites}
        installed = sorted(plugins(), key=lambda config: config.label)
        if not installed:
            self.stdout.write("No plugin is installed.")
            return
        for config in installed:
            compatible = config.compatibility or "any"
            self.stdout.write(
                f"{config.label} {config.version} (csti-cms {compatible}; "
                f"running {__version__}): {config.verbose_name}"
            )
            for site in sites:
                state = "on" if config.label in enabled[site.pk] else "off"
                self.stdout.write(f"    {site.hostname}:{site.port}  {state}")

    def _site(self, hostname):
        """The site named by ``host`` or ``host:port``; the port is required when
        several sites share the host name, rather than switching one at random."""
        host, _, port = hostname.partition(":")
        if port and not port.isdigit():
            raise CommandError(f"Invalid port in {hostname!r}: give the site as host or host:port")
        sites = Site.objects.filter(hostname=host).order_by("port")
        if port:
            sites = sites.filter(port=int(port))
        sites = list(sites)
        if not sites:
            known = ", ".join(_address(s) for s in Site.objects.order_by("hostname", "port"))
            raise CommandError(f"No site with host name {hostname!r}. Sites: {known}")
        if len(sites) > 1:
            choices = ", ".join(_address(s) for s in sites)
            raise CommandError(
                f"Several sites have the host name {host!r}: {choices}. "
                f"Give the port too, e.g. --site {_address(sites[0])}"
            )
        return sites[0]

    def _plugin(self, label):
        if get_plugin(label) is None:
            known = ", ".join(config.label for config in plugins()) or "none"
            raise CommandError(f"No installed plugin {label!r}. Installed: {known}")

    def handle_enable(self, label, site, **options):
        self._plugin(label)
        self._switch(enable, label, self._site(site), "on")

    def handle_disable(self, label, site, **options):
        """The warnings describe a switch about to happen: none while a dependant forbids it."""
        self._plugin(label)
        site = self._site(site)
        _refused_as_command_error(check_can_disable, label, site)
        for warning in get_plugin(label).can_disable(site):
            self.stderr.write(f"warning: {warning}")
        self._switch(disable, label, site, "off")

    def _switch(self, action, label, site, state):
        _refused_as_command_error(action, label, site)
        self.stdout.write(f"{label} is {state} for {site.hostname}.")

    def handle_uninstall(self, label, delete_content=False, **options):
        # In English, like the rest of this command's report: the model names in the counts
        # would otherwise follow the site's language in the middle of English sentences.
        with translation.override("en"):
            self._uninstall(label, delete_content)

    def _uninstall(self, label, delete_content):
        self._plugin(label)
        try:
            summary = uninstall(label, delete_content=delete_content)
        except (RefusedUninstall, UninstallBlockedByDependents) as error:
            raise CommandError(str(error)) from None
        removed = describe(summary) or "no content"
        self.stdout.write(f"{label} uninstalled ({removed} removed).")
        # The processes serving the site still have the plugin's models registered:
        # queries over every page type, such as the audience hubs', fail on its
        # dropped tables until they restart without the plugin.
        self.stdout.write(
            self.style.WARNING(
                f"Now remove the package of {label} (pip uninstall) or list {label} in "
                "CSTI_PLUGINS_EXCLUDE, then restart every process of the site at once: until "
                "they restart they keep its page types, and pages such as the audience hubs "
                "answer with an error."
            )
        )


def _refused_as_command_error(action, label, site):
    """Run a state change; a switch that a dependency forbids ends the command."""
    try:
        action(label, site)
    except PluginStateError as error:
        raise CommandError(str(error)) from None


def _address(site):
    return f"{site.hostname}:{site.port}"
