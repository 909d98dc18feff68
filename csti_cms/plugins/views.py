"""The administrators' screen for switching plugins on and off per site."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from .registration import get_plugin, plugins
from .state import PluginStateError, disable, enable, enabled_dependants, enabled_labels


def _require_admin(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def site_plugins(request):
    """The plugins and their state on one site; with no site yet, only how to make one.

    Plugins are switched per site, so until a site exists there is nothing to switch:
    the screen says so instead of offering switches that would point at no site.
    """
    _require_admin(request)
    sites = list(Site.objects.order_by("hostname", "port"))
    site = _chosen_site(request, sites)
    return TemplateResponse(
        request,
        "csti_plugins/admin/site_plugins.html",
        {"sites": sites, "site": site, "rows": _plugin_rows(site) if site else []},
    )


def _chosen_site(request, sites):
    """The site picked in the selector, else the one the admin is reached on, else the first.

    Following the admin's host name by default keeps this screen on the centre the
    administrator is working on, like the rest of the admin; None when there is no site.
    """
    chosen = next((s for s in sites if str(s.pk) == request.GET.get("site")), None)
    return chosen or Site.find_for_request(request) or (sites[0] if sites else None)


def _plugin_rows(site):
    """One row per installed plugin and whether it is on for ``site``.

    Every installed plugin fits this csti-cms: start-up refuses the others.
    """
    enabled = enabled_labels(site)
    return [
        {"config": config, "enabled": config.label in enabled}
        for config in sorted(plugins(), key=lambda c: str(c.verbose_name))
    ]


@require_http_methods(["GET", "POST"])
def switch_plugin(request, site_id, label):
    """GET shows what switching off would mean; POST switches."""
    _require_admin(request)
    site = get_object_or_404(Site, pk=site_id)
    config = get_plugin(label)
    if config is None:
        raise Http404
    turn_on = request.POST.get("enabled") == "1" if request.method == "POST" else False
    if request.method == "GET":
        return TemplateResponse(
            request,
            "csti_plugins/admin/confirm_disable.html",
            {
                "site": site,
                "config": config,
                "needed_by": enabled_dependants(label, site),
                "warnings": config.can_disable(site),
            },
        )
    try:
        if turn_on:
            enable(label, site, user=request.user)
            messages.success(
                request,
                _("%(plugin)s is on for %(site)s.") % {"plugin": config.verbose_name, "site": site},
            )
        else:
            disable(label, site, user=request.user)
            messages.success(
                request,
                _("%(plugin)s is off for %(site)s; nothing was deleted.")
                % {"plugin": config.verbose_name, "site": site},
            )
    except PluginStateError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('csti_plugins')}?site={site.pk}")
