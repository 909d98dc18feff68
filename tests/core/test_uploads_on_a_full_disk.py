"""An upload the server cannot store is refused with a message, not a server error, and
leaves nothing behind in the media library."""

import logging

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from csti_cms.core.image_uploads import NOT_STORED_MESSAGE
from tests.core.helpers import fill_disk_for, library_image, png_bytes

pytestmark = pytest.mark.django_db

NOT_STORED = "The server could not store the file. Please tell your site administrator."

#: The media library's models, their add views and the folder their files go to.
LIBRARIES = {
    "images": (get_image_model, "wagtailimages", "original_images/"),
    "documents": (get_document_model, "wagtaildocs", "documents/"),
}


def a_file(library):
    if library == "images":
        return SimpleUploadedFile("robot-arm.png", png_bytes(), "image/png")
    return SimpleUploadedFile(
        "visit-guide.pdf", b"%PDF-1.4 a guide for the visit", "application/pdf"
    )


def add(client, library, upload):
    return client.post(
        reverse(f"{LIBRARIES[library][1]}:add"),
        {"title": upload.name, "file": upload, "collection": Collection.get_first_root_node().pk},
    )


def add_in_bulk(client, library, upload):
    return client.post(
        reverse(f"{LIBRARIES[library][1]}:add_multiple"),
        {"files[]": upload, "collection": Collection.get_first_root_node().pk},
    )


def files_in(folder):
    """The names of the files in ``folder`` of the media folder."""
    if not default_storage.exists(folder):
        return set()
    return {folder + name for name in default_storage.listdir(folder)[1]}


def storage_errors(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "csti_cms.core.image_uploads" and record.levelno == logging.ERROR
    ]


@pytest.fixture(params=LIBRARIES)
def library(request):
    return request.param


@pytest.fixture
def full_disk(monkeypatch, library):
    """The media folder of ``library``'s files refuses every write."""
    fill_disk_for(monkeypatch, LIBRARIES[library][0]())


def test_the_message_is_the_one_editors_are_told():
    with translation.override("en"):
        assert str(NOT_STORED_MESSAGE) == NOT_STORED


def test_an_upload_the_server_cannot_store_is_refused_with_a_message(
    english_admin_client, library, full_disk, caplog
):
    model = LIBRARIES[library][0]()
    count = model.objects.count()
    response = add(english_admin_client, library, a_file(library))
    assert response.status_code == 200
    with translation.override("en"):
        assert [str(error) for error in response.context["form"].errors["file"]] == [NOT_STORED]
    assert model.objects.count() == count
    [error] = storage_errors(caplog)
    message = error.getMessage()
    assert LIBRARIES[library][2] in message and "No space left on device" in message
    assert error.exc_info is None, "one line in the log, no traceback"


def test_the_bulk_upload_tells_the_editor_why_too(english_admin_client, library, full_disk, caplog):
    model = LIBRARIES[library][0]()
    count = model.objects.count()
    response = add_in_bulk(english_admin_client, library, a_file(library))
    assert response.status_code == 200
    assert response.json() == {"success": False, "error_message": NOT_STORED}
    assert model.objects.count() == count
    assert len(storage_errors(caplog)) == 1


def test_an_upload_is_stored_once_when_the_server_can(english_admin_client, library, caplog):
    model, _, folder = LIBRARIES[library]
    before = files_in(folder)
    response = add(english_admin_client, library, a_file(library))
    assert response.status_code == 302
    stored = model().objects.latest("pk")
    assert files_in(folder) == before | {stored.file.name}, "written once, where it is named"
    assert stored.file_size == stored.file.size and stored.file_hash
    assert storage_errors(caplog) == []


def test_a_replacement_image_the_server_cannot_store_keeps_the_old_one(
    english_admin_client, monkeypatch
):
    photo = library_image("Robot arm")
    original = photo.file.name
    fill_disk_for(monkeypatch, get_image_model())
    response = english_admin_client.post(
        reverse("wagtailimages:edit", args=(photo.pk,)),
        {
            "title": "Robot arm",
            "file": SimpleUploadedFile("robot-arm-new.png", png_bytes((90, 60)), "image/png"),
            "collection": photo.collection_id,
        },
    )
    assert response.status_code == 200
    photo.refresh_from_db()
    assert photo.file.name == original and photo.file.storage.exists(original)
