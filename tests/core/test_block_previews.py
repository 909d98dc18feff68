"""Every block an editor can pick shows a preview, with its description, in the picker.

Wagtail previews a block only when it has a preview value and the project overrides the
global preview template; without previews the picker shows no description either. A
preview is asked for on fresh installs too, whose libraries are empty: it never fails.
"""

import re
from html import unescape

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, Site
from wagtail.users.models import UserProfile

from csti_cms.blocks import previews
from csti_cms.blocks.media import DocumentDownloadsBlock
from tests.core.helpers import library_image

#: Blocks without a preview, and why.
NOT_PREVIEWABLE = {
    # The test suite's example plugin (tests/example_plugin): no editor ever meets it.
    "quiz_question",
}
#: Blocks previewed with objects of the libraries, not previewable while they are empty.
NEEDS_AN_IMAGE = {"image", "photo"}
NEEDS_A_DOCUMENT = {"downloads", "document"}


def pickable_blocks():
    """``(id, block)`` for each block of each StreamField of each model, once each."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.model is model:
                for name, block in field.stream_block.child_blocks.items():
                    found.setdefault(id(block), (f"{model.__name__}.{field.name}.{name}", block))
    return sorted(found.values(), key=lambda item: item[0])


BLOCKS = pickable_blocks()
PARAMS = [pytest.param(block, id=block_id) for block_id, block in BLOCKS]


@pytest.fixture
def as_the_admin(admin_user, monkeypatch, rf):
    """Blocks asked whether they are previewable as the admin's editing form asks, within
    the admin's request: previews show what its user may choose."""
    request = rf.get("/admin/")
    request.user = admin_user
    monkeypatch.setattr(previews, "current_request", lambda: request)


def preview(client, block, **headers):
    """The block's preview page, as the picker asks for it."""
    response = client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}, headers=headers
    )
    assert response.status_code == 200
    return response.content.decode()


def shown_text(html):
    """The words the preview shows in its main area."""
    main = re.search(r"<main>(.*)</main>", html, re.DOTALL).group(1)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


def test_every_stream_field_is_walked():
    names = {block_id.rsplit(".", 2)[-2] + "." + block.name for block_id, block in BLOCKS}
    assert {
        "body.heading",
        "body.audiences",
        "body.opening_hours",
        "body.declarations_featured",
        "body.memberships_networks",
        "curriculum_links.link",
        "resources.document",
        "gallery.photo",
        "commitments.commitment",
        "social_links.link",
    } <= names


@pytest.mark.parametrize("block", PARAMS)
def test_each_block_has_a_preview_and_a_description(english_admin_client, as_the_admin, block):
    if block.name in NOT_PREVIEWABLE:
        pytest.skip("not previewable on purpose")
    assert block.is_previewable
    assert str(block.get_description())
    assert shown_text(preview(english_admin_client, block))


@pytest.mark.parametrize("block", PARAMS)
def test_previews_never_fail_with_empty_libraries(english_admin_client, block):
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    html = preview(english_admin_client, block)
    if block.name in NEEDS_AN_IMAGE | NEEDS_A_DOCUMENT:
        assert not block.is_previewable
    elif block.name not in NOT_PREVIEWABLE:
        assert block.is_previewable
        assert shown_text(html)


@pytest.mark.parametrize("block", PARAMS)
def test_previews_never_fail_on_an_admin_address_of_no_site(english_admin_client, block):
    """An admin served on a host name no site has, with no default site: the blocks
    reading the request's site find none, and the preview keeps the theme's colours."""
    Site.objects.update(is_default_site=False)
    html = preview(english_admin_client, block, host="admin.example.org")
    assert "csti_cms/css/theme.css" in html
    assert "--brand-primary" not in html


def test_the_image_block_previews_the_one_image_of_the_library(english_admin_client, as_the_admin):
    get_image_model().objects.all().delete()
    image = library_image("Robot arm")
    block = next(block for _id, block in BLOCKS if block.name == "image")
    assert block.is_previewable
    html = preview(english_admin_client, block)
    assert 'alt="Robot arm"' in html
    assert image.renditions.exists()


def test_previews_look_like_the_site(english_admin_client):
    block = next(block for _id, block in BLOCKS if block.name == "heading")
    html = preview(english_admin_client, block)
    assert "csti_cms/css/theme.css" in html
    assert "--brand-primary" in html


def test_a_french_editor_reads_the_preview_in_french(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    block = next(block for _id, block in BLOCKS if block.name == "heading")
    html = preview(admin_client, block)
    assert '<html lang="fr"' in html
    assert "Informations pratiques" in shown_text(html)


def library_document(title, collection):
    return get_document_model().objects.create(
        title=title, collection=collection, file=ContentFile(b"%PDF-1.4", name="document.pdf")
    )


@pytest.fixture
def centre_b_editor(client):
    """A client logged in as an editor whose group may choose the documents of the
    collection "Centre B" only, on an install shared with centre A."""
    root = Collection.get_first_root_node()
    centre_b = root.add_child(name="Centre B")
    group = Group.objects.create(name="Centre B editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupCollectionPermission.objects.create(
        group=group,
        collection=centre_b,
        permission=Permission.objects.get(codename="choose_document"),
    )
    editor = get_user_model().objects.create_user(
        username="centre-b-editor", email="editor@centre-b.example", password="x"
    )
    editor.groups.add(group)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    return client, centre_b


@pytest.mark.django_db
def test_previews_show_only_documents_the_editor_may_choose(centre_b_editor):
    """The newest document of the library belonged to another centre: the preview gave its
    title and link to an editor of centre B."""
    client, centre_b = centre_b_editor
    centre_a = Collection.get_first_root_node().add_child(name="Centre A")
    programme = library_document("Centre B school programme", centre_b)
    confidential = library_document("Centre A budget (confidential)", centre_a)
    block = next(block for _id, block in BLOCKS if isinstance(block, DocumentDownloadsBlock))
    html = preview(client, block)
    assert "Centre B school programme" in shown_text(html)
    assert programme.url in html
    assert "confidential" not in html and confidential.url not in html


@pytest.mark.django_db
def test_outside_a_request_no_document_is_previewed():
    """A management command has no editor: nothing is theirs to choose."""
    library_document("Annual report", Collection.get_first_root_node())
    block = next(block for _id, block in BLOCKS if isinstance(block, DocumentDownloadsBlock))
    assert not block.is_previewable
