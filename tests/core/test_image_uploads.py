"""Editors cannot upload an image file that pages could not show."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from csti_cms.core.image_uploads import DAMAGED_IMAGE_MESSAGE

pytestmark = pytest.mark.django_db


def jpeg_bytes(size=(64, 48)):
    buffer = io.BytesIO()
    PillowImage.effect_mandelbrot(size, (-2, -1.5, 1, 1.5), 100).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def cut_short(content):
    """The first half of a file: what a failed transfer leaves."""
    return content[: len(content) // 2]


def upload(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_errors(response):
    with translation.override("en"):
        return [str(error) for error in response.context["form"].errors["file"]]


@pytest.mark.parametrize(
    "name, content",
    [
        # The first bytes of a JPEG, then noise: the size cannot even be read.
        ("noise.jpg", jpeg_bytes()[:20] + bytes(range(256)) * 20),
        # A photo cut short by a failed transfer: its header is whole.
        ("cut-short.jpg", cut_short(jpeg_bytes((640, 480)))),
    ],
)
def test_a_damaged_image_is_refused_with_a_message(english_admin_client, name, content):
    count = get_image_model().objects.count()
    response = upload(english_admin_client, name, content)
    assert response.status_code == 200, "the damaged image was stored"
    with translation.override("en"):
        assert file_errors(response) == [str(DAMAGED_IMAGE_MESSAGE)]
    assert get_image_model().objects.count() == count


def test_a_whole_image_is_stored_and_can_be_resized(english_admin_client):
    response = upload(english_admin_client, "whole.jpg", jpeg_bytes())
    assert response.status_code == 302
    image = get_image_model().objects.get(title="whole.jpg")
    assert (image.width, image.height) == (64, 48)
    assert image.get_rendition("fill-32x32").width == 32


def test_the_bulk_upload_refuses_a_damaged_image_too(english_admin_client):
    count = get_image_model().objects.count()
    response = english_admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("cut.jpg", cut_short(jpeg_bytes((640, 480))), "image/jpeg")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == count


def test_the_upload_field_speaks_the_editor_s_language(english_admin_client):
    html = english_admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "Supported formats" in html
    assert "Formats supportés" not in html
