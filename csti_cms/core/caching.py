"""What every public page reads of its site, kept in the cache between requests.

Each page shows the centre's branding, its contact details and its navigation. Read from the
database, they would cost several queries per request, although they change only when an
editor publishes a page or saves a setting. They are cached under a *generation* that every
such change moves on, so the next request after a change reads them afresh.

The default cache lives in each process. An install served by several processes sets
``REDIS_URL`` so they share one; without it, another process shows a change once its
entries expire, after :data:`TIMEOUT` seconds at most.
"""

import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

#: Seconds a cached entry lives: the longest another process may show a change.
TIMEOUT = 60

GENERATION_KEY = "csti:site-generation"
_MISSING = object()


def generation():
    """The current generation of published content and settings; None while there is none.

    There is none while the cache cannot keep one: Redis is down and its errors are
    ignored (``_caches`` in the settings), so every read misses and nothing is cached.
    Asking costs no wait meanwhile: once Redis could not be reached, the cache answers
    without it for a few seconds (:mod:`csti_cms.core.redis_cache`).
    """
    current = cache.get(GENERATION_KEY)
    if current is None:
        fresh = uuid.uuid4().hex
        # add() keeps the generation another process may have started meanwhile.
        if cache.add(GENERATION_KEY, fresh, None):
            return fresh
        current = cache.get(GENERATION_KEY)
    return current


def cached(key, compute):
    """``compute()``, kept under ``key`` until published content or a setting changes."""
    current = generation()
    if current is None:
        return compute()
    full_key = f"csti:{current}:{key}"
    value = cache.get(full_key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def content_changed(**kwargs):
    """Start a new generation: every entry of :func:`cached` is read afresh.

    Connected to publications, moves, deletions and to settings, images, sites and
    view restrictions; call it after any other change that public pages show. It starts
    one again once the change is committed: a request served meanwhile may have cached
    what the database held before.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


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
