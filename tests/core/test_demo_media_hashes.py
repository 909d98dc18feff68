"""The demo's pictures and documents are stored as the admin's upload forms store them: with
their size and hash, which find a duplicate upload and make a download's ETag."""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", [get_image_model(), get_document_model()], ids=["image", "document"]
)
def test_every_demo_file_has_its_hash_and_size(model):
    files = list(model.objects.all())
    assert files, "the demo has some"
    for stored in files:
        assert stored.file_hash == stored.get_file_hash(), stored.title
        assert len(stored.file_hash) == 40 and stored.file_size == stored.file.size


def test_a_demo_download_has_an_etag_that_names_its_file(client):
    document = get_document_model().objects.first()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["ETag"].strip('"') == document.file_hash
    assert client.get(document.url, HTTP_IF_NONE_MATCH='""').status_code == 200
