"""The preview of a page whose plugin is switched off says visitors do not see it.

Such a page answers 404 to visitors, but its preview rendered the whole page with no
word of it: an editor could believe the declarations were online.
"""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.example_plugin.models import QuizPage
from tests.plugins_builtin.helpers import (
    make_declaration,
    make_declaration_index,
    make_memberships_page,
)

pytestmark = pytest.mark.django_db

NOTICE = "Visitors do not see this page: the “%s” plugin is switched off for this site."
NOTICE_TAG = re.compile(r'<p class="preview-notice" lang="([^"]+)">')


def make_quiz(site):
    page = site.root_page.add_child(instance=QuizPage(title="Why is the sky blue?", slug="quiz"))
    page.save_revision().publish()
    return page


def preview(client, page):
    """The admin's preview of the page's latest revision (the "Preview" of the page actions)."""
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def notice_languages(html):
    return NOTICE_TAG.findall(html)


def test_preview_of_a_page_of_a_switched_off_plugin_carries_the_notice(
    english_admin_client, site, enable_plugin, disable_plugin
):
    enable_plugin("quiz", site)
    quiz = make_quiz(site)
    disable_plugin("quiz", site)
    html = preview(english_admin_client, quiz)
    assert NOTICE % "Science quiz" in html
    assert 'id="quiz-question"' in html, "the page itself is still previewed"
    assert html.index("preview-notice") > html.index('<main id="main-content"')


def test_routable_plugin_pages_carry_the_notice_too(
    english_admin_client, site, enable_plugin, disable_plugin
):
    enable_plugin("memberships", site)
    enable_plugin("declarations", site)
    networks = make_memberships_page(site.root_page)
    index = make_declaration_index(site.root_page)
    declaration = make_declaration(index)
    disable_plugin("declarations", site)
    disable_plugin("memberships", site)
    assert NOTICE % "Memberships" in preview(english_admin_client, networks)
    for page in (index, declaration):
        assert NOTICE % "Declarations" in preview(english_admin_client, page)


def test_no_notice_where_the_plugin_is_on(english_admin_client, site, enable_plugin):
    enable_plugin("quiz", site)
    html = preview(english_admin_client, make_quiz(site))
    assert 'id="quiz-question"' in html
    assert "preview-notice" not in html


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_notice_is_in_the_editors_language_not_the_pages(
    admin_client, admin_user, site, enable_plugin, disable_plugin, language
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    enable_plugin("quiz", site)
    quiz = make_quiz(site)
    disable_plugin("quiz", site)
    html = preview(admin_client, quiz)
    assert notice_languages(html) == [language]


def test_an_english_editor_reads_it_in_english_on_a_french_page(
    english_admin_client, site, enable_plugin, disable_plugin
):
    enable_plugin("quiz", site)
    quiz = make_quiz(site)
    disable_plugin("quiz", site)
    html = preview(english_admin_client, quiz)
    assert '<html lang="fr">' in html, "the page keeps its own language"
    assert notice_languages(html) == ["en"]
