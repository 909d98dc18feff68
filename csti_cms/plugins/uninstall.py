"""Removing a plugin's data from an install, before its package is removed."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Page

from .models import SitePlugin
from .registration import get_plugin, plugins
from .state import logger, record_switch


def content_summary(label):
    """``{model verbose name: count}`` of what the plugin stores, models without rows left out.

    Each name agrees with its count (see :func:`counted_name`), so that the summary reads
    "1 quiz page, 3 quiz themes" in the command's messages.
    """
    config = get_plugin(label)
    summary = {}
    for model in config.get_models():
        count = model.objects.count()
        if count:
            summary[counted_name(model, count)] = count
    return summary


def counted_name(model, count):
    """``model``'s verbose name for ``count`` rows: singular for one, plural for several.

    A count of zero is never shown, so "one is singular" holds in English, French and
    Dutch. The plural is the model's ``verbose_name_plural``: without one, Django adds
    an "s" to the translated singular ("page des séances du planétariums").
    """
    meta = model._meta
    return str(meta.verbose_name if count == 1 else meta.verbose_name_plural)


def describe(summary):
    """``"1 quiz page, 3 quiz themes"``: a :func:`content_summary` in words."""
    return ", ".join(f"{count} {name}" for name, count in summary.items())


def dependent_plugins(label):
    """Labels of the installed plugins that declare ``label`` in their ``depends_on``."""
    return sorted(config.label for config in plugins() if label in config.depends_on)


def dependent_apps(label, graph=None):
    """Labels of the other apps with a migration that depends on one of ``label``'s.

    ``migrate <label> zero`` unapplies those migrations first, dropping their tables
    and the data in them, whether or not the app is a plugin. ``graph`` is the
    project's migration graph unless given.
    """
    if graph is None:
        graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return sorted(
        {
            app
            for (app, _name), node in graph.node_map.items()
            if app != label and any(parent.key[0] == label for parent in node.parents)
        }
    )


def uninstall(label, *, delete_content=False):
    """Remove pages, tables, content types and permissions of plugin ``label``.

    Refuses while other apps depend on it (their tables would go with its own), and
    while the plugin stores content, unless ``delete_content`` is true. Every site
    where it is on gets its ``uninstalled`` callback first. The package must then be
    removed (or excluded with CSTI_PLUGINS_EXCLUDE), or the next ``migrate`` creates
    its tables again, and every process of the site restarted: the running ones keep
    the plugin's models registered, and queries over every page type (the audience
    hubs') fail on its dropped tables. Returns the summary of what was there.
    """
    config = get_plugin(label)
    plugins_needing_it, apps_needing_it = dependent_plugins(label), dependent_apps(label)
    if plugins_needing_it or apps_needing_it:
        raise UninstallBlockedByDependents(label, plugins_needing_it, apps_needing_it)
    summary = content_summary(label)
    if summary and not delete_content:
        raise RefusedUninstall(label, summary)
    for site_plugin in SitePlugin.objects.filter(label=label, enabled=True).select_related("site"):
        config.uninstalled(site_plugin.site)
        site_plugin.enabled = False
        record_switch(site_plugin, user=None)
        logger.info("plugin %s disabled on %s by a command (uninstall)", label, site_plugin.site)
    with transaction.atomic():
        page_models = [m for m in config.get_models() if issubclass(m, Page)]
        for model in page_models:
            # Deleting the top-most pages first removes their subtrees with them.
            for page in model.objects.order_by("depth"):
                if Page.objects.filter(pk=page.pk).exists():  # not gone with an ancestor
                    page.delete()
        SitePlugin.objects.filter(label=label).delete()
    call_command("migrate", label, "zero", interactive=False, verbosity=0)
    content_types = ContentType.objects.filter(app_label=label)
    Permission.objects.filter(content_type__in=content_types).delete()
    content_types.delete()
    return summary


class RefusedUninstall(Exception):
    """Uninstalling would delete content the operator did not agree to lose."""

    def __init__(self, label, summary):
        self.label, self.summary = label, summary
        super().__init__(
            f"{label} still has content ({describe(summary)}). Nothing was removed; run again with "
            "--delete-content to delete it for good."
        )


class UninstallBlockedByDependents(Exception):
    """Other apps need the plugin: uninstalling it would drop their tables too."""

    def __init__(self, label, plugins, apps):
        self.label, self.plugins, self.apps = label, plugins, apps
        reasons = []
        if plugins:
            reasons.append(f"the plugin(s) {', '.join(plugins)} declare it in depends_on")
        if apps:
            reasons.append(f"migrations of the app(s) {', '.join(apps)} depend on its migrations")
        blockers = ", ".join(sorted({*plugins, *apps}))
        super().__init__(
            f"{label} cannot be uninstalled while other apps need it: {'; '.join(reasons)}. "
            f"Removing its tables (migrate {label} zero) would remove theirs too. "
            f"Nothing was removed; uninstall {blockers} first."
        )
