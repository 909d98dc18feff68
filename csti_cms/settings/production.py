"""Production layer: import it after a site's own settings.

    from csti_cms.settings.base import *
    ...  # the site's own settings
    from csti_cms.settings.production import *

It hardens the settings and turns the page cache on; it never imports the base
settings itself, so a site keeps what it set in between. Start-up fails with a
clear message when ``SECRET_KEY`` or ``ALLOWED_HOSTS`` are missing rather than
running with unsafe defaults, and when ``WAGTAILADMIN_BASE_URL`` is no site address.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_hosts, env_int, env_str, env_web_address

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production, "
        "for example: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    )

ALLOWED_HOSTS = env_hosts("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must list the host names the site answers to, comma-separated "
        "(for example ALLOWED_HOSTS=www.example-centre.org,example-centre.org)."
    )

# The admin's address, on which the links of e-mails are built. Unset, the value of the
# site's own settings stays; ``check --deploy`` warns when it is not a host of ALLOWED_HOSTS.
if _admin_address := env_web_address("WAGTAILADMIN_BASE_URL"):
    WAGTAILADMIN_BASE_URL = _admin_address

# TLS is usually terminated by a reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers ask the health check over plain HTTP, straight on the application's socket.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
# Off unless asked for: a domain's older subdomains served over plain HTTP (ticketing, an
# archive) would be unreachable for SECURE_HSTS_SECONDS from a visitor's first visit.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The language switcher's script writes it (see csti_cms.core.i18n.LanguageVersion.cookie).
LANGUAGE_COOKIE_SECURE = True
# Wagtail's live preview shows the page in a same-origin frame, so DENY would
# break it for editors; SAMEORIGIN still refuses framing by other sites.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Public pages are kept for a minute at most, and never past an editor's change.
CSTI_PAGE_CACHE_SECONDS = env_int("CSTI_PAGE_CACHE_SECONDS", 60)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
