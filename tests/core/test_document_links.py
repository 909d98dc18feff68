"""A document linked from a paragraph says its type and size, as the downloads block does."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.rich_text import expand_db_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def brochure():
    document = get_document_model()(title="Brochure")
    document.file.save("brochure.pdf", ContentFile(b"%PDF-1.4" + b"0" * 149_000), save=False)
    document.file_size = document.file.size
    document.save()
    return document


def link_to(document):
    return f'<p>Lire <a linktype="document" id="{document.pk}">la brochure</a>.</p>'


@pytest.mark.parametrize(
    ("language", "description"),
    [("en", "PDF, 146\xa0kB"), ("fr", "PDF, 146\xa0Ko"), ("nl", "PDF, 146\xa0kB")],
)
def test_the_link_says_the_type_and_size_in_the_pages_language(brochure, language, description):
    with translation.override(language):
        html = expand_db_html(link_to(brochure))
    assert f'<a href="{brochure.url}" data-file="{description}">la brochure</a>' in html


def test_a_document_without_recorded_size_says_its_type(brochure):
    type(brochure).objects.filter(pk=brochure.pk).update(file_size=None)
    assert 'data-file="PDF"' in expand_db_html(link_to(brochure))


def test_a_deleted_document_leaves_its_text_without_link(brochure):
    html = link_to(brochure)
    brochure.delete()
    assert "<a>la brochure</a>" in expand_db_html(html)
