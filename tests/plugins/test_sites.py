"""A plugin switched on for one site changes nothing on another, public side and editor side."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from csti_cms.core.models import ContentPage
from csti_cms.plugins.testing import get_page, render_body_on
from tests.example_plugin.apps import QuizConfig
from tests.example_plugin.models import QuizPage

pytestmark = pytest.mark.django_db

QUIZ_BLOCK = {"question": "Why is the sky blue?", "answer": "Scattering"}


@pytest.fixture
def sites(site, other_site, enable_plugin):
    enable_plugin("quiz", site)
    return site, other_site


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("admin-a", "a@example.org", "pw")
    client.force_login(user)
    return client


def quiz_page(site, slug="quiz"):
    page = site.root_page.specific.add_child(instance=QuizPage(title="Quiz", slug=slug))
    page.save_revision().publish()
    return page


def block_definition_in_editor(client, page, site):
    """The StreamField definition the page editor hands to the block picker, as text."""
    page_html = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_HOST=site.hostname
    ).content.decode()
    return html.unescape(re.search(r'data-w-block-data-value="([^"]+)"', page_html).group(1))


def test_pages_follow_each_sites_switch(client, sites):
    site, other = sites
    here = quiz_page(site)
    assert get_page(client, here, site).status_code == 200
    assert get_page(client, here, other).status_code == 404  # not routed across sites either


def test_plugin_urls_answer_only_where_enabled(client, sites):
    site, other = sites
    assert client.get("/fr/plugins/quiz/answers.json", HTTP_HOST=site.hostname).json() == {
        "answers": 42
    }
    assert client.get("/fr/plugins/quiz/answers.json", HTTP_HOST=other.hostname).status_code == 404


def test_blocks_render_only_where_enabled(client, sites):
    site, other = sites
    _page, html_here = render_body_on(client, site, "quiz_question", QUIZ_BLOCK)
    _page, html_there = render_body_on(client, other, "quiz_question", QUIZ_BLOCK)
    assert "Why is the sky blue?" in html_here
    assert "Why is the sky blue?" not in html_there


def test_plugin_pages_left_out_of_menus_and_sitemap(client, sites):
    site, other = sites
    for target in (site, other):
        page = target.root_page.specific.add_child(
            instance=QuizPage(title="Quiz du mois", slug="quiz-du-mois", show_in_menus=True)
        )
        page.save_revision().publish()
    home_here = client.get(site.root_page.url, HTTP_HOST=site.hostname).content.decode()
    home_there = client.get(other.root_page.url, HTTP_HOST=other.hostname).content.decode()
    assert "Quiz du mois" in home_here
    assert "Quiz du mois" not in home_there
    sitemap_there = client.get("/sitemap.xml", HTTP_HOST=other.hostname).content.decode()
    assert "quiz-du-mois" not in sitemap_there


def test_extension_points_reach_only_enabled_plugins(client, sites):
    site, other = sites
    here = client.get(site.root_page.url, HTTP_HOST=site.hostname).content.decode()
    there = client.get(other.root_page.url, HTTP_HOST=other.hostname).content.decode()
    assert '<meta name="quiz" content="on">' in here
    assert '<meta name="quiz" content="on">' not in there


def test_block_picker_offers_plugin_blocks_only_where_enabled(editor, sites):
    site, other = sites
    page_here, _ = render_body_on(editor, site, "paragraph", "<p>Hello</p>")
    page_there, _ = render_body_on(editor, other, "paragraph", "<p>Hallo</p>")
    assert '"quiz_question"' in block_definition_in_editor(editor, page_here, site)
    definition_there = block_definition_in_editor(editor, page_there, other)
    assert '"paragraph"' in definition_there
    assert '"quiz_question"' not in definition_there


def test_page_type_offered_only_where_enabled(editor, sites):
    site, other = sites
    add_here = editor.get(
        reverse("wagtailadmin_pages:add_subpage", args=[site.root_page.pk]), HTTP_HOST=site.hostname
    )
    add_there = editor.get(
        reverse("wagtailadmin_pages:add_subpage", args=[other.root_page.pk]),
        HTTP_HOST=other.hostname,
    )
    assert "quizpage" in add_here.content.decode().lower()
    assert "quizpage" not in add_there.content.decode().lower()
    create_there = reverse("wagtailadmin_pages:add", args=["quiz", "quizpage", other.root_page.pk])
    # Wagtail answers a page type refused under a parent by sending back to the dashboard.
    dashboard = reverse("wagtailadmin_home")
    for response in (
        editor.get(create_there, HTTP_HOST=other.hostname),
        editor.post(create_there, {"title": "Quiz", "slug": "quiz"}, HTTP_HOST=other.hostname),
    ):
        assert (response.status_code, response.headers.get("Location")) == (302, dashboard)
    assert not QuizPage.objects.exists()


def test_admin_menu_and_views_only_where_enabled(editor, sites):
    site, other = sites
    menu_here = editor.get("/admin/", HTTP_HOST=site.hostname).content.decode()
    menu_there = editor.get("/admin/", HTTP_HOST=other.hostname).content.decode()
    assert "Quiz themes" in menu_here
    assert "Quiz themes" not in menu_there
    snippets = "/admin/snippets/quiz/quiztheme/"
    assert editor.get(snippets, HTTP_HOST=site.hostname).status_code == 200
    assert editor.get(snippets, HTTP_HOST=other.hostname, follow=True).status_code == 404


def test_switching_off_and_on_loses_no_content(editor, site, enable_plugin, disable_plugin):
    enable_plugin("quiz", site)
    page, html = render_body_on(editor, site, "quiz_question", QUIZ_BLOCK)
    page.body = [
        {"type": "paragraph", "value": "<p>Avant</p>"},
        {"type": "quiz_question", "value": QUIZ_BLOCK},
        {"type": "paragraph", "value": "<p>Après</p>"},
    ]
    page.save_revision().publish()
    disable_plugin("quiz", site)

    # An editor of the site, who cannot see the quiz block, edits and publishes.
    data = nested_form_data(
        {
            "title": "Edited while the quiz was off",
            "slug": page.slug,
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Avant, revu</p>")),
                    ("paragraph", rich_text("<p>Après</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )
    # The editor sends back the ids of the blocks it was given, as Wagtail's editor does.
    before, after = page.body[0].id, page.body[2].id
    data.update({"body-0-id": before, "body-1-id": after})
    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, HTTP_HOST=site.hostname
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert [block.block_type for block in page.body] == ["paragraph", "quiz_question", "paragraph"]
    assert page.title == "Edited while the quiz was off"
    assert "Why is the sky blue?" not in get_page(editor, page, site).content.decode()

    enable_plugin("quiz", site)
    assert "Why is the sky blue?" in get_page(editor, page, site).content.decode()


def test_lifecycle_callbacks_run_on_each_switch(site, enable_plugin, disable_plugin):
    QuizConfig.calls.clear()
    enable_plugin("quiz", site)
    disable_plugin("quiz", site)
    assert QuizConfig.calls == [("installed", site.pk), ("uninstalled", site.pk)]


def test_footer_links_and_organization_data_come_only_from_enabled_plugins(client, sites):
    site, other = sites
    here = client.get(site.root_page.url, HTTP_HOST=site.hostname).content.decode()
    there = client.get(other.root_page.url, HTTP_HOST=other.hostname).content.decode()
    assert "Quiz of the month" in here and "Quiz of the month" not in there
    assert '"knowsAbout": ["science quizzes"]' in here
    assert '"@type": "Organization"' in there and "knowsAbout" not in there


def test_links_to_a_switched_off_plugins_page_are_left_out(
    client, site, enable_plugin, disable_plugin
):
    """Cards, calls to action and audience choosers chosen while the plugin was on
    drop the link where it is off instead of sending visitors to a 404."""
    enable_plugin("quiz", site)
    quiz = quiz_page(site, slug="quiz-of-the-week")
    page = site.root_page.specific.add_child(
        instance=ContentPage(
            title="Things to do",
            slug="things-to-do",
            body=[
                {"type": "card_grid", "value": {"heading": "", "cards": [{"page": quiz.pk}]}},
                {
                    "type": "call_to_action",
                    "value": {"title": "Play now", "text": "", "link": {"page": quiz.pk}},
                },
            ],
        )
    )
    page.save_revision().publish()
    on = get_page(client, page, site).content.decode()
    assert on.count('href="/fr/quiz-of-the-week/"') == 2
    assert "Play now" in on

    disable_plugin("quiz", site)
    off = get_page(client, page, site)
    assert off.status_code == 200
    assert "quiz-of-the-week" not in off.content.decode()
    assert "Play now" not in off.content.decode()
