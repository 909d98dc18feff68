"""Helpers of the core's tests: a server whose disk says no, and what operators read in the
log during an outage."""

import contextlib
import errno
import io
import json
import logging
import re
import threading
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from csti_cms.core import database_outage


class FullDiskStorage(FileSystemStorage):
    """The media folder of a server whose disk is full: it reads, and refuses every write
    with the error the operating system gives."""

    def __init__(self):
        super().__init__(location=settings.MEDIA_ROOT)

    def _save(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device", self.path(name))


def png_bytes(size=(80, 60)):
    """A small picture, made in memory."""
    buffer = io.BytesIO()
    PillowImage.effect_mandelbrot(size, (-2, -1.5, 1, 1.5), 100).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


def library_image(title):
    """An image of the media library, its original file written to the media folder and no
    size of it made yet."""
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes()), name="robot-arm.png")
    )


def fill_disk_for(monkeypatch, model):
    """Make the media folder of ``model``'s file refuse every write until the test ends."""
    monkeypatch.setattr(model._meta.get_field("file"), "storage", FullDiskStorage())


@contextlib.contextmanager
def with_site_records(caplog):
    """``caplog``, given the records of ``csti_cms`` too.

    The settings keep ``csti_cms``'s records from the root logger, where ``caplog`` listens
    (they would be written twice); Django's own, such as ``django.request``, reach it.
    """
    logger = logging.getLogger("csti_cms")
    logger.addHandler(caplog.handler)
    try:
        yield caplog
    finally:
        logger.removeHandler(caplog.handler)


def records_of(log, logger_name, level=logging.WARNING):
    """The records of ``logger_name`` (or of its children) at ``level`` or above."""
    return [
        record
        for record in log.records
        if (record.name == logger_name or record.name.startswith(f"{logger_name}."))
        and record.levelno >= level
    ]


def refuse_connection(execute, sql, params, many, context):
    """A database wrapper (``connection.execute_wrapper``) failing as a stopped server does:
    the adapter's error, wrapped by Django."""
    try:
        raise ConnectionRefusedError(
            "connection failed: Connection refused\n\tIs the server running?"
        )
    except ConnectionRefusedError as cause:
        raise OperationalError(str(cause)) from cause


def fresh_outage_warnings(monkeypatch):
    """A process that has not warned of a database outage yet."""
    fresh = database_outage.OutageWarnings(database_outage.WARNING_INTERVAL)
    monkeypatch.setattr(database_outage, "outage_warnings", fresh)
    return fresh


class ElasticsearchStandIn(BaseHTTPRequestHandler):
    """Answers searches and counts with no hits as Elasticsearch does, or with ``status``
    and an empty body, as a web server with nothing at the address may. Keeps the bodies
    it is sent in ``asked``."""

    status = 200
    asked = ()  # a list of its own for each stand-in (see elasticsearch_stand_in)

    def do_POST(self):
        self.asked.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
        body = b""
        if self.status == 200:
            body = json.dumps({"count": 0, "hits": {"total": {"value": 0}, "hits": []}}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST

    def log_message(self, *args):
        """Quiet: tests read the site's log, not the stand-in's."""


@contextlib.contextmanager
def elasticsearch_stand_in():
    """An :class:`ElasticsearchStandIn` on a port of its own: ``(its handler class, its URL)``;
    a test sets the class's ``status`` and reads its ``asked``."""
    handler = type("StandIn", (ElasticsearchStandIn,), {"asked": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield handler, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


HREFLANG = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER_LINK = re.compile(r'<a href="([^"]+)" hreflang="([a-z]{2})"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
OG_URL = re.compile(r'<meta property="og:url" content="([^"]+)">')


def head_links(client, path):
    """Where the page at ``path`` tells search engines and visitors its versions live."""
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    return {
        "canonical": unescape(CANONICAL.findall(html)[0]) if CANONICAL.search(html) else None,
        "og_url": unescape(OG_URL.findall(html)[0]) if OG_URL.search(html) else None,
        "alternates": {code: unescape(url) for code, url in HREFLANG.findall(html)},
        "switcher": {code: unescape(url) for url, code in SWITCHER_LINK.findall(html)},
        "html": html,
    }


def absolute(path):
    """``path`` as the test client's requests make it absolute."""
    return f"http://testserver{path}"
