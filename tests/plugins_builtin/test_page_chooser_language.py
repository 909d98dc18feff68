"""The page choosers of plugin blocks speak each editor's language, not the first one's."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from csti_cms.plugins.declarations.blocks import FeaturedDeclarationBlock
from csti_cms.plugins.declarations.models import DeclarationPage
from csti_cms.plugins.memberships.blocks import NetworksBlock
from csti_cms.plugins.memberships.models import MembershipsPage
from tests.conftest import demo_page

from .helpers import make_content_page


def chooser_html(chooser):
    return chooser.field.widget.render("page", None, attrs={"id": "id_page"})


@pytest.mark.parametrize(
    ("struct_block", "name", "model", "english_type", "french_type"),
    [
        (NetworksBlock, "page", MembershipsPage, "Memberships page", "Page des adhésions"),
        (FeaturedDeclarationBlock, "declaration", DeclarationPage, "Declaration", "Déclaration"),
    ],
)
def test_the_button_label_follows_the_language_of_each_rendering(
    struct_block, name, model, english_type, french_type
):
    chooser = struct_block().child_blocks[name]
    with translation.override("en"):
        english = chooser_html(chooser)
    with translation.override("fr"):
        french = chooser_html(chooser)
    assert f"Choose a page ({english_type})" in english
    assert f"Choisissez une page ({french_type})" in french
    assert chooser.widget.target_models == [model], "still restricted to its page type"


@pytest.mark.django_db
def test_a_french_editor_after_an_english_one_reads_french(admin_client, admin_user):
    page = make_content_page(demo_page("home"), slug="chooser-language")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    profile = UserProfile.get_for_user(admin_user)
    for language, label in [("en", "Choose a page"), ("fr", "Choisissez une page")]:
        profile.preferred_language = language
        profile.save()
        html = admin_client.get(url).content.decode()
        assert f"{label} (Memberships page)" in html or f"{label} (Page des adh" in html
        assert html.count(f"{label} (") >= 2, "both plugin blocks' choosers"
