"""The database search backend, reading prefixes as it reads words: without accents.

Wagtail's PostgreSQL backend indexes and queries the words that title prefixes are matched
on ("autocomplete", which site search falls back on to find "Engrenages" from "engrenage")
with PostgreSQL's ``simple`` configuration, whatever ``SEARCH_CONFIG`` says: accents count
there, so "muse" would miss "Musée" while the full-text search finds it from "musee".
``AUTOCOMPLETE_CONFIG`` names the configuration prefixes are read with instead: csti-cms's
settings give ``csti_search`` (csti_core's migration 0004), which never stems (a stemmed
prefix would miss words) and drops accents when PostgreSQL has ``unaccent``; without it,
``csti_search`` is ``simple`` and prefixes keep their accents as words do.

SQLite's full-text tables already drop accents from words and prefixes alike, and other
databases are Wagtail's as they are. Pages indexed with another configuration are read
again by ``update_index``.
"""

from django.db import connections
from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """Wagtail's database backend for the default database, prefixes read as configured."""
    backend = database_search_backend(params)
    autocomplete_config = params.get("AUTOCOMPLETE_CONFIG")
    if autocomplete_config and connections["default"].vendor == "postgresql":
        backend.autocomplete_config = autocomplete_config
    return backend
