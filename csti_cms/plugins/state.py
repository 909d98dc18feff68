"""Switching plugins on and off per site, and asking whether one is on.

The set of enabled labels per site is cached (Django's default cache) and
dropped whenever a :class:`SitePlugin` changes, so a public page pays no query
for it once warm. With a shared cache (Redis) every worker sees a switch at once;
with per-process memory caches the others see it within ``STATE_TTL`` seconds.
"""

import logging

from django.core.cache import cache
from django.db import transaction

from csti_cms.core.caching import content_changed

from .errors import PluginError
from .registration import get_plugin, plugins

logger = logging.getLogger("csti_cms.plugins")


class PluginStateError(Exception):
    """A switch that would leave a site inconsistent; the message says why."""


STATE_TTL = 30


def _cache_key(site_id):
    return f"csti-plugins:enabled:{site_id}"


def enabled_labels(site):
    """Labels of the installed plugins switched on for ``site``."""
    if site is None:
        return frozenset()
    key = _cache_key(site.pk)
    labels = cache.get(key)
    if labels is None:
        from .models import SitePlugin

        labels = frozenset(
            SitePlugin.objects.filter(site_id=site.pk, enabled=True).values_list("label", flat=True)
        )
        cache.set(key, labels, STATE_TTL)
    return labels & {plugin.label for plugin in plugins()}


def is_enabled(label, site):
    return label in enabled_labels(site)


def forget(site_id):
    """Drop the cached switches of a site, and what public pages cached under them."""
    cache.delete(_cache_key(site_id))
    content_changed()


@transaction.atomic
def enable(label, site, user=None):
    """Switch ``label`` on for ``site`` and run its ``installed`` callback. Idempotent."""
    from .models import SitePlugin

    config = _installed_plugin(label)
    missing = [dep for dep in config.depends_on if not is_enabled(dep, site)]
    if missing:
        raise PluginStateError(f"{label} needs {', '.join(missing)} switched on for {site} first.")
    SitePlugin.objects.update_or_create(
        site=site, label=label, defaults={"enabled": True, "changed_by": user}
    )
    transaction.on_commit(lambda: forget(site.pk))
    forget(site.pk)
    config.installed(site)
    logger.info("plugin %s enabled on %s by %s", label, site, user or "a command")


@transaction.atomic
def disable(label, site, user=None):
    """Switch ``label`` off for ``site`` and run its ``uninstalled`` callback. Idempotent.

    Nothing is deleted: switching it on again brings every page and block back.
    """
    from .models import SitePlugin

    config = _installed_plugin(label)
    dependants = [
        other.label
        for other in plugins()
        if label in other.depends_on and is_enabled(other.label, site)
    ]
    if dependants:
        raise PluginStateError(
            f"{', '.join(dependants)} need(s) {label} on {site}: switch them off first."
        )
    SitePlugin.objects.update_or_create(
        site=site, label=label, defaults={"enabled": False, "changed_by": user}
    )
    transaction.on_commit(lambda: forget(site.pk))
    forget(site.pk)
    config.uninstalled(site)
    logger.info("plugin %s disabled on %s by %s", label, site, user or "a command")


def _installed_plugin(label):
    config = get_plugin(label)
    if config is None:
        raise PluginError(label, "is not installed", "install the package that provides it")
    return config
