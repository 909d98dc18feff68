"""An upload whose row cannot be saved leaves no file behind, and a replacement whose row
cannot be saved keeps the file the row still names.

The media library writes an upload's file while the form is validated (so a full disk is
told on the form); the row is saved after. Each test makes that save fail the way it does
on a live site: the database out of reach (its adapter's error, on the INSERT or UPDATE
only), or the upload's collection deleted by another editor meanwhile.
"""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Collection

from tests.core.helpers import (
    fresh_outage_warnings,
    library_image,
    png_bytes,
    records_of,
    refuse_connection,
    with_site_records,
)
from tests.core.test_uploads_on_a_full_disk import LIBRARIES, a_file, files_in

pytestmark = pytest.mark.django_db


def error_page_says(response, words):
    """Whether the site's error page, in the site's language (the admin's addresses have
    none of their own), says ``words``."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(words) in response.content.decode()


@pytest.fixture(params=LIBRARIES)
def library(request):
    return request.param


@pytest.fixture
def editor(english_admin_client, monkeypatch):
    """The admin's client, answered with the site's error pages rather than the exception."""
    fresh_outage_warnings(monkeypatch)
    english_admin_client.raise_request_exception = False
    return english_admin_client


def refusing(statement, table):
    """A database wrapper refusing ``statement`` (``INSERT INTO``, ``UPDATE``) on ``table``
    as a server gone away does, and running every other query."""

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f'{statement} "{table}"'):
            return refuse_connection(execute, sql, params, many, context)
        return execute(sql, params, many, context)

    return wrapper


def deleting_collection_before_insert(collection, table):
    """A database wrapper deleting ``collection`` just before the row goes into ``table``:
    another editor deleted it while the file was being stored."""

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{table}"'):
            with connection.cursor() as cursor:
                cursor.execute(
                    'DELETE FROM "wagtailcore_collection" WHERE "id" = %s', [collection.pk]
                )
        return execute(sql, params, many, context)

    return wrapper


def upload(client, library, collection, bulk):
    file = a_file(library)
    url_name = LIBRARIES[library][1] + (":add_multiple" if bulk else ":add")
    if bulk:
        data = {"files[]": file, "collection": collection.pk}
    else:
        data = {"title": file.name, "file": file, "collection": collection.pk}
    return client.post(reverse(url_name), data)


@pytest.mark.parametrize("bulk", [False, True], ids=["one file", "bulk upload"])
def test_an_upload_the_database_cannot_take_leaves_no_file(editor, library, bulk, caplog):
    model, _, folder = LIBRARIES[library]
    table = model()._meta.db_table
    count, before = model().objects.count(), files_in(folder)
    with with_site_records(caplog), connection.execute_wrapper(refusing("INSERT INTO", table)):
        response = upload(editor, library, Collection.get_first_root_node(), bulk)
    assert response.status_code == 503, "the database is out of reach: the site says so"
    assert error_page_says(response, "Sorry, something went wrong")
    assert model().objects.count() == count
    assert files_in(folder) == before, "the stored file was removed"
    [removed] = records_of(caplog, "csti_cms.core.image_uploads")
    assert removed.getMessage().endswith("its file was removed.")
    assert folder in removed.getMessage() and "OperationalError" in removed.getMessage()
    assert "\n" not in removed.getMessage() and removed.exc_info is None


@pytest.mark.parametrize("bulk", [False, True], ids=["one file", "bulk upload"])
def test_an_upload_to_a_collection_deleted_meanwhile_leaves_no_file(editor, library, bulk):
    model, _, folder = LIBRARIES[library]
    table = model()._meta.db_table
    events = Collection.get_first_root_node().add_child(name="Events")
    count, before = model().objects.count(), files_in(folder)
    with connection.execute_wrapper(deleting_collection_before_insert(events, table)):
        response = upload(editor, library, events, bulk)
    assert response.status_code == 500
    assert error_page_says(response, "Sorry, something went wrong")
    assert model().objects.count() == count
    assert files_in(folder) == before, "the stored file was removed"


def test_a_replacement_the_database_cannot_take_keeps_the_file_the_row_names(editor, library):
    model, _, folder = LIBRARIES[library]
    if library == "images":
        item = library_image("Robot arm")
        new_file = SimpleUploadedFile("robot-arm-new.png", png_bytes((90, 60)), "image/png")
    else:
        item = model().objects.create(title="Visit guide", file=a_file(library))
        new_file = SimpleUploadedFile("visit-guide-2026.pdf", b"%PDF-1.4 new", "application/pdf")
    original, before = item.file.name, files_in(folder)
    url_name = f"{LIBRARIES[library][1]}:edit"
    table = model()._meta.db_table
    with connection.execute_wrapper(refusing("UPDATE", table)):
        response = editor.post(
            reverse(url_name, args=(item.pk,)),
            {"title": item.title, "file": new_file, "collection": item.collection_id},
        )
    assert response.status_code == 503
    item.refresh_from_db()
    assert item.file.name == original and item.file.storage.exists(original)
    assert files_in(folder) == before, "the new file was removed, the old one kept"


def test_a_replaced_file_is_deleted_once_its_successor_is_committed(
    english_admin_client, library, django_capture_on_commit_callbacks
):
    model, _, folder = LIBRARIES[library]
    if library == "images":
        item = library_image("Robot arm")
        item.get_rendition("fill-20x20")
        new_file = SimpleUploadedFile("robot-arm-new.png", png_bytes((90, 60)), "image/png")
    else:
        item = model().objects.create(title="Visit guide", file=a_file(library))
        new_file = SimpleUploadedFile("visit-guide-2026.pdf", b"%PDF-1.4 new", "application/pdf")
    original = item.file.name
    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        response = english_admin_client.post(
            reverse(f"{LIBRARIES[library][1]}:edit", args=(item.pk,)),
            {"title": item.title, "file": new_file, "collection": item.collection_id},
        )
    assert response.status_code == 302
    assert item.file.storage.exists(original), "kept until the new row is committed"
    for callback in on_commit:
        callback()
    item.refresh_from_db()
    assert not item.file.storage.exists(original)
    assert item.file.name != original and item.file.storage.exists(item.file.name)
    if library == "images":
        assert not item.renditions.exists()
        assert item.get_rendition("fill-20x20").width == 20
    assert folder in item.file.name
