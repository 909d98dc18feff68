"""Aliases ("Copy" with "Alias" ticked) never show a centre's page twice.

Beside its original, an alias of an event, a school activity, an exhibition or a space was
listed twice by its agenda or index, in the feeds, search and sitemap, each copy calling
itself the original: the copy form refuses it. Placed elsewhere (another centre's agenda,
another index), an alias names its original's address as canonical and stays out of the
sitemap. And a parent that takes no more pages of a type (a second agenda under a home) is
refused for that reason, not for a missing permission.
"""

from datetime import date, time

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from csti_cms.agenda.models import AgendaPage, Occurrence
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page
from tests.core.helpers import CANONICAL, OG_URL, absolute, head_links
from tests.core.language_centres import TECHNOPOLIS, get, technopolis

pytestmark = pytest.mark.django_db


def copy_in_admin(admin, source, parent, slug, **choices):
    """The admin's answer to copying ``source`` under ``parent``, as an editor fills the form."""
    return admin.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {
            "new_title": source.title,
            "new_slug": slug,
            "new_parent_page": parent.pk,
            **{name: "on" for name, chosen in choices.items() if chosen},
        },
    )


@pytest.mark.parametrize(
    "key", ["teachers-webinar", "activity-colour-chemistry", "expo-matter", "space-auditorium"]
)
def test_an_alias_beside_its_original_is_refused_with_what_to_do(english_admin_client, key):
    original = demo_page(key, "fr")

    response = copy_in_admin(
        english_admin_client, original, original.get_parent(), "alias-bis", alias=True
    )

    assert response.status_code == 200
    (error,) = response.context["form"].errors["alias"]
    assert f"would list “{original.title}” twice" in error
    assert "Untick “Alias”" in error
    assert not Page.objects.filter(slug="alias-bis").exists()


def test_a_copy_beside_its_original_is_still_made(english_admin_client):
    event = demo_page("teachers-webinar", "fr")

    response = copy_in_admin(
        english_admin_client, event, event.get_parent(), "webinaire-bis", publish_copies=True
    )

    assert response.status_code == 302
    assert Page.objects.get(slug="webinaire-bis").alias_of_id is None


@pytest.mark.parametrize(
    ("key", "page_type"), [("agenda", "Agenda"), ("hub-visitors", "Audience hub")]
)
def test_a_second_agenda_or_hub_under_a_home_is_refused_for_what_it_is(
    english_admin_client, key, page_type
):
    source = demo_page(key, "fr")

    response = copy_in_admin(english_admin_client, source, source.get_parent(), "second")

    assert response.status_code == 200
    (error,) = response.context["form"].errors["new_parent_page"]
    assert "permission" not in error
    assert f"already has all the pages of type “{page_type}” it can take" in error


@pytest.fixture
def other_centres_agenda():
    """The agenda of the French home of a second centre sharing the install."""
    dutch_home = technopolis().root_page
    home = dutch_home.get_translation(Locale.objects.get(language_code="fr"))
    agenda = home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    agenda.save_revision().publish()
    return agenda


def test_an_alias_in_another_centre_s_agenda_is_filed_under_its_original(
    english_admin_client, client, other_centres_agenda
):
    event = publish_event(
        title="Nuit des étoiles",
        start_date=date(2030, 8, 10),
        start_time=time(21),
        end_time=time(23),
    )

    response = copy_in_admin(
        english_admin_client, event, other_centres_agenda, "nuit-des-etoiles", alias=True
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    alias = Page.objects.get(alias_of=event)
    assert alias.live
    assert Occurrence.objects.filter(page=alias).exists(), "listed with its dates at once"
    _site, _root, path = alias.get_url_parts()
    html = get(client, TECHNOPOLIS, path).content.decode()
    assert CANONICAL.findall(html) == OG_URL.findall(html) == [event.get_full_url()]
    sitemap = get(client, TECHNOPOLIS, "/sitemap.xml").content.decode()
    assert f"https://{TECHNOPOLIS}/fr/" in sitemap
    assert "nuit-des-etoiles" not in sitemap


@pytest.fixture
def alias_elsewhere():
    """An English exhibition's alias under "About us", in the same centre and language."""
    original = demo_page("expo-matter", "en")
    return original, original.create_alias(
        parent=demo_page("about", "en"), update_slug="matter-alias"
    )


def test_an_alias_elsewhere_on_the_site_is_filed_under_its_original(client, alias_elsewhere):
    original, alias = alias_elsewhere

    links = head_links(client, alias.url)

    assert links["canonical"] == links["og_url"] == absolute(original.url)
    assert links["alternates"] == {}, "no language links from a page that is not canonical"


def test_the_sitemap_leaves_aliases_out(client, alias_elsewhere):
    original, alias = alias_elsewhere

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"<loc>{original.full_url}</loc>" in sitemap
    assert alias.full_url not in sitemap
