"""System checks that tell operators, at start-up, about servers the site cannot reach and
media folders it cannot write.

Redis (``REDIS_URL``) and Elasticsearch (``ELASTICSEARCH_URL``) are helpers: without
Redis the site answers more slowly, without Elasticsearch only its search page is
unavailable. An unreachable one is therefore a warning naming the setting to look at,
shown by ``manage.py check`` and ``runserver``, never an error that keeps the site down.
So is a media folder the site cannot write: pages go on without new image sizes and
uploads are refused with a message, but the operator should hear of it before editors do.

``manage.py check --deploy`` adds what a production install needs to reach people: an e-mail
backend that delivers, a sender address mail servers accept, and an admin address the links
in e-mails can open. Development settings rightly lack them, so these are deploy checks only.
"""

import os
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.checks import Warning
from django.http.request import validate_host
from redis.exceptions import RedisError
from wagtail.search.backends import get_search_backend

from . import caching
from .views import SEARCH_BACKEND_ERRORS, search_error_text, search_server_address

#: Seconds the search server is given to answer: start-up must not hang on a lost server.
SEARCH_PROBE_TIMEOUT = 2

REDIS_BACKEND = "django_redis.cache.RedisCache"


def check_redis(app_configs, **kwargs):
    """A warning for each Redis server of the caches that does not answer a ping.

    The ping goes through the cache's own client, with the connection options and short
    timeouts of the settings, so it meets Redis exactly as a request would.
    """
    warnings = []
    for location, alias in _redis_caches().items():
        try:
            caches[alias].client.get_client(write=True).ping()
        except RedisError as error:
            address = _without_credentials(location)
            warnings.append(
                Warning(
                    f"Redis at {address} (REDIS_URL) cannot be reached: {error}",
                    hint=(
                        "Start Redis or correct REDIS_URL. Until it answers, pages are "
                        "served without the cache, more slowly."
                    ),
                    id="csti_core.W001",
                )
            )
    return warnings


#: What the Elasticsearch client raises while it is built from an address it cannot read
#: (no scheme, a port that is no number), an error that names no setting of ours.
SEARCH_ADDRESS_ERRORS = (TypeError, ValueError)


def check_search_server(app_configs, **kwargs):
    """A warning when the Elasticsearch server of site search does not answer.

    The settings refuse an ``ELASTICSEARCH_URL`` that is no address; a site's own
    ``WAGTAILSEARCH_BACKENDS`` is not read through them, so the check also turns an
    address the client cannot read into a warning rather than a crash of ``check``.
    """
    try:
        client = getattr(get_search_backend(), "es", None)
    except SEARCH_ADDRESS_ERRORS as error:
        return [_unreadable_search_address(error)]
    if client is None:
        return []
    try:
        client.options(request_timeout=SEARCH_PROBE_TIMEOUT, max_retries=0).info()
    except SEARCH_BACKEND_ERRORS as error:
        address = search_server_address()
        return [
            Warning(
                f"Elasticsearch at {address} (ELASTICSEARCH_URL) cannot be reached or used: "
                f"{search_error_text(error)}",
                hint=(
                    "Start Elasticsearch or correct ELASTICSEARCH_URL. Until it answers, "
                    "the search page tells visitors that search is unavailable."
                ),
                id="csti_core.W002",
            )
        ]
    return []


def _unreadable_search_address(error):
    return Warning(
        f"The search server address (ELASTICSEARCH_URL, or URLS in WAGTAILSEARCH_BACKENDS) "
        f"cannot be read: {type(error).__name__}: {error}",
        hint=(
            "Write it with its scheme and host, e.g. http://127.0.0.1:9200. Until then, "
            "site search does not work."
        ),
        id="csti_core.W003",
    )


#: The folders, under ``MEDIA_ROOT``, where Wagtail writes image sizes, uploaded images and
#: uploaded documents; ``""`` is ``MEDIA_ROOT`` itself, where it makes the missing ones.
MEDIA_FOLDERS = ("", "images", "original_images", "documents")


def check_media_folders(app_configs, **kwargs):
    """A warning for each media folder that exists but that the site cannot write into.

    A folder not made yet is no fault: the site makes it when it first writes there, which
    the check of ``MEDIA_ROOT`` itself covers.
    """
    root = Path(settings.MEDIA_ROOT)
    return [
        _unwritable_media_folder(folder)
        for folder in (root / name for name in MEDIA_FOLDERS)
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK)
    ]


def _unwritable_media_folder(folder):
    return Warning(
        f"The media folder {folder} (MEDIA_ROOT) cannot be written by this process.",
        hint=(
            "Give the user the site runs as the right to write there (chown or chmod). "
            "Until then, pages show no image whose size is not made yet, and uploads of "
            "images and documents are refused."
        ),
        id="csti_core.W004",
    )


def check_cache_generation_file(app_configs, **kwargs):
    """A warning when processes without Redis cannot share the cache generation.

    Without ``REDIS_URL`` each process has a cache of its own and learns of other processes'
    changes (another worker's publication, a cron job) from a file it must be able to write
    (:mod:`csti_cms.core.caching`). A file not made yet is no fault, nor is its folder (a
    new install's ``CSTI_DATA_DIR`` on PostgreSQL): the first change makes them.
    """
    if _redis_caches():
        return []
    path = caching.generation_file_path()
    if path.exists():
        usable = os.access(path, os.R_OK) and os.access(path.parent, os.W_OK | os.X_OK)
    else:
        folder = next(parent for parent in path.parents if parent.exists())
        usable = folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
    if usable:
        return []
    return [
        Warning(
            f"The cache generation file {path} cannot be read or written by this process.",
            hint=(
                "Give the user the site runs as the right to write in its folder (CSTI_DATA_DIR), "
                "or set REDIS_URL. Until then, each process shows the changes made in another "
                "one (a cron job, another worker) only once its cached pages expire."
            ),
            id="csti_core.W005",
        )
    ]


#: Django's e-mail backends that keep mail on the server (the log, memory, files) or drop it.
UNDELIVERING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
}


def check_email_backend(app_configs, **kwargs):
    """A warning when the e-mail backend delivers nothing.

    The development default writes each mail to the log and reports it sent: a centre's team
    would never hear of a booking or quote request, which is recorded as notified and never
    sent again. A warning, not a refusal: an install may mean to send no mail.
    """
    if settings.EMAIL_BACKEND not in UNDELIVERING_EMAIL_BACKENDS:
        return []
    return [
        Warning(
            f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which delivers no mail: teams are "
            "not told of booking and quote requests, nor editors of pages to review.",
            hint=(
                "Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the "
                "EMAIL_HOST of your mail relay."
            ),
            id="csti_core.W006",
        )
    ]


def check_sender_address(app_configs, **kwargs):
    """A warning when the site's mail would leave from an address no mail server accepts.

    Django's default sender, ``webmaster@localhost``, names no domain of the Internet, and
    receiving servers commonly refuse such mail as spam.
    """
    _mailbox, at, domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")
    if at and domain and domain.lower() != "localhost":
        return []
    return [
        Warning(
            f"DEFAULT_FROM_EMAIL is {settings.DEFAULT_FROM_EMAIL!r}, an address mail servers "
            "refuse: the team's notifications and password resets may never arrive.",
            hint="Set DEFAULT_FROM_EMAIL to an address of the centre's domain, e.g. "
            "web@example-centre.org.",
            id="csti_core.W007",
        )
    ]


def check_admin_address(app_configs, **kwargs):
    """A warning when ``WAGTAILADMIN_BASE_URL`` names a host the site does not answer to.

    Wagtail builds the links of its own e-mails (pages submitted for review, comments) on it;
    left at its development default, they lead to the reader's own computer.
    """
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", None)
    if base_url is None:  # Wagtail's own check, wagtailadmin.W003, asks for it
        return []
    if validate_host(urlsplit(base_url).hostname or "", settings.ALLOWED_HOSTS):
        return []
    return [
        Warning(
            f"WAGTAILADMIN_BASE_URL is {base_url!r}, whose host is not "
            "in ALLOWED_HOSTS: the links in Wagtail's e-mails to editors lead nowhere.",
            hint="Set WAGTAILADMIN_BASE_URL to the public address of the admin, e.g. "
            "https://www.example-centre.org.",
            id="csti_core.W008",
        )
    ]


def _redis_caches():
    """``{location: alias}``: one cache alias for each Redis server the caches write to.

    A location may list replicas after the server written to; the first is the one asked.
    """
    found = {}
    for alias, options in settings.CACHES.items():
        if options.get("BACKEND") == REDIS_BACKEND:
            location = options["LOCATION"]
            if isinstance(location, list | tuple):
                location = location[0]
            found.setdefault(location.split(",")[0], alias)
    return found


def _without_credentials(url):
    """``url`` without the user name and password an operator may have written in it."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
