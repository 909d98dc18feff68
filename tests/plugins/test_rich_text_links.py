"""A link written in rich text to a page of a switched-off plugin keeps its words, not a 404."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from csti_cms.core.models import ContentPage
from csti_cms.plugins.rich_text import PublicPageLinkHandler
from csti_cms.plugins.testing import get_page
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

DECLARATIONS = ("toronto-2008", "cape-town-2011", "mechelen-2014")


@pytest.fixture
def declaration():
    return demo_page("declarations-toronto-2008")


@pytest.fixture
def about():
    return demo_page("about")


@pytest.fixture
def demo_site(about):
    return about.get_site()


def link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def page_with_links(home, slug, links):
    page = home.add_child(
        instance=ContentPage(
            title="Further reading",
            slug=slug,
            body=[{"type": "paragraph", "value": f"<p>{' '.join(links)}</p>"}],
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def reading(demo_site, declaration, about):
    return page_with_links(
        demo_site.root_page.specific,
        "further-reading",
        [link(declaration, "the Toronto declaration"), link(about, "who we are")],
    )


def test_links_to_a_switched_off_plugins_page_keep_only_their_text(
    client, demo_site, reading, declaration, about, disable_plugin
):
    on = get_page(client, reading, demo_site)
    assert on.status_code == 200
    assert f'<a href="{declaration.url}">the Toronto declaration</a>' in on.content.decode()
    assert f'<a href="{about.url}">who we are</a>' in on.content.decode()

    disable_plugin("declarations", demo_site)
    off = get_page(client, reading, demo_site)
    assert off.status_code == 200
    assert declaration.url not in off.content.decode()
    # As Wagtail renders a link to a deleted page: no address, the words kept.
    assert "<a>the Toronto declaration</a>" in off.content.decode()
    assert f'<a href="{about.url}">who we are</a>' in off.content.decode()


def test_links_to_a_page_whose_type_is_no_longer_installed_keep_only_their_text(
    client, demo_site, about
):
    removed = ContentType.objects.create(app_label="retired_plugin", model="quizpage")
    orphan = demo_site.root_page.add_child(
        instance=Page(title="Old quiz", slug="old-quiz", content_type=removed)
    )
    reading = page_with_links(
        demo_site.root_page.specific,
        "old-reading",
        [link(orphan, "last year's quiz"), link(about, "who we are")],
    )
    response = get_page(client, reading, demo_site)
    assert response.status_code == 200
    assert "<a>last year's quiz</a>" in response.content.decode()
    assert f'<a href="{about.url}">who we are</a>' in response.content.decode()


@pytest.mark.parametrize("language", ["fr", "nl", "en"])
def test_outside_a_request_links_render_as_wagtail_renders_them(language, declaration, about):
    """No site is known then, so nothing is left out; links lead to the reader's language."""
    links = [{"id": str(page.pk)} for page in (declaration, about)] + [{"id": "0"}]
    with translation.override(language):
        ours = PublicPageLinkHandler.expand_db_attributes_many(links)
        assert ours == PageLinkHandler.expand_db_attributes_many(links)
    assert f"/{language}/" in ours[0]
    assert ours[2] == "<a>"


@pytest.mark.parametrize("switched_off", [False, True])
def test_queries_do_not_grow_with_the_number_of_links(
    client, demo_site, declaration, about, disable_plugin, switched_off
):
    if switched_off:
        disable_plugin("declarations", demo_site)
    home = demo_site.root_page.specific
    few = page_with_links(home, "few-links", [link(declaration, "Toronto"), link(about, "Us")])
    declarations = [demo_page(f"declarations-{key}") for key in DECLARATIONS]
    many = page_with_links(
        home,
        "many-links",
        [link(page, "A declaration") for page in declarations * 4][:11] + [link(about, "Us")],
    )

    def queries_of(page):
        get_page(client, page, demo_site)  # caches warm, as on a running site
        with CaptureQueriesContext(connection) as queries:
            assert get_page(client, page, demo_site).status_code == 200
        return len(queries)

    assert queries_of(many) <= queries_of(few)


@pytest.mark.parametrize("raw_id", [None, "", "abc", "-3", "9" * 40])
def test_a_link_whose_id_names_no_page_keeps_only_its_text(raw_id):
    about = demo_page("about")
    with translation.override("fr"):
        links = PublicPageLinkHandler.expand_db_attributes_many([{"id": raw_id}, {"id": about.pk}])
    assert links == ["<a>", f'<a href="{about.url}">']
