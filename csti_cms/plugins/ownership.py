"""Which plugin a view, URL or page type belongs to."""

from django.urls import Resolver404, resolve

from .registration import plugins


def plugin_of_view(view_func):
    """The label of the plugin a resolved view belongs to, or None.

    A view belongs to a plugin when its code lives in the plugin's package, or
    when it is a generic (Wagtail) view working on one of the plugin's models,
    as snippet and model viewsets are.
    """
    packages = {config.name: config.label for config in plugins()}
    labels = {config.label for config in plugins()}
    view_class = getattr(view_func, "view_class", None)
    module = (view_class or view_func).__module__ or ""
    for package, label in packages.items():
        if module == package or module.startswith(package + "."):
            return label
    model = (getattr(view_func, "view_initkwargs", None) or {}).get("model")
    if model is not None and model._meta.app_label in labels:
        return model._meta.app_label
    return None


def plugin_of_url(url):
    try:
        match = resolve(url.split("?", 1)[0])
    except Resolver404:
        return None
    return plugin_of_view(match.func)
