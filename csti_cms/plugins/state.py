"""Switching plugins on and off per site, and asking whether one is on.

The set of enabled labels per site is cached (Django's default cache) and
dropped whenever a :class:`SitePlugin` changes, so a public page pays no query
for it once warm. With a shared cache (Redis) every worker sees a switch at once;
with per-process memory caches the others see it within ``STATE_TTL`` seconds.
Each switch is also written to Wagtail's history, which keeps every one.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from wagtail.log_actions import log

from csti_cms.core.caching import content_changed
from csti_cms.core.request_readings import read_once

from .errors import PluginError
from .registration import get_plugin, plugins

logger = logging.getLogger("csti_cms.plugins")


class PluginStateError(Exception):
    """A switch that would leave a site inconsistent; the message says why."""


STATE_TTL = 30

#: Wagtail history actions of a switch, by the state it leaves.
SWITCH_ACTIONS = {True: "csti_plugins.enable", False: "csti_plugins.disable"}


def _cache_key(site_id):
    return f"csti-plugins:enabled:{site_id}"


def enabled_labels(site):
    """Labels of the installed plugins switched on for ``site``."""
    if site is None:
        return frozenset()
    key = _cache_key(site.pk)
    labels = read_once(key, lambda: _switched_on(key, site))
    return labels & {plugin.label for plugin in plugins()}


def _switched_on(key, site):
    labels = cache.get(key)
    if labels is None:
        from .models import SitePlugin

        labels = frozenset(
            SitePlugin.objects.filter(site_id=site.pk, enabled=True).values_list("label", flat=True)
        )
        cache.set(key, labels, STATE_TTL)
    return labels


def is_enabled(label, site):
    return label in enabled_labels(site)


def forget(site_id):
    """Drop the cached switches of a site, and what public pages cached under them."""
    cache.delete(_cache_key(site_id))
    content_changed()


def enable(label, site, user=None):
    """Switch ``label`` on for ``site`` and run its ``installed`` callback. Idempotent."""
    config = _installed_plugin(label)
    missing = [dep for dep in config.depends_on if not is_enabled(dep, site)]
    if missing:
        raise PluginStateError(f"{label} needs {', '.join(missing)} switched on for {site} first.")
    _switch(label, site, True, user, config.installed)
    logger.info("plugin %s enabled on %s by %s", label, site, user or "a command")


def enable_unless_chosen(label, site):
    """Switch ``label`` on for ``site`` unless the site has a switch for it, on or off.

    For demo content loaded again: a plugin an operator switched off is their choice, as
    an edited page is, and stays off. Returns whether the plugin was switched on.
    """
    from .models import SitePlugin

    if SitePlugin.objects.filter(site_id=site.pk, label=label).exists():
        return False
    enable(label, site)
    return True


def disable(label, site, user=None):
    """Switch ``label`` off for ``site`` and run its ``uninstalled`` callback. Idempotent.

    Nothing is deleted: switching it on again brings every page and block back.
    """
    config = _installed_plugin(label)
    check_can_disable(label, site)
    _switch(label, site, False, user, config.uninstalled)
    logger.info("plugin %s disabled on %s by %s", label, site, user or "a command")


def enabled_dependants(label, site):
    """The plugins switched on for ``site`` that need ``label``: it stays on while there are any."""
    return [
        other for other in plugins() if label in other.depends_on and is_enabled(other.label, site)
    ]


def check_can_disable(label, site):
    """Raise :class:`PluginStateError` while a plugin switched on for ``site`` needs ``label``."""
    dependants = [other.label for other in enabled_dependants(label, site)]
    if dependants:
        raise PluginStateError(
            f"{', '.join(dependants)} need(s) {label} on {site}: switch them off first."
        )


def _switch(label, site, enabled, user, callback):
    """Record the switch and run the lifecycle ``callback`` in one transaction.

    The cached state is dropped before the callback, so the callback sees the switch;
    again once it is committed, for requests that read the database meanwhile; and
    again when it fails: a rollback never reaches ``on_commit``, and whatever
    ``is_enabled`` cached during the callback would otherwise claim, for ``STATE_TTL``
    seconds, a state the database never held.
    """
    from .models import SitePlugin

    try:
        with transaction.atomic():
            switch, _created = SitePlugin.objects.update_or_create(
                site=site, label=label, defaults={"enabled": enabled, "changed_by": user}
            )
            transaction.on_commit(lambda: forget(site.pk))
            forget(site.pk)
            callback(site)
            record_switch(switch, user)
    except BaseException:
        forget(site.pk)
        raise


def record_switch(switch, user):
    """Add ``switch`` to Wagtail's history: its :class:`SitePlugin` row keeps only the last one.

    The entry keeps the site's name of the day, so it still reads once the site is
    renamed or deleted; ``user`` is None for a command.
    """
    site_name = switch.site.site_name or switch.site.hostname
    log(
        instance=switch,
        action=SWITCH_ACTIONS[switch.enabled],
        user=user,
        title=f"{switch.label} @ {site_name}",
        data={"plugin": switch.label, "site": site_name},
    )


def _installed_plugin(label):
    config = get_plugin(label)
    if config is None:
        raise PluginError(label, "is not installed", "install the package that provides it")
    return config
