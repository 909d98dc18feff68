"""Base settings for a csti-cms site.

Everything an operator changes per deployment comes from the environment
(``DATABASE_URL``, ``REDIS_URL``, ``ELASTICSEARCH_URL``, ``SECRET_KEY``,
``ALLOWED_HOSTS``, ``DEBUG``); the defaults give a working site on one machine
with SQLite, an in-process cache and the database search backend.
"""

from collections.abc import Sequence
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from wagtail.embeds import oembed_providers

from .env import (
    env_bool,
    env_database,
    env_hosts,
    env_int,
    env_list,
    env_log_level,
    env_search_url,
    env_str,
    env_time_zone,
)

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Where a site keeps its runtime data (SQLite file, media, collected static).
# Sites set CSTI_DATA_DIR before importing this module, or the env var does.
DATA_DIR = Path(env_str("CSTI_DATA_DIR", str(Path.cwd() / "var")))

DEBUG = env_bool("DEBUG", False)
# Development-only fallback; production settings refuse to start without SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY") or "csti-cms-insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env_hosts("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "csti_cms.core",
    "csti_cms.plugins",
    "csti_cms.agenda",
    "csti_cms.visit",
    "csti_cms.enquiries",
    "csti_cms.schools",
    "csti_cms.venues",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files leave here, with the security headers they need (nosniff, HSTS) and
    # without the page headers below them (CSP, Permissions-Policy: 1.2 KB each time, more
    # than some scripts weigh), and without reading the database or the cache.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before anything that reads the database: /health/ must tell when it is down.
    "csti_cms.core.health.HealthCheckMiddleware",
    # Above everything that reads the cache, the page cache and its Content-Security-Policy
    # included: a request reads each entry once.
    "csti_cms.core.request_readings.RequestReadingsMiddleware",
    # Above the page cache: pages from the cache get the Content-Security-Policy too.
    "csti_cms.core.content_security.ContentSecurityPolicyMiddleware",
    # Above the page cache: a page from the cache, with the ETag stored with it, is a 304
    # without a body to a browser that has it already.
    "django.middleware.http.ConditionalGetMiddleware",
    "csti_cms.core.page_cache.PageCacheMiddleware",
    "csti_cms.core.middleware.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "csti_cms.core.middleware.LiveLanguageLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csti_cms.core.redirects.CentreRedirectMiddleware",
    "csti_cms.plugins.middleware.PluginSiteMiddleware",
]

# Plugins are found by `discover_plugins(globals())` at the end of a site's settings.
CSTI_PLUGINS_EXCLUDE = env_list("CSTI_PLUGINS_EXCLUDE")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

if not env_str("DATABASE_URL"):
    # The embedded default: an SQLite file in the site's data folder.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{DATA_DIR / 'csti.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


#: Seconds to wait for Redis to connect or answer; a healthy server takes about a millisecond.
#: An entry it cannot give in that time counts as a miss.
REDIS_SOCKET_TIMEOUT = 0.2


def _caches(redis_url, prefix):
    """The default cache, a renditions cache and a pages cache, on Redis when configured.

    ``prefix`` keeps several installs apart when they share one Redis server. Pages have
    a cache of their own so that many addresses cannot push out what every page reads.
    Redis only holds what can be computed again, so when it is down or slow the caches
    report a miss (``IGNORE_EXCEPTIONS``) and the site keeps answering, only slower; once
    Redis could not be reached, they do not ask it for ``CSTI_REDIS_OUTAGE_PAUSE`` seconds.
    """
    if redis_url:
        backend = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                "CLIENT_CLASS": "csti_cms.core.redis_cache.OutageBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
            },
        }
        return {
            "default": {**backend, "KEY_PREFIX": prefix},
            "renditions": {**backend, "KEY_PREFIX": f"{prefix}-renditions", "TIMEOUT": 24 * 3600},
            "pages": {**backend, "KEY_PREFIX": f"{prefix}-pages"},
        }
    local = "django.core.cache.backends.locmem.LocMemCache"
    return {
        "default": {"BACKEND": local, "LOCATION": "csti-default"},
        "renditions": {"BACKEND": local, "LOCATION": "csti-renditions", "TIMEOUT": 24 * 3600},
        "pages": {"BACKEND": local, "LOCATION": "csti-pages", "OPTIONS": {"MAX_ENTRIES": 1000}},
    }


REDIS_URL = env_str("REDIS_URL")
CACHES = _caches(REDIS_URL, env_str("CACHE_KEY_PREFIX", "csti"))
# The cache client logs under csti_cms.redis, with the cause, when Redis cannot be reached and
# when it answers again, and each error Redis answers with; django-redis's own line for every
# operation it ignores would repeat an outage once per operation.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
DJANGO_REDIS_LOGGER = "csti_cms.redis"
# Seconds the caches leave Redis alone, every operation a miss, once it could not be reached
# (csti_cms.core.redis_cache): a lost server then costs one timeout, not one per operation.
# A cache's OPTIONS may give its own as OUTAGE_PAUSE.
CSTI_REDIS_OUTAGE_PAUSE = 5
# Seconds a public page is kept for the next visitors (csti_cms.core.page_cache); 0 is off,
# as on a workstation, where templates change under the developer's hands.
CSTI_PAGE_CACHE_SECONDS = env_int("CSTI_PAGE_CACHE_SECONDS", 0, minimum=0)

# Days ahead the agenda lists the dates of a repeating event (the daily agenda_refresh job moves
# the window on), and days back the archive keeps them (csti_cms.agenda.recurrence).
CSTI_AGENDA_HORIZON_DAYS = env_int("CSTI_AGENDA_HORIZON_DAYS", 550, minimum=1)
CSTI_AGENDA_ARCHIVE_DAYS = env_int("CSTI_AGENDA_ARCHIVE_DAYS", 365, minimum=0)
# Days a booking or quote request keeps the details of the person who sent it; 0 keeps them
# (csti_cms.enquiries.retention).
CSTI_REQUEST_RETENTION_DAYS = env_int("CSTI_REQUEST_RETENTION_DAYS", 730, minimum=0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. LANGUAGES equals the content languages on purpose: a UI-only language
# would serve the same pages under a second URL prefix. An install chooses its languages
# with LANGUAGES alone, in its site's settings (LANGUAGE_CODE among them: the language of a
# new centre's home); the content and admin languages follow it, whatever module sets it
# ("Languages" in docs/self-hosting.md).
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("en", "English"),
]


class _SameAsLanguages(Sequence):
    """The final ``LANGUAGES``, read when used: a site's settings module that sets
    ``LANGUAGES`` after importing these would otherwise leave the content languages
    naming a language it dropped, which Wagtail refuses at every command."""

    def __getitem__(self, index):
        from django.conf import settings

        return settings.LANGUAGES[index]

    def __len__(self):
        from django.conf import settings

        return len(settings.LANGUAGES)

    def __repr__(self):
        return "LANGUAGES"


WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = _SameAsLanguages()
# A page submitted for translation becomes a draft in the other languages, published once its
# translator publishes it: otherwise /nl/ would show the French text the moment it is submitted.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# English dates day first and times on the 24-hour clock, as in Belgium (csti_cms/formats).
FORMAT_MODULE_PATH = ["csti_cms.formats"]
USE_I18N = True
# The language a visitor chooses in the language switcher, remembered for a year
# (csti_cms.core.i18n.LanguageVersion.cookie).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_TZ = True
TIME_ZONE = env_time_zone("TIME_ZONE", "Europe/Brussels")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "csti-cms"
# Slugs in plain letters ("lumieres-du-cosmos"): an accented address is shared as
# "lumi%C3%A8res-du-cosmos", and the demo's and translations' slugs are plain already.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Refuses damaged or incomplete image files on upload, which pages could not show, and
# stores photos upright, without their metadata (GPS position) and at most
# CSTI_IMAGE_MAX_SIDE pixels on their longest side.
WAGTAILIMAGES_IMAGE_FORM_BASE = "csti_cms.core.image_uploads.ImageForm"
CSTI_IMAGE_MAX_SIDE = env_int("CSTI_IMAGE_MAX_SIDE", 4000, minimum=1000)
# Refuses larger images with a message: a 60-megapixel image takes about 250 MB of memory
# to decode, a larger one may be a file made to exhaust it (a decompression bomb).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
WAGTAILDOCS_DOCUMENT_FORM_BASE = "csti_cms.core.document_uploads.DocumentForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Videos come from YouTube and Vimeo only, the providers whose players the
# Content-Security-Policy lets browsers frame (frame-src below) and the video block accepts
# (csti_cms.blocks.players.VIDEO_PROVIDERS): a link to another provider is refused when the
# page is saved, not shown to visitors as a blocked frame or script.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
WAGTAILADMIN_PERMITTED_LANGUAGES = _SameAsLanguages()
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The password and login forms of private pages, in the site's layout (Wagtail's own are bare
# pages without the site's header, footer, stylesheet or noindex).
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "csti_core/password_required.html"
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "csti_core/login.html"
# Where a login without a page to go back to leads: the visitor's home (Django's default,
# /accounts/profile/, is no page of the site).
LOGIN_REDIRECT_URL = "/"
# Wagtail would show editors' avatars from Gravatar, sending a hash of each editor's e-mail
# address to a third party on every admin page; editors upload an avatar in their account.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

ELASTICSEARCH_URL = env_search_url("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's Elasticsearch 8 backend, whose index updates on publishing leave a
            # server that could not answer alone (csti_cms.core.search_server).
            "BACKEND": "csti_cms.core.search_server",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "csti_"),
            # A search or an index update waits at most this long, asked once: a server that
            # accepts connections but never replies holds a worker no longer, while the
            # visitor or the editor waits. update_index's batches have longer.
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # Wagtail's database backend, reading title prefixes as configured below
            # (csti_cms.core.search_database).
            "BACKEND": "csti_cms.core.search_database",
            # On PostgreSQL, one index holds French, Dutch and English pages: the text search
            # configuration of csti_core's migration 0004 (``simple`` without accents) reads
            # them alike, whatever the server's default language (SQLite ignores it), and
            # reads the title prefixes search falls back on too, so accents count in neither.
            "SEARCH_CONFIG": "csti_search",
            "AUTOCOMPLETE_CONFIG": "csti_search",
        }
    }
# Seconds each process leaves the search server alone once it could not answer: searches
# answer 503 and published pages are left out of the index at once, without waiting for it.
CSTI_SEARCH_OUTAGE_PAUSE = 30

# The header the reverse proxy sets to the visitor's address (e.g. X-Real-IP), which the
# public forms' rate limit counts by; empty: the connection's address (no proxy).
CSTI_CLIENT_ADDRESS_HEADER = env_str("CSTI_CLIENT_ADDRESS_HEADER", "")

# The agenda map draws tiles from this server (visitors' browsers fetch them: the only outside
# resource of the theme). Use your own tile server or a provider whose terms you accept.
CSTI_MAP_TILE_URL = env_str("CSTI_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
CSTI_MAP_ATTRIBUTION = env_str(
    "CSTI_MAP_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)

# The video block's players (csti_cms.blocks.players, WAGTAILEMBEDS_FINDERS): the only other
# sites whose pages the site frames, in the Content-Security-Policy and the Permissions-Policy.
VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

# Content-Security-Policy (csti_cms.core.content_security): where visitors' browsers may load
# scripts, styles, images and frames from. The middleware adds the host of CSTI_MAP_TILE_URL to
# img-src and the hash of the branding <style> to style-src. A centre allows another host without
# code through CSTI_CONTENT_SECURITY_POLICY_EXTRA, written as in the header, for example
# "script-src https://stats.example.org; connect-src https://stats.example.org".
CSTI_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    # The video block's players, loaded when the visitor plays a video.
    "frame-src": list(VIDEO_PLAYER_ORIGINS),
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
CSTI_CONTENT_SECURITY_POLICY_EXTRA = env_str("CSTI_CONTENT_SECURITY_POLICY_EXTRA")
# Wagtail's admin still writes inline scripts and styles (date pickers, inline panels, the
# workflow and comment widgets), previews images being uploaded from blob: addresses and shows
# the page preview in a frame of the site itself. It keeps the rest of the public policy: no
# outside script, no plugin objects, no framing by other sites.
CSTI_ADMIN_CONTENT_SECURITY_POLICY_EXTRA = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
}

# Permissions-Policy (django-permissions-policy): the browser features pages may use. The site
# itself uses none; the video players get what playing takes (starting at the visitor's click,
# full screen, picture in picture, protected media). Whatever script slipped into a page, or a
# frame, cannot ask visitors for their camera, microphone, location or a payment.
_VIDEO_PLAYING = ["self", *VIDEO_PLAYER_ORIGINS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _VIDEO_PLAYING,
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": _VIDEO_PLAYING,
    "fullscreen": _VIDEO_PLAYING,
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _VIDEO_PLAYING,
    "serial": [],
    "usb": [],
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "EMAIL_USE_TLS and EMAIL_USE_SSL are both set: use one only, EMAIL_USE_TLS for "
        "STARTTLS (usually port 587) or EMAIL_USE_SSL for implicit TLS (usually port 465)."
    )
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "csti_cms.core.log_format.OperatorFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
        }
    },
    "filters": {"routine_as_warning": {"()": "csti_cms.core.log_format.RoutineAsWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "csti_cms": {
            "handlers": ["console"],
            "level": env_log_level("CSTI_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        # A refused Host header is bots' routine, not an application error.
        "django.security.DisallowedHost": {"filters": ["routine_as_warning"]},
        # With the search server down, the client logs each attempt with a traceback; the
        # site logs the outage on one line, with its cause (csti_cms.core.search_server).
        "elastic_transport": {"level": "ERROR"},
        "elasticsearch": {"level": "ERROR"},
    },
}
