"""Routing finds pages in one query and answers exactly as Wagtail's level-by-level routing.

What must not change: drafts answer 404 while their live children stay reachable, routable
pages keep their sub-routes, view restrictions of every ancestor apply (for aliases, those of
their source), and a disabled plugin's pages answer 404 down to their children.
"""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from csti_cms.core.models import ContentPage, HomePage
from csti_cms.core.routing import MAX_DEPTH
from csti_cms.core.templatetags.csti_core import breadcrumb_ancestors
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def breadcrumb_titles(html):
    trail = html.split('class="breadcrumbs"')[1].split("</ol>")[0]
    return re.findall(r"<li><(?:a|span) [^>]*>([^<]*)<", trail)


def test_a_deep_page_answers_with_its_breadcrumbs_from_the_home_down(client):
    activity = demo_page("activity-colour-chemistry", "en")
    response = client.get(activity.url)
    assert response.status_code == 200
    expected = [page.title for page in activity.get_ancestors()[1:]] + [activity.title]
    assert breadcrumb_titles(response.content.decode()) == expected


def test_the_way_to_a_page_costs_one_query_at_any_depth(client):
    shallow, deep = demo_page("about", "en").url, demo_page("activity-colour-chemistry", "en").url
    for url in (shallow, deep):
        client.get(url)
    routing = []
    for url in (shallow, deep):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        routing.append(sum('"url_path" IN' in query["sql"] for query in queries))
    assert routing == [1, 1]


@pytest.mark.parametrize("suffix", ["nowhere/", "nowhere/deeper/"])
def test_an_unknown_address_answers_404(client, suffix):
    assert client.get(demo_page("about", "en").url + suffix).status_code == 404


def test_a_made_up_address_of_thousands_of_levels_costs_no_more_than_a_deep_one(client):
    about = demo_page("about", "en").url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(about + "level/" * 5000)
    assert response.status_code == 404
    routing = [query["sql"] for query in queries if '"url_path" IN' in query["sql"]]
    assert len(routing) == 1
    assert routing[0].count("level/'") <= MAX_DEPTH, "one address per level the tree can hold"


def test_a_draft_answers_404_but_its_live_children_do_not(client):
    about = demo_page("about", "en")
    child = ContentPage(title="Team", slug="team")
    about.add_child(instance=child)
    about.unpublish()
    assert client.get(about.url).status_code == 404
    assert client.get("/en/about-us/team/").status_code == 200


def test_routable_pages_keep_their_sub_routes_and_their_children(client):
    agenda = demo_page("agenda", "en")
    assert client.get(agenda.url + "calendar/").status_code == 200
    assert client.get(demo_page("little-chemists", "en").url).status_code == 200
    assert client.get(agenda.url + "no-such-route/").status_code == 404


def test_a_restriction_on_an_ancestor_asks_visitors_to_log_in(client):
    hub = demo_page("hub-visitors", "en")
    PageViewRestriction.objects.create(page=hub, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(demo_page("expo-matter", "en").url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_alias_keeps_the_restrictions_of_its_source(client):
    source = demo_page("expo-matter", "en")
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    alias = source.create_alias(parent=demo_page("about", "en"), update_slug="matter-alias")
    assert Page.objects.get(pk=alias.pk).alias_of_id == source.pk
    response = client.get("/en/about-us/matter-alias/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_disabled_plugin_s_pages_answer_404_down_to_their_children(client, disable_plugin):
    declarations = "/en/declarations/"
    assert client.get(declarations + "toronto-2008/").status_code == 200
    disable_plugin("declarations", Site.objects.get(is_default_site=True))
    assert client.get(declarations + "toronto-2008/").status_code == 404
    assert client.get(declarations).status_code == 404


def test_wagtail_s_login_and_password_forms_for_private_pages_still_answer(client):
    about = demo_page("about", "en")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="curie"
    )
    response = client.get(about.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    action = re.search(
        r'action="([^"]*_util/authenticate_with_password[^"]*)"', response.content.decode()
    )[1]
    assert "_util/authenticate_with_password" in action
    answer = client.post(action, {"password": "curie", "return_url": about.url})
    assert answer.status_code == 302
    after = client.get(about.url)
    assert after.status_code == 200
    assert 'name="password"' not in after.content.decode()
    assert client.get("/en/_util/login/").status_code == 200


def test_a_page_whose_type_is_no_longer_installed_is_gone_from_the_public_site(client):
    """As after removing a plugin whose pages remain: no blank page, no link to it."""
    home = demo_page("home", "en")
    page = home.add_child(instance=ContentPage(title="Quiz of the week", slug="quiz-of-the-week"))
    page.show_in_menus = True
    page.save_revision().publish()
    removed, _ = ContentType.objects.get_or_create(app_label="tours", model="tourpage")
    Page.objects.filter(pk=page.pk).update(content_type=removed)

    assert client.get(page.url).status_code == 404
    assert client.get(page.url + "results/").status_code == 404
    assert "Quiz of the week" not in client.get(home.url).content.decode()
    assert "/quiz-of-the-week/" not in client.get("/sitemap.xml").content.decode()
    assert "/quiz-of-the-week/" not in client.get("/en/search/", {"q": "quiz"}).content.decode()


def test_a_site_below_a_folder_of_the_tree_starts_its_breadcrumbs_at_its_home(client):
    """A network may file its centres' sites under a folder page: the folder is no page
    of any site, so no breadcrumb leads to it."""
    folder = Page.get_first_root_node().add_child(instance=Page(title="Réseau", slug="reseau"))
    home = folder.add_child(
        instance=HomePage(title="Centre des Sciences du Nord", slug="nord", locale=folder.locale)
    )
    section = home.add_child(instance=ContentPage(title="Visiter", slug="visiter"))
    page = section.add_child(instance=ContentPage(title="Tarifs", slug="tarifs"))
    Site.objects.create(hostname="nord.test", root_page=home, site_name="Nord")

    for url, expected in (
        ("/fr/visiter/tarifs/", ["Centre des Sciences du Nord", "Visiter", "Tarifs"]),
        ("/fr/visiter/", ["Centre des Sciences du Nord", "Visiter"]),
    ):
        response = client.get(url, HTTP_HOST="nord.test")
        assert response.status_code == 200, url
        assert breadcrumb_titles(response.content.decode()) == expected
        assert "Réseau" not in response.content.decode()

    # Pages shown without routing (a preview) read their ancestors from the tree.
    request = RequestFactory().get("/fr/", HTTP_HOST="nord.test")
    with translation.override("fr"):
        ancestors = breadcrumb_ancestors({"request": request}, Page.objects.get(pk=page.pk))
    assert [ancestor.title for ancestor in ancestors] == ["Centre des Sciences du Nord", "Visiter"]


def test_an_unpublished_section_is_named_in_the_breadcrumbs_but_not_linked(client):
    activity = demo_page("activity-colour-chemistry", "en")
    section = activity.get_parent()
    section.unpublish()
    html = client.get(activity.url).content.decode()
    trail = html.split('class="breadcrumbs"')[1].split("</ol>")[0]
    assert f"<span>{section.title}</span>" in trail
    assert f'href="{section.url}"' not in trail
    assert client.get(section.url).status_code == 404
