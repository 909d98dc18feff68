"""Typed readers for configuration that comes from the environment.

Operators configure a site through environment variables (twelve-factor style);
these helpers turn them into Python values and fail with a message that names the
variable when a value cannot be understood.
"""

import difflib
import os
import zoneinfo
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean: use 1/0, true/false, yes/no.")


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name, default, minimum=None):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} is below {minimum}.")
    return value


#: The log levels an operator may choose, from the most talkative.
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def env_log_level(name, default):
    """A log level in any case (``debug`` as well as ``DEBUG``).

    Python's logging knows only upper-case names and would stop start-up with a
    message about a logger rather than the variable.
    """
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    level = raw.strip().upper()
    if level not in LOG_LEVELS:
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a log level: use one of {', '.join(LOG_LEVELS)}."
        )
    return level


def env_hosts(name, default=()):
    """Host names, comma-separated, as ``ALLOWED_HOSTS`` wants them.

    An address copied from the browser (``https://www.example-centre.org/``) would pass
    Django's checks, then every request would answer 400: it is refused at start-up.
    """
    hosts = env_list(name, default)
    for host in hosts:
        if "://" in host or "/" in host:
            raise ImproperlyConfigured(
                f"{name} lists {host!r}: give host names only, without scheme or slash "
                f"(for example {name}=www.example-centre.org,example-centre.org)."
            )
    return hosts


def env_time_zone(name, default):
    """A time zone of the IANA database, such as ``Europe/Brussels``.

    Django refuses an unknown zone with a bare ``ValueError`` that names neither the
    variable nor the zone meant: a city alone (``Paris``) is a common slip.
    """
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    zone = raw.strip()
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        meant = close_time_zone(zone)
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a time zone: "
            + (f"did you mean {meant}? " if meant else "")
            + "Write a region and a city of the time zone database, such as Europe/Brussels."
        ) from None
    return zone


def close_time_zone(zone):
    """The known time zone ``zone`` was likely meant as, by its city or else its spelling."""
    known = sorted(zoneinfo.available_timezones())
    city = zone.rsplit("/", 1)[-1].replace(" ", "_").lower()
    by_city = [name for name in known if name.rsplit("/", 1)[-1].lower() == city]
    if by_city:
        return by_city[0]
    by_spelling = {name.lower(): name for name in known}
    matches = difflib.get_close_matches(zone.replace(" ", "_").lower(), by_spelling, n=1)
    return by_spelling[matches[0]] if matches else None


#: What a database address looks like, for messages: never the operator's own password.
DATABASE_URL_FORM = "postgres://user:password@host:5432/name"


def env_database(name, default, **options):
    """The database described by the URL in ``name`` (``default`` when unset), for ``DATABASES``.

    dj-database-url's own errors name neither the variable nor the likely cause, and
    an unencoded ``#`` in a password silently cuts the address short until the first
    connection fails. The message never repeats the address: it holds the password.
    """
    url = env_str(name) or default
    problem = (
        f"{name} is not a database address of the form {DATABASE_URL_FORM}. Special "
        "characters in the password (such as # / ? @ : %) must be percent-encoded, "
        "e.g. # as %23."
    )
    if "#" in url:
        raise ImproperlyConfigured(problem)
    try:
        database = dj_database_url.parse(url, **options)
    except ValueError:
        raise ImproperlyConfigured(problem) from None
    if not database.get("NAME"):
        raise ImproperlyConfigured(problem)
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(SQLITE_SHARED_BY_WORKERS)
    return database


#: An SQLite file shared by several web workers and the scheduled jobs. By default a
#: transaction takes the write lock only when it first writes: one that read first and
#: then finds another writer fails at once with "database is locked" (a server error for
#: a visitor sending a form while an editor publishes), whatever the timeout. Taken at
#: the start (IMMEDIATE), the second writer waits up to ``timeout`` seconds instead. The
#: write-ahead log lets pages be read while a write goes on.
SQLITE_SHARED_BY_WORKERS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


#: What a search server address looks like, for messages: never the operator's own password.
SEARCH_URL_FORM = "http://127.0.0.1:9200 or https://user:password@search.example-centre.org:9243"


def env_search_url(name):
    """The Elasticsearch server's address in ``name``, or "" when unset (database search).

    The Elasticsearch client takes an address without scheme (``127.0.0.1:9200``) or a
    stray word at face value, then fails deep inside on the first command, ``check`` and
    ``migrate`` included, with an error that names neither the variable nor the cause. The
    message never repeats the address: a managed service's address holds a password.
    """
    url = env_str(name).strip()
    if not url:
        return ""
    problem = f"{name} is not a search server address: write it as {SEARCH_URL_FORM}."
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it raises ValueError for a port that is no number
    except ValueError:
        raise ImproperlyConfigured(problem) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(problem)
    return url


#: What a site's public address looks like, for messages.
WEB_ADDRESS_FORM = "https://www.example-centre.org (http or https, a host name, maybe a port)"


def env_web_address(name, default=""):
    """The site address in ``name``, without a final slash (``default`` when unset).

    Links in e-mails are built by appending paths to it: a host name without scheme, or an
    address with a path, would give links that open nothing.
    """
    url = env_str(name).strip()
    if not url:
        return default
    problem = f"{name}={url!r} is not a site address: write it as {WEB_ADDRESS_FORM}."
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - reading it raises ValueError for a port that is no number
    except ValueError:
        raise ImproperlyConfigured(problem) from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(problem)
    return url.rstrip("/")
