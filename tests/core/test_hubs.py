"""Audience hubs: one per audience and language, reached from every page, listing their pages."""

import lxml.html
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.agenda.models import AgendaPage, EventPage
from csti_cms.blocks import AudienceChooserBlock
from csti_cms.core.audiences import Audience
from csti_cms.core.collation import alphabetical
from csti_cms.core.models import AudienceHubPage, ContentPage
from csti_cms.core.models.hubs import HUB_PAGE_SIZE, visitor_labels
from csti_cms.plugins import state
from csti_cms.visit.models import ExhibitionIndexPage, ExhibitionPage, PracticalInfoPage
from tests.conftest import LANGUAGES, demo_page
from tests.example_plugin.models import QuizPage

pytestmark = pytest.mark.django_db

HUB_KEYS = {
    Audience.VISITORS: "hub-visitors",
    Audience.SCHOOLS: "hub-schools",
    Audience.VENUE_HIRE: "hub-venues",
}


def hub_links(html):
    """The ``href`` of each audience entry point in the main navigation."""
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    return [
        item.split('href="')[1].split('"')[0]
        for item in nav.split('<li class="main-nav__audience">')[1:]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_home_page_has_one_hub_per_audience_in_its_language(language):
    home = demo_page("home", language)
    hubs = AudienceHubPage.objects.child_of(home).live()
    assert sorted(hub.audience for hub in hubs) == sorted(Audience.values)
    assert {hub.locale.language_code for hub in hubs} == {language}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_to_the_hubs_of_its_language(client, language):
    expected = [demo_page(HUB_KEYS[audience], language).url for audience in Audience]
    for key in ("home", "about", "hub-schools", "expo-matter"):
        response = client.get(demo_page(key, language).url)
        assert response.status_code == 200
        assert hub_links(response.content.decode()) == expected, key


def test_the_hub_of_the_current_path_is_marked_current(client):
    html = client.get(demo_page("expo-matter", "en").url).content.decode()
    visitors = demo_page("hub-visitors", "en").url
    assert f'href="{visitors}" aria-current="true"' in html
    html = client.get(visitors).content.decode()
    assert f'href="{visitors}" aria-current="page"' in html


def test_hubs_are_not_repeated_in_the_menu_pages(client):
    hub = demo_page("hub-schools", "fr")
    hub.show_in_menus = True
    hub.save_revision().publish()
    html = client.get(demo_page("home", "fr").url).content.decode()
    nav = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert nav.count(f'href="{hub.url}"') == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_hub_lists_the_pages_of_its_audience_in_its_language(client, language):
    hub = demo_page("hub-schools", language)
    html = client.get(hub.url).content.decode()
    for key in ("schools", "about", "exhibitions", "expo-chemistry"):
        assert f'href="{demo_page(key, language).url}"' in html, key
    listed = html.split('class="teaser-list"')[1]
    for key in ("venue-hire", "hub-visitors", "home"):
        assert f'href="{demo_page(key, language).url}"' not in listed, key
    other = "fr" if language != "fr" else "en"
    assert f'href="{demo_page("schools", other).url}"' not in html


def test_a_hub_shows_its_sub_navigation(client):
    hub = demo_page("hub-visitors", "nl")
    html = client.get(hub.url).content.decode()
    nav = html.split('class="hub-nav"')[1].split("</nav>")[0]
    assert demo_page("exhibitions", "nl").url in nav
    assert demo_page("practical-info", "nl").url in nav


def test_the_page_type_filter_narrows_the_list(client):
    hub = demo_page("hub-visitors", "en")
    html = client.get(hub.url, {"type": "exhibitionpage"}).content.decode()
    listed = html.split('class="teaser-list"')[1].split("</ul>")[0]
    assert demo_page("expo-matter", "en").url in listed
    assert demo_page("plan-your-visit", "en").url not in listed
    assert 'href="?type=exhibitionpage" aria-current="true"' in html


def filter_labels(html):
    nav = html.split('class="filter-links"')[1].split("</nav>")[0]
    return [link.split(">")[1].split("<")[0] for link in nav.split("<a ")[2:]]


#: The page types the visitors' hub of the demo lists.
VISITOR_HUB_TYPES = [
    AgendaPage,
    ContentPage,
    EventPage,
    ExhibitionIndexPage,
    ExhibitionPage,
    PracticalInfoPage,
]


def visitor_words(models, language, attribute="visitor_label_plural"):
    with translation.override(language):
        return [str(getattr(model, attribute)) for model in models]


def test_page_type_filters_read_in_alphabetical_order_of_the_visitors_language(client, rf):
    hub = demo_page("hub-visitors", "fr")
    with translation.override("en"):
        hub.listing(rf.get(hub.url))  # a visitor reading English filled the cache first
    labels = filter_labels(client.get(hub.url).content.decode())
    assert labels == sorted(visitor_words(VISITOR_HUB_TYPES, "fr"), key=alphabetical)


def test_an_unknown_page_type_shows_everything(client):
    hub = demo_page("hub-visitors", "en")
    html = client.get(hub.url, {"type": "nonsense"}).content.decode()
    listed = html.split('class="teaser-list"')[1].split("</ul>")[0]
    assert demo_page("plan-your-visit", "en").url in listed


def test_private_and_draft_pages_are_not_listed(client):
    hub = demo_page("hub-venues", "en")
    offers = {}
    for title, slug in [
        ("Public offer", "public-offer"),
        ("Draft offer", "draft-offer"),
        ("Members-only offer", "members-only-offer"),
    ]:
        offers[slug] = hub.add_child(
            instance=ContentPage(title=title, slug=slug, for_venue_hire=True)
        )
        offers[slug].save_revision().publish()
    offers["draft-offer"].unpublish()
    PageViewRestriction.objects.create(
        page=offers["members-only-offer"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="members",
    )
    html = client.get(hub.url).content.decode()
    assert "Public offer" in html
    assert "Draft offer" not in html
    assert "Members-only offer" not in html


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_tagged_pages(parent, count, start=0):
    for number in range(start, start + count):
        page = parent.add_child(
            instance=ContentPage(
                title=f"Offre {number}",
                slug=f"offre-{number}",
                introduction="Une offre pour les entreprises.",
                for_venue_hire=True,
            )
        )
        page.save_revision().publish()


def test_a_hub_costs_the_same_queries_with_5_or_100_pages(client):
    hub = demo_page("hub-venues", "fr")
    add_tagged_pages(hub, 5)
    caches["default"].clear()
    with_five = count_queries(client, hub.url)
    add_tagged_pages(hub, 95, start=5)
    caches["default"].clear()
    with_hundred = count_queries(client, hub.url)
    assert with_hundred == with_five
    html = client.get(hub.url).content.decode()
    assert html.split('class="teaser-list"')[1].count('class="teaser"') == HUB_PAGE_SIZE


def editor(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("hubs", "hubs@curiosa.example", "pw")
    client.force_login(user)
    return client


def hub_form_data(audience, slug):
    return nested_form_data(
        {
            "title": "Deuxième hub",
            "slug": slug,
            "audience": audience,
            "introduction": "",
            "hero_alt_text": "",
            "body": streamfield([]),
        }
    )


def add_hub_url(home):
    return reverse("wagtailadmin_pages:add", args=["csti_core", "audiencehubpage", home.pk])


def test_a_second_hub_for_the_same_audience_is_refused(client):
    home = demo_page("home", "fr")
    demo_page("hub-venues", "fr").delete()
    response = editor(client).post(add_hub_url(home), hub_form_data(Audience.VISITORS, "autre-hub"))
    assert response.status_code == 200
    assert "already has a hub for this audience" in response.content.decode()
    assert not Page.objects.filter(slug="autre-hub").exists()


def test_an_existing_hub_cannot_take_another_hubs_audience(client):
    hub = demo_page("hub-schools", "fr")
    url = reverse("wagtailadmin_pages:edit", args=[hub.pk])
    data = hub_form_data(Audience.VISITORS, hub.slug)
    data["title"] = hub.title
    response = editor(client).post(url, data)
    assert response.status_code == 200
    assert "already has a hub for this audience" in response.content.decode()
    assert AudienceHubPage.objects.get(pk=hub.pk).audience == Audience.SCHOOLS


def proposed_audience(client, home):
    """The audience the new hub form has selected when it opens."""
    html = lxml.html.fromstring(editor(client).get(add_hub_url(home)).content)
    return html.xpath('//select[@name="audience"]/option[@selected]/@value')


def test_a_new_hub_is_offered_the_first_audience_its_home_has_no_hub_for(client):
    home = demo_page("home", "fr")
    demo_page("hub-schools", "fr").delete()
    assert proposed_audience(client, home) == [Audience.SCHOOLS]


def test_a_new_hub_under_a_home_without_hubs_is_offered_visitors(client):
    home = demo_page("home", "fr")
    for hub in AudienceHubPage.objects.child_of(home):
        hub.delete()
    assert proposed_audience(client, home) == [Audience.VISITORS]


def test_no_hub_is_offered_under_a_home_with_a_hub_for_every_audience(client):
    home = demo_page("home", "fr")
    assert not AudienceHubPage.can_create_at(home)
    response = editor(client).get(add_hub_url(home))
    assert response.status_code == 302
    demo_page("hub-venues", "fr").delete()
    assert AudienceHubPage.can_create_at(Page.objects.get(pk=home.pk))


def test_hub_page_types_are_created_under_home_pages_only():
    assert AudienceHubPage.can_exist_under(demo_page("home", "fr"))
    assert not AudienceHubPage.can_exist_under(demo_page("about", "fr"))


def render_chooser(request, entries):
    block = AudienceChooserBlock()
    value = block.to_python({"heading": "Vous êtes…", "entries": entries})
    return block.render(value, {"request": request})


def test_the_audience_chooser_leads_to_the_hubs_of_the_visitors_language(rf):
    home = demo_page("home", "nl")
    request = rf.get(home.url, SERVER_NAME="localhost")
    request.LANGUAGE_CODE = "nl"
    entries = [
        {"audience": audience, "label": f"Ik ben {audience}", "text": "", "image": None}
        for audience in Audience.values
    ]
    with translation.override("nl"):
        html = render_chooser(request, entries)
    for audience in Audience:
        assert f'href="{demo_page(HUB_KEYS[audience], "nl").url}"' in html


def test_an_audience_chooser_entry_may_lead_to_another_page_localized(rf):
    request = rf.get("/", SERVER_NAME="localhost")
    source = demo_page("schools", "fr")
    entries = [{"audience": "schools", "label": "Teachers", "page": source.pk}]
    with translation.override("en"):
        html = render_chooser(request, entries)
    assert f'href="{demo_page("schools", "en").url}"' in html


def test_the_audience_chooser_refuses_an_audience_twice():
    from django.core.exceptions import ValidationError

    block = AudienceChooserBlock()
    value = block.to_python(
        {
            "entries": [
                {"audience": "visitors", "label": "A"},
                {"audience": "visitors", "label": "B"},
            ]
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


class TestHubEditing(WagtailPageTestCase):
    def test_a_hub_saves_and_previews_with_an_audience_chooser(self):
        hub = demo_page("hub-visitors", "fr")
        data = nested_form_data(
            {
                "title": hub.title,
                "slug": hub.slug,
                "audience": hub.audience,
                "introduction": hub.introduction,
                "hero_image": hub.hero_image_id,
                "hero_alt_text": hub.hero_alt_text,
                "body": streamfield(
                    [
                        (
                            "audiences",
                            {
                                "heading": "Vous êtes…",
                                "entries": streamfield(
                                    [
                                        (
                                            "item",
                                            {
                                                "audience": "schools",
                                                "label": "Enseignant",
                                                "text": "",
                                                "image": "",
                                                "page": "",
                                            },
                                        )
                                    ]
                                ),
                            },
                        )
                    ]
                ),
            }
        )
        self.assertPageIsEditable(hub, post_data=data)
        self.assertPageIsPreviewable(hub, post_data=data)


def teaser_types(html):
    """``{page URL: type label on its card}``; ``None`` for a card without one."""
    cards = html.split('class="teaser-list"')[1].split("</ul>")[0].split('<li class="teaser">')[1:]
    return {
        card.split('href="')[1].split('"')[0]: (
            card.split('class="teaser__type">')[1].split("<")[0]
            if 'class="teaser__type"' in card
            else None
        )
        for card in cards
    }


def test_hub_filters_name_page_types_in_visitors_words_not_the_admins(client):
    labels = filter_labels(client.get(demo_page("hub-visitors", "en").url).content.decode())
    assert labels == [
        "Agendas",
        "Events",
        "Exhibition programmes",
        "Exhibitions",
        "Pages",
        "Practical information",
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hub_cards_and_filters_never_show_verbose_names(client, language):
    html = client.get(demo_page("hub-visitors", language).url).content.decode()
    with translation.override(language):
        admin_words = {
            str(name).lower()
            for model in VISITOR_HUB_TYPES
            for name in (model._meta.verbose_name, model._meta.verbose_name_plural)
        }
    visitors = [
        *visitor_words(VISITOR_HUB_TYPES, language, "visitor_label"),
        *visitor_words(VISITOR_HUB_TYPES, language),
    ]
    admin_only = admin_words - {word.lower() for word in visitors}
    shown = {*filter_labels(html), *(t for t in teaser_types(html).values() if t)}
    assert admin_only and shown
    assert not admin_only & {label.lower() for label in shown}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hub_cards_name_their_page_type_in_the_singular(client, language):
    types = teaser_types(client.get(demo_page("hub-visitors", language).url).content.decode())
    exhibition, event = visitor_words([ExhibitionPage, EventPage], language, "visitor_label")
    assert types[demo_page("expo-matter", language).url] == exhibition
    assert types[demo_page("little-chemists", language).url] == event
    # "Plan your visit" is a content page: its kind tells a visitor nothing.
    assert types[demo_page("plan-your-visit", language).url] is None


def test_page_types_without_visitor_labels_fall_back_on_their_verbose_names(client):
    hub = demo_page("hub-visitors", "en")
    state.enable("quiz", hub.get_site())
    quiz = demo_page("home", "en").add_child(
        instance=QuizPage(title="Light quiz", slug="light-quiz", for_visitors=True)
    )
    quiz.save_revision().publish()
    assert visitor_labels(QuizPage) == ("quiz page", "quiz pages")
    html = client.get(hub.url, {"type": "quizpage"}).content.decode()
    assert teaser_types(html) == {quiz.url: "Quiz page"}
    assert "Quiz pages" in filter_labels(html)
