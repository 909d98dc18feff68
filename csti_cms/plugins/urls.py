"""Public URLs of the installed plugins, each under ``plugins/<label>/``.

Included by ``csti_cms.urls`` inside the language prefix; the middleware answers
404 for a plugin switched off on the request's site.
"""

from django.urls import include, path

from .registration import plugins


def plugin_urlpatterns():
    patterns = []
    for config in plugins():
        urlpatterns = config.resource("urlpatterns")
        if urlpatterns:
            patterns.append(path(f"plugins/{config.label}/", include((urlpatterns, config.label))))
    return patterns


urlpatterns = plugin_urlpatterns()
