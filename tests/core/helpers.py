"""Helpers of the core's tests: a server whose disk says no, and what operators read in the
log during an outage."""

import contextlib
import errno
import io
import logging

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
