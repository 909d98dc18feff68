"""What every public page reads of its site, kept in the cache between requests.

Each page shows the centre's branding, its contact details and its navigation. Read from the
database, they would cost several queries per request, although they change only when an
editor publishes a page or saves a setting. They are cached under a *generation* that every
such change moves on, so the next request after a change reads them afresh.

Where the generation lives decides who sees a change at once, so it lives where every process
of the install reads it:

- with ``REDIS_URL``, in Redis, next to the entries. A process that could not write a new
  generation there (Redis unreachable, paused after a failure, or refusing writes when out of
  memory) remembers it, serves its pages without the cache meanwhile and writes it as soon
  as Redis takes it. A process that ends still owing one (a cron job) logs an error: a
  new generation started by every process back from an outage would instead empty every
  worker's cache after each slow answer of a busy Redis;
- without it, each process has a cache of its own, and the generation lives in a file of
  ``CSTI_DATA_DIR`` (``CSTI_CACHE_GENERATION_FILE``) that web workers, cron jobs and
  ``manage.py`` commands all read and write: one ``os.stat`` per request tells a process
  that another one has moved it on. If the file cannot be used, the process logs it once and
  keeps a generation of its own, which other processes' changes reach only once its entries
  expire (:data:`TIMEOUT`, or ``CSTI_PAGE_CACHE_SECONDS`` for whole pages).
"""

import atexit
import contextlib
import functools
import logging
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import redis_cache
from .request_readings import forget_readings, read_once

#: Seconds a cached entry lives: the longest a process with a generation of its own may
#: show another process's change.
TIMEOUT = 60

GENERATION_KEY = "csti:site-generation"
#: Name of the generation file in ``CSTI_DATA_DIR`` unless ``CSTI_CACHE_GENERATION_FILE``
#: names another.
GENERATION_FILE_NAME = "cache-generation"
#: Seconds after which a temporary generation file is a writer's leftover, not a write under
#: way: writing one takes microseconds, so only a process killed mid-write leaves one that old.
LEFTOVER_SECONDS = 5 * 60
_MISSING = object()

logger = logging.getLogger(__name__)


def generation():
    """The current generation of published content and settings; None while there is none.

    There is none while the cache cannot keep one: Redis is down and its errors are
    ignored (``_caches`` in the settings), so every read misses and nothing is cached, or
    this process holds a change it could not write to Redis yet. Asking costs no wait
    meanwhile: once Redis could not be reached, the cache answers without it for a few
    seconds (:mod:`csti_cms.core.redis_cache`).
    """
    return read_once(GENERATION_KEY, _read_generation)


def _read_generation():
    if _cache_is_per_process():
        current = _generation_file.read(generation_file_path())
        if current is not None:
            return current
    current = _cached_generation()
    # Checked after the read, which may be the one that finds Redis back after an outage.
    if _unwritten_generation.is_set():
        # None until written: the cached entries predate a change not told to others yet.
        return _write_cached_generation()
    return current


def _cached_generation():
    """The generation kept in the cache itself, started if there is none yet."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        fresh = uuid.uuid4().hex
        # add() keeps the generation another process may have started meanwhile.
        if cache.add(GENERATION_KEY, fresh, None):
            return fresh
        current = cache.get(GENERATION_KEY)
    return current


@functools.cache
def _cache_is_per_process():
    """Whether each process has a cache of its own (no ``REDIS_URL``): other processes
    then learn of a new generation from the generation file only.

    Asked on every request, so remembered until the settings change (tests change them).
    """
    return isinstance(caches["default"], LocMemCache)


@functools.cache
def generation_file_path():
    """Where processes without a shared cache keep the generation."""
    configured = getattr(settings, "CSTI_CACHE_GENERATION_FILE", None)
    return Path(configured or Path(settings.DATA_DIR) / GENERATION_FILE_NAME)


@receiver(setting_changed)
def _forget_where_the_generation_lives(setting, **kwargs):
    if setting in {"CACHES", "DATA_DIR", "CSTI_CACHE_GENERATION_FILE"}:
        _cache_is_per_process.cache_clear()
        generation_file_path.cache_clear()


class GenerationFile:
    """The generation in a file every process of the machine reads, for per-process caches.

    A reader stats the file on each request (a couple of microseconds, no query) and reads
    it only when its inode or modification time differs from the last it read. A writer
    replaces the file atomically with a new one stamped with the current time to the
    nanosecond, so no reader ever sees half a generation or mistakes a new file for an old
    one. A file that cannot be read or written is logged once per process and left alone
    from then on: :func:`generation` falls back to the process's own.

    A reader that finds a new generation also drops what Wagtail keeps of the sites in the
    process's cache outside any generation (:func:`forget_wagtail_site_root_paths`): a site
    another process added or renamed would otherwise keep no address, or its old one.
    """

    def __init__(self):
        #: ``((path, inode, mtime), generation)`` of the last read.
        self._last_read = (None, None)
        self._unusable = set()
        self._lock = threading.Lock()

    def read(self, path):
        """The generation in ``path``, started if there is none; None if it cannot be used."""
        if path in self._unusable:
            return None
        try:
            status = os.stat(path)
        except FileNotFoundError:
            return self.write(path)
        except OSError as error:
            return self._give_up(path, error)
        signature = (path, status.st_ino, status.st_mtime_ns)
        last_signature, last_generation = self._last_read
        if signature == last_signature:
            return last_generation
        try:
            current = path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError) as error:
            return self._give_up(path, error)
        self._last_read = (signature, current)
        if current != last_generation:
            forget_wagtail_site_root_paths()
        return current

    def write(self, path):
        """Put a new generation in ``path``; it, or None if the file cannot be written."""
        if path in self._unusable:
            return None
        fresh = uuid.uuid4().hex
        try:
            # A new install's data folder may not exist yet (nothing uploaded or collected).
            path.parent.mkdir(parents=True, exist_ok=True)
            self._remove_leftovers(path)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
        except OSError as error:
            return self._give_up(path, error)
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as stamp:
                stamp.write(fresh)
                # Readable by every process of the install, whichever user wrote it.
                os.fchmod(stamp.fileno(), 0o644)
            now = time.time_ns()
            os.utime(temporary, ns=(now, now))
            os.replace(temporary, path)
        except OSError as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return self._give_up(path, error)
        return fresh

    @staticmethod
    def _remove_leftovers(path):
        """Remove the temporary files of writers killed between writing and renaming.

        Each would stay in the data folder for good, one per killed write. Done by writers
        only (a change, not every request), and only for files older than
        :data:`LEFTOVER_SECONDS`, so a write under way in another process keeps its file;
        one another writer removes first, or a folder that cannot be listed, is no error:
        the generation is written all the same.
        """
        prefix = f".{path.name}-"
        too_old = time.time() - LEFTOVER_SECONDS
        with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
            for entry in entries:
                if not entry.name.startswith(prefix):
                    continue
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < too_old:
                        os.unlink(entry.path)

    def _give_up(self, path, error):
        with self._lock:
            if path in self._unusable:
                return None
            self._unusable.add(path)
        logger.warning(
            "The cache generation file %s cannot be used (%s: %s): this process keeps a "
            "generation of its own, so changes made by other processes show in it only once "
            "its cached entries expire. Make the folder writable by the site's user, or set "
            "REDIS_URL.",
            path,
            type(error).__name__,
            error,
        )
        return None


_generation_file = GenerationFile()


def forget_wagtail_site_root_paths():
    """Drop Wagtail's cached site root paths, from which it builds every page's address.

    Wagtail keeps them in the default cache for an hour, under a key of its own rather than
    under the generation, and drops them only when the process itself saves a site. So
    whoever learns of a new generation drops them: each process its own copy, without
    Redis; with Redis, the process writing the generation the shared one, which a site
    saved during an outage, or read by another process before the save was committed,
    would leave stale. Reading them afresh costs a query or two per site, once per change.
    """
    Site.clear_site_root_paths_cache()


#: Set while this process holds a new generation it could not write to the shared cache.
_unwritten_generation = threading.Event()
_write_lock = threading.Lock()


def cached(key, compute):
    """``compute()``, kept under ``key`` until published content or a setting changes."""
    current = generation()
    if current is None:
        return compute()
    full_key = f"csti:{current}:{key}"
    return read_once(full_key, lambda: _read_or_compute(full_key, compute))


def _read_or_compute(full_key, compute):
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def content_changed(**kwargs):
    """Start a new generation: every entry of :func:`cached` is read afresh.

    Connected to publications, moves, deletions and to settings, images, sites and
    view restrictions; call it after any other change that public pages show, in a web
    request or a ``manage.py`` command alike: every process of the install sees the new
    generation on its next request. It starts one again once the change is committed: a
    request served meanwhile may have cached what the database held before.
    """
    new_generation()
    transaction.on_commit(new_generation)


def new_generation():
    """Start a new generation now, without waiting for a commit.

    :func:`content_changed` is the one to call after a change; this one is for starting
    afresh outside any change (the test suite, between tests: the generation file outlives
    the caches it clears, and so would what processes remember per generation).
    """
    forget_readings()
    if _cache_is_per_process() and _generation_file.write(generation_file_path()):
        return
    _write_cached_generation()


def _write_cached_generation():
    """Write a new generation to the cache: it once it is there, else None.

    Read back rather than trusted: Redis's failures are ignored, so a refused or lost write
    looks like a successful one. Until one is written, the process remembers it owes one
    (:func:`generation` tries again on each request), or a change published during an
    outage would stay unseen by every other process until their entries expire.
    """
    with _write_lock:
        fresh = uuid.uuid4().hex
        cache.set(GENERATION_KEY, fresh, None)
        if cache.get(GENERATION_KEY) == fresh:
            _unwritten_generation.clear()
            forget_wagtail_site_root_paths()
            return fresh
        _unwritten_generation.set()
        return None


def _tell_of_an_unwritten_generation():
    """At exit, one last try to write the generation this process owes, else an error.

    A ``manage.py`` command that publishes while Redis cannot be reached ends before Redis
    answers again: operators are told that other processes may show the previous content.
    """
    if not _unwritten_generation.is_set() or _cache_is_per_process():
        return
    if _write_cached_generation() is not None:
        return
    redis_cache.redis_logger().error(
        "A change could not be written to Redis before this process ended: other processes "
        "may show the previous content until their cached entries expire (at most %s "
        "seconds for whole pages).",
        max(TIMEOUT, getattr(settings, "CSTI_PAGE_CACHE_SECONDS", 0)),
    )


atexit.register(_tell_of_an_unwritten_generation)


def refresh_on_change(*models):
    """Start a new generation whenever an object of one of ``models`` is saved or deleted.

    For what public pages show outside pages and settings: an app calls it from its
    ``ready()`` for every model whose rows its pages show. Whole pages are cached under
    the generation too (:mod:`csti_cms.core.page_cache`), so a model left out would show
    an editor's change only once a cached page expires.
    """
    for model in models:
        label = model._meta.label_lower
        post_save.connect(row_saved, sender=model, dispatch_uid=f"csti-cache-{label}-saved")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"csti-cache-{label}-deleted"
        )


#: Fields Wagtail fills in on its own the first time a page shows a file: an image's or a
#: document's size and hash. Every page rendered meanwhile computed the same values, so
#: writing them changes nothing visitors see.
COMPUTED_FILE_FIELDS = frozenset({"file_size", "file_hash"})


def row_saved(update_fields=None, **kwargs):
    """A new generation, unless only fields Wagtail computes from a file were written."""
    if update_fields and set(update_fields) <= COMPUTED_FILE_FIELDS:
        return
    content_changed()


#: Fields of a page's row that only the admin shows. Saving a draft or locking a page
#: writes only these: the public pages stay as they are, and so do their caches.
ADMIN_ONLY_PAGE_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def page_saved(update_fields=None, **kwargs):
    """A page row was saved: a new generation, unless only admin-only fields were written.

    Publications have their own signal; following every other save as well catches pages
    created live by code (imports, demo content) rather than by an editor's "publish".
    """
    if update_fields and set(update_fields) <= ADMIN_ONLY_PAGE_FIELDS:
        return
    content_changed()


def _is_setting(model):
    return issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def connect_signals():
    """Called once the apps are ready: every page and setting model is known then.

    Receivers are connected per model, so deletions of other models keep Django's
    fast path (it is lost for any model with a ``post_delete`` receiver).
    """
    for name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(content_changed, dispatch_uid=f"csti-cache-page-{name}")
    for model in apps.get_models():
        if issubclass(model, Page):
            post_save.connect(
                page_saved, sender=model, dispatch_uid=f"csti-cache-{model._meta.label_lower}-saved"
            )
            post_delete.connect(
                content_changed,
                sender=model,
                dispatch_uid=f"csti-cache-{model._meta.label_lower}-deleted",
            )
    settings = [model for model in apps.get_models() if _is_setting(model)]
    refresh_on_change(
        *settings, get_image_model(), get_document_model(), Site, Locale, PageViewRestriction
    )


class CachedSiteSetting:
    """Makes a site setting read from the cache instead of the database on each request.

    Put it before ``BaseSiteSetting`` in the bases. Saving any setting starts a new
    generation (:func:`content_changed`), so an editor's change shows on the next request.
    Only ``for_request`` (templates, public views) reads the cache; ``for_site`` (the
    admin's form, e-mail recipients) always reads the database.
    """

    @classmethod
    def for_request(cls, request):
        attribute = cls.get_cache_attr_name()
        if hasattr(request, attribute):
            return getattr(request, attribute)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        key = f"setting:{cls._meta.label_lower}:{site.pk}"
        setting = cached(key, lambda: cls.for_site(site))
        setting._request = request
        setattr(request, attribute, setting)
        return setting
