"""The Elasticsearch server of site search, left alone for a while once it could not answer.

A server that accepts connections but never replies holds each request for the client's
whole timeout (``TIMEOUT`` of the search backend, asked once: the settings give no retry).
With a few searches at once every worker of the site waits on it, and pages that search
nothing wait behind them; publishing a page waits too, for its index update. So once the
server could not be used, each process leaves it alone for ``CSTI_SEARCH_OUTAGE_PAUSE``
seconds: searches answer "search is unavailable" (503) at once, and pages published
meanwhile are left out of the index (``update_index`` adds them). The first search or index
update after the pause asks the server again; the others keep the pause until it knows.

Operators read one warning when an outage starts, naming the server and the cause, one line
for each page left out of the index, and one line when the server answers again.
"""

import logging
import threading
from contextlib import contextmanager
from copy import deepcopy

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch8 import Elasticsearch8Mapping, Elasticsearch8SearchBackend
from modelsearch.utils import deep_update

from csti_cms.core.outage_pause import OutagePause

#: What the Elasticsearch client raises when the search server is down, too slow or refuses
#: a request: the visitor is told search is unavailable, while other errors stay errors.
SEARCH_BACKEND_ERRORS = (TransportError, ApiError)

#: Seconds the search server is left alone after it could not be used, unless the settings
#: give another ``CSTI_SEARCH_OUTAGE_PAUSE``.
DEFAULT_OUTAGE_PAUSE = 30

#: Seconds ``update_index`` gives the server for each batch of pages it sends, longer than a
#: search's: a batch holds up to a thousand pages, and no visitor waits for it.
INDEX_BATCH_TIMEOUT = 30

#: The most characters of the server's answer an operator reads in a log line or a check.
ANSWER_EXCERPT_LENGTH = 200

#: The articles French glues to the next word ("l'énergie", "qu'il", "jusqu'où"): Dutch and
#: English words written with an apostrophe ("'s avonds", "it's") keep theirs.
FRENCH_ELIDED_ARTICLES = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

#: What every word goes through, in an index holding French, Dutch and English pages: the
#: French article dropped, then lowercase and without accents, as visitors type ("energie"
#: finds "l'Énergie"). No language's stemming or stop words fits all three.
WORD_FILTERS = ["french_elision", "lowercase", "asciifolding"]

#: The index settings of :class:`SearchBackend`, over Wagtail's: the ``default`` analyzer reads
#: every text field (and the words searched) that names no analyzer of its own; the ngram
#: analyzers of autocompletion drop articles too.
LANGUAGE_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELIDED_ARTICLES,
                },
            },
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "standard", "filter": WORD_FILTERS},
                "ngram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [*WORD_FILTERS, "ngram"],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [*WORD_FILTERS, "edgengram"],
                },
            },
        }
    }
}

logger = logging.getLogger(__name__)


class SearchPaused(TransportError):
    """Raised, instead of asking the search server, while it is left alone after a failure."""


class SearchOutage:
    """Whether one search server is taken for down, shared by every thread of a process."""

    def __init__(self, address, pause):
        self.address = address
        self.pause = pause
        self._pause = OutagePause(pause)

    @contextmanager
    def asking(self):
        """Around the requests to the server: raises :class:`SearchPaused` instead while it
        is left alone, and notes whether they failed."""
        if self._pause.holds():
            raise SearchPaused(
                f"the search server is left alone for {self.pause} seconds after a failure"
            )
        try:
            yield
        except SEARCH_BACKEND_ERRORS as error:
            if self._pause.went_down():
                logger.warning(
                    "Search is unavailable: the search server at %s cannot be used (%s). "
                    "Searches answer 503 and published pages are left out of its index, "
                    "without asking it, for %s seconds at a time until it answers again.",
                    self.address,
                    search_error_text(error),
                    self.pause,
                )
            raise
        if self._pause.answered():
            logger.info("The search server at %s answers again: search is back.", self.address)


_outages = {}
_outages_lock = threading.Lock()


def outage_of(address):
    """The outage state of the search server at ``address`` in this process: every search,
    index update and thread shares it, so an outage is paused and logged once."""
    pause = getattr(settings, "CSTI_SEARCH_OUTAGE_PAUSE", DEFAULT_OUTAGE_PAUSE)
    with _outages_lock:
        if (address, pause) not in _outages:
            _outages[address, pause] = SearchOutage(address, pause)
        return _outages[address, pause]


def server_address(client):
    """Where the Elasticsearch ``client`` asks, for operators' logs and checks.

    The addresses come from the client, which keeps user names and passwords apart from them.
    """
    return ", ".join(node.base_url for node in client.transport.node_pool.all())


def search_error_text(error):
    """What went wrong with the search server, on one line.

    The client's own account, which ``str()`` cuts short (a refused connection reads
    "Connection error" alone), after the name of the error. An answer that is not
    Elasticsearch's (a web server answering 404 on the address) may have no body the
    client can read: its HTTP status tells what happened.
    """
    if isinstance(error, ApiError):
        excerpt = _excerpt(error.message) if error.body not in (None, "") else ""
        return f"it answered HTTP {error.meta.status}" + (f": {excerpt}" if excerpt else "")
    return f"{type(error).__name__}: {_excerpt(getattr(error, 'message', None) or str(error))}"


def _excerpt(text):
    lines = str(text).strip().splitlines()
    return lines[0][:ANSWER_EXCERPT_LENGTH] if lines else ""


class LanguageMapping(Elasticsearch8Mapping):
    """Words typed in a prefix search (the search page's fallback, autocompletion) are read
    as the index reads words: without French articles and accents (the ``default``
    analyzer), where the search library would read them with the ``standard`` one."""

    edgengram_analyzer_config = {"analyzer": "edgengram_analyzer", "search_analyzer": "default"}


class SearchBackend(Elasticsearch8SearchBackend):
    """Wagtail's Elasticsearch 8 backend, whose index updates on publishing leave the
    server alone during an outage and never fail the editor's publishing.

    Named by ``BACKEND`` in ``WAGTAILSEARCH_BACKENDS`` (``csti_cms.core.search_server``).
    Its index reads the three languages alike (:data:`LANGUAGE_INDEX_SETTINGS`);
    ``INDEX_SETTINGS`` in the backend's settings still refine it.
    """

    settings = deep_update(deepcopy(Elasticsearch8SearchBackend.settings), LANGUAGE_INDEX_SETTINGS)
    mapping_class = LanguageMapping

    def __init__(self, params):
        super().__init__(params)
        self.rebuilder_class = patient(self.rebuilder_class)

    def add(self, obj):
        self._update_index(super().add, obj)

    def delete(self, obj):
        self._update_index(super().delete, obj)

    def bulk(self, client, actions, **kwargs):
        """``update_index``'s batches, given longer than a search (:data:`INDEX_BATCH_TIMEOUT`)."""
        return super().bulk(client.options(request_timeout=INDEX_BATCH_TIMEOUT), actions, **kwargs)

    def _update_index(self, update, obj):
        """``update(obj)``, or one warning line naming the page left out of the index.

        The search library would log each failure as an error with the client's traceback.
        """
        try:
            with outage_of(server_address(self.es)).asking():
                update(obj)
        except SEARCH_BACKEND_ERRORS as error:
            logger.warning(
                "The search index was not updated for %r (%s): run update_index once the "
                "search server answers.",
                obj,
                search_error_text(error),
            )


def patient(rebuilder_class):
    """``rebuilder_class`` talking to the server with :data:`INDEX_BATCH_TIMEOUT`.

    ``update_index`` creates an index, its mapping and its alias and refreshes it through
    the rebuilder: on a busy server these take longer than a visitor waits for a search,
    and with the search's short timeout the rebuild would fail on a healthy server.
    """

    class PatientRebuilder(rebuilder_class):
        def __init__(self, index):
            index.es = index.es.options(request_timeout=INDEX_BATCH_TIMEOUT)
            super().__init__(index)
            # The atomic rebuilder builds a new index beside the alias, from the backend.
            self.index.es = index.es

    PatientRebuilder.__name__ = PatientRebuilder.__qualname__ = f"Patient{rebuilder_class.__name__}"
    return PatientRebuilder
