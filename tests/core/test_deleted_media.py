"""Pages still answer, without empty shells, once the media they show is deleted.

Editors delete documents and images from the library without looking for the pages that
use them: the blocks that chose them then hold nothing.
"""

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "nl", "en"]


@pytest.fixture
def documents_deleted(db):
    get_document_model().objects.all().delete()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_schools_page_drops_its_downloads_once_their_documents_are_gone(
    client, documents_deleted, language
):
    response = client.get(demo_page("schools", language).url)
    assert response.status_code == 200
    assert 'class="block-downloads"' not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_activity_drops_its_teacher_resources_once_their_documents_are_gone(
    client, documents_deleted, language
):
    response = client.get(demo_page("activity-colour-chemistry", language).url)
    assert response.status_code == 200
    assert 'id="resources-title"' not in response.content.decode()


def test_downloads_whose_documents_remain_are_still_listed(client):
    """Only the missing documents go: the block of the schools page keeps the others."""
    document = get_document_model().objects.first()
    html = client.get(demo_page("schools").url).content.decode()
    assert 'class="block-downloads"' in html
    assert document.url in html


def test_an_image_block_whose_image_is_gone_shows_no_caption_or_credit(client):
    about = demo_page("about")
    html = client.get(about.url).content.decode()
    assert 'class="block-image"' in html
    get_image_model().objects.all().delete()
    html = client.get(about.url).content.decode()
    assert 'class="block-image"' not in html
    assert "block-image__credit" not in html
