"""Page addresses in plain letters: an accented slug is shared as percent-escapes."""

import lxml.html
import pytest
from django.urls import reverse

from csti_cms.core.models import ContentPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def test_a_page_saved_without_slug_gets_one_in_plain_letters():
    about = demo_page("about", "fr")
    page = about.add_child(instance=ContentPage(title="Lumières du cosmos : l’été"))
    assert page.slug == "lumieres-du-cosmos-lete"
    assert page.url.endswith("/lumieres-du-cosmos-lete/")


def test_the_editors_slug_field_writes_plain_letters(english_admin_client):
    about = demo_page("about", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_core", "contentpage", about.pk])
    html = lxml.html.fromstring(english_admin_client.get(url).content)
    (slug,) = html.xpath('//input[@name="slug"]')
    # Django leaves out an attribute whose value is False; Wagtail's script then keeps to
    # plain letters, as it does when the editor types a slug.
    assert slug.get("data-w-slug-allow-unicode-value") in (None, "false")
