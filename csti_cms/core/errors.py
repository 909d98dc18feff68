"""What visitors see when something goes wrong: the error pages, in the visitor's language.

Django calls these views through ``handler400``, ``handler403``, ``handler404`` and
``handler500`` of the root URLconf: :mod:`csti_cms.urls` sets them, and a site whose own
``urls.py`` starts from the distribution's re-exports them with its ``urlpatterns``.

- 404 (``404.html``): the centre's own page, with its header, footer, a link to the home page
  in the language of the address and the site search. It must never turn into a 500: when it
  cannot be rendered (a setting or plugin hook that fails), a plain page still answers 404.
- 400, 403 and 500 (``400.html``, ``403.html``, ``500.html``; Django renders ``403_csrf.html``
  itself): minimal pages that read neither the database nor the cache, since either may be
  what failed, and a request for a host that is not allowed has no site to brand it with.
- When the failure is the database being out of reach, the 500 page answers ``503 Service
  Unavailable`` with ``Retry-After``: search engines keep the page and come back later instead
  of recording an error, and a load balancer or monitor tells an outage from a bug. Such a
  503 is logged as one warning line a minute naming the database's error
  (:mod:`csti_cms.core.database_outage`), not as an error with a traceback per request.

Each page is in the language of the address (``/nl/...``), else in the language that was
active, else in the install's default language: an error raised before the language was
chosen from the address still answers in that language. The 404 page, which may read the
database, is in a language the site publishes: ``/en/...`` of a centre without English
answers in the visitor's language among the site's, else in the site's own.
"""

import logging
import sys

from django.conf import settings
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Site

from csti_cms.core.database_outage import database_unreachable, report_unreachable_database
from csti_cms.core.i18n import LanguageVersion, live_homes, site_homes, site_language
from csti_cms.core.middleware import language_for_visitor

logger = logging.getLogger(__name__)

#: The theme's stylesheet: the minimal pages link it, without the centre's colours (settings
#: are in the database).
STYLESHEET = "csti_cms/css/theme.css"


def page_not_found(request, exception):
    """The site's branded 404 page, or a plain one.

    Plain when no site answers to the request's host (there is no brand to show, nor a home
    to link to) or when the branded page cannot be rendered.
    """
    site = Site.find_for_request(request)
    language = _not_found_language(request, site)
    with translation.override(language):
        content = None
        try:
            if site is not None:
                context = {"request_path": request.path, "versions": _home_versions(request)}
                content = loader.render_to_string("404.html", context, request)
        except Exception:
            logger.exception("The 404 page could not be rendered: a plain one answers.")
        if content is None:
            content = _plain_page(
                gettext("Page not found"),
                gettext(
                    "The page you are looking for does not exist, has moved, or is not "
                    "available in this language."
                ),
            )
    response = HttpResponseNotFound(content)
    # Django's locale middleware would name the address's language, which the page is not in.
    response["Content-Language"] = language
    return response


def bad_request(request, exception):
    return _minimal(request, "400.html", HttpResponseBadRequest)


def permission_denied(request, exception):
    return _minimal(request, "403.html", HttpResponseForbidden)


#: Seconds a client is asked to wait before trying again while the database is out of reach.
RETRY_AFTER_SECONDS = 60


def server_error(request):
    """The minimal 500 page, answered as a 503 when the database is out of reach.

    Django calls this view while it handles the exception, so ``sys.exc_info()`` tells what
    failed. A refused or lost connection (``database_unreachable`` in
    :mod:`csti_cms.core.database_outage`) answers 503; an error of one query (a mistake in
    the site's SQL, a timeout, a deadlock) stays a 500, logged by Django with its traceback.
    """
    response = _minimal(request, "500.html", HttpResponseServerError)
    error = sys.exc_info()[1]
    if database_unreachable(error):
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        report_unreachable_database(error, response)
    return response


def _minimal(request, template_name, response_class):
    """A minimal page: rendered without the request, so no context processor reads a setting."""
    with translation.override(_language_of(request)):
        try:
            content = loader.render_to_string(template_name, {"stylesheet": _stylesheet()})
        except Exception:
            logger.exception("The error page %s could not be rendered.", template_name)
            content = _plain_page(
                gettext("Sorry, something went wrong"),
                gettext(
                    "An error on our side kept this page from showing. "
                    "Please try again in a few minutes."
                ),
                home_url="/",
            )
    return response_class(content)


def _language_of(request):
    """The language of the address, else the active one, else the default (never fails)."""
    try:
        language = translation.get_language_from_path(request.path_info)
    except Exception:
        language = None
    return language or translation.get_language() or settings.LANGUAGE_CODE


def _not_found_language(request, site):
    """The language of the 404 page: the address's, if ``site`` publishes it (has its home
    live), else the visitor's among the site's languages, else the site's own.

    A centre without English still answers ``/en/...`` (``en`` is a language of the install):
    its 404 page in English would offer no English page to go on to. Never fails: the 404
    page must not turn into a 500.
    """
    language = _language_of(request)
    if site is None:
        return language
    try:
        if language in live_homes(site):
            return language
        return language_for_visitor(request) or site_language(site)
    except Exception:
        logger.exception("The language of the 404 page could not be chosen.")
        return language


def _home_versions(request):
    """The language switcher of the 404 page: the site's home in each language.

    The same address in another language is missing too; its home is where a visitor
    can go on from. One query, shared with the header (:func:`csti_cms.core.i18n.site_homes`).
    """
    current = translation.get_language()
    homes = site_homes(request)
    return [
        LanguageVersion(code, name, homes[code].get_url(request), True, code == current)
        for code, name in settings.LANGUAGES
        if code in homes
    ]


def _stylesheet():
    """The theme's address, or ``None`` when static files are not set up (no manifest)."""
    try:
        return static(STYLESHEET)
    except Exception:
        return None


def _plain_page(title, message, home_url=None):
    """The last resort: an error page made without templates, in the active language."""
    stylesheet = _stylesheet()
    return format_html(
        '<!DOCTYPE html>\n<html lang="{}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n<title>{}</title>\n{}</head>\n'
        '<body>\n<main class="page-body">\n<h1>{}</h1>\n<p>{}</p>\n{}</main>\n</body>\n</html>\n',
        translation.get_language() or settings.LANGUAGE_CODE,
        title,
        format_html('<link rel="stylesheet" href="{}">\n', stylesheet) if stylesheet else "",
        title,
        message,
        format_html('<p><a href="{}">{}</a></p>\n', home_url, gettext("Go to the home page"))
        if home_url
        else "",
    )
