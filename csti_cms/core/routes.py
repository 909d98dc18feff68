"""Sub-routes of routable pages, spelled in the page's language.

A French agenda's calendar answers at ``/fr/agenda/calendrier/`` and a Dutch school
activity's booking form at ``…/reserveren/``: page types spell their route segments with
``pgettext_lazy("URL", "calendar/")`` and Django compiles such a pattern once per
language.

Wagtail resolves and reverses sub-routes in whatever language is active, which is not
always the page's: the language switcher reverses one route on every translation within
one request, and previews and e-mails run in the editor's or the visitor's language.
:class:`LocalizedRoutablePageMixin` makes the page's own language active around both.

Addresses spelled as the routes were before they were translated (in English) still
resolve on every translation, so links already printed, e-mailed or bookmarked keep
working.

When an editor renames or moves such a page, Wagtail redirects the old address of each
route the page lists in ``get_route_paths`` (:func:`route_paths`): calendars subscribed
to an agenda's ``ics/`` and partners reading its ``json/`` follow the page.
"""

import functools

from django.urls import NoReverseMatch, Resolver404
from django.utils.text import format_lazy
from django.utils.translation import override, pgettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin

__all__ = [
    "SENT_SEGMENT",
    "LocalizedRoutablePageMixin",
    "localized_route",
    "resolve_route",
    "reverse_route",
    "route_paths",
]


#: The page a form shows once it is sent (``book/sent/``), shared by every form route.
SENT_SEGMENT = pgettext_lazy("URL", "sent/")


def localized_route(*parts):
    """A route made of ``parts``, each a segment translated with ``pgettext_lazy("URL", …)``
    or a plain string that translators should not touch, such as path converters:
    ``localized_route(CALENDAR, "<int:year>/<int:month>/")``.

    The route stays lazy, so Django compiles it in each language that asks for it.
    """
    return format_lazy("{}" * len(parts), *parts)


def resolve_route(page_class, path, language_code):
    """The sub-route of ``page_class`` that ``path`` names in ``language_code``, or in
    the routes' source spelling; raises :class:`~django.urls.Resolver404` if neither.
    """
    resolver = page_class.get_resolver()
    try:
        with override(language_code):
            return resolver.resolve(path)
    except Resolver404:
        # ``None`` deactivates translation: patterns read as written, in English.
        with override(None):
            return resolver.resolve(path)


def reverse_route(page_class, language_code, name, args=None, kwargs=None):
    """The sub-route ``name`` of ``page_class`` as spelled in ``language_code``.

    Translations share their page type, so one page can spell the route for each of
    its translations (the language switcher does, from plain ``Page`` objects).
    """
    with override(language_code):
        return page_class.get_resolver().reverse(name, *(args or ()), **(kwargs or {}))


@functools.cache
def route_paths(page_class, language_code):
    """Every address below a page of ``page_class`` in ``language_code`` that takes no
    argument, as ``/``-led paths: ``("/", "/calendrier/", "/calendar/", "/ics/", …)``.

    Each route is spelled in ``language_code`` and, where the page answers it too, in the
    routes' source spelling (English), which older links use. A route with an argument
    (an agenda's month, ``calendar/<year>/<month>/``) reverses to no single address, and
    its addresses are as many as there are months: it is left out, so Wagtail redirects
    no address of it.

    Kept per page type and language (the routes are the class's): moving an agenda asks
    it of every event below, before and after the move.
    """
    resolver = page_class.get_resolver()
    names = dict.fromkeys(pattern.name for pattern in page_class.get_subpage_urls())
    paths = {}
    for name in names:
        for spelling in (language_code, None):
            try:
                with override(spelling):
                    path = "/" + resolver.reverse(name)
                resolve_route(page_class, path, language_code)
            except (NoReverseMatch, Resolver404):
                continue
            paths.setdefault(path, None)
    return tuple(paths)


class LocalizedRoutablePageMixin(RoutablePageMixin):
    """A routable page whose sub-routes are spelled in its own language."""

    def get_route_paths(self):
        """The addresses below the page that Wagtail redirects when the page is renamed or
        moved: every route without an argument, as the page spells it (:func:`route_paths`).

        Wagtail's default is the page's own address only, so its routes' old addresses
        (an agenda's feeds, an activity's booking form) answered "not found".
        """
        return list(route_paths(type(self), self.locale.language_code))

    def reverse_subpage(self, name, args=None, kwargs=None):
        return reverse_route(type(self), self.locale.language_code, name, args, kwargs)

    def resolve_subpage(self, path):
        match = resolve_route(type(self), path, self.locale.language_code)
        match.func = match.func.__get__(self, type(self))
        return match
