"""`manage.py add_centre` sets up a centre's homes and site, for the first centre and later ones."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from csti_cms.core.centres import add_centre
from csti_cms.core.models import BrandingSettings, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_install():
    """The database as Wagtail leaves a new install: one site showing its welcome page.

    The demo's pages stay in the tree, as no site's pages, which a new centre must not touch.
    """
    Site.objects.all().delete()
    welcome = Page(title="Welcome to your new Wagtail site!", slug="welcome")
    Page.get_first_root_node().add_child(instance=welcome)
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)
    return welcome


def test_first_centre_takes_over_the_placeholder_site(fresh_install):
    pages_before = Page.objects.count()
    centre = add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    site = Site.objects.get()
    assert site == centre.site
    assert (site.hostname, site.port, site.is_default_site) == ("www.technopolis.be", 443, True)
    assert site.root_url == "https://www.technopolis.be"
    assert site.site_name == "Technopolis"
    assert not Page.objects.filter(pk=fresh_install.pk).exists()
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert (home.title, home.locale.language_code, home.live) == ("Technopolis", "nl", True)
    # The welcome page went, the homes in three languages came.
    assert Page.objects.count() == pages_before - 1 + 3
    assert BrandingSettings.for_site(site).centre_name == "Technopolis"


def test_homes_in_other_languages_wait_for_their_translator(fresh_install):
    centre = add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    drafts = {page.locale.language_code: page for page in centre.drafts}
    assert list(drafts) == ["fr", "en"]
    assert not any(page.live for page in drafts.values())
    assert {page.translation_key for page in drafts.values()} == {centre.home.translation_key}


def test_the_new_home_answers_visitors_on_its_host_name(client, fresh_install):
    add_centre("Technopolis", "www.technopolis.be", 443, "nl")
    response = client.get("/nl/", HTTP_HOST="www.technopolis.be", secure=True)
    assert response.status_code == 200
    # The home is named after the centre: its name is not repeated in the window title.
    assert "<title>Technopolis</title>" in response.content.decode()
    # The French home is still a draft: its address is not a page yet.
    assert client.get("/fr/", HTTP_HOST="www.technopolis.be", secure=True).status_code == 404


def test_a_later_centre_is_a_site_of_its_own():
    demo_site = Site.objects.get(is_default_site=True)
    centre = add_centre("Cap Sciences", "www.cap-sciences.net")
    assert Site.objects.count() == 2
    assert not centre.site.is_default_site
    assert Site.objects.get(is_default_site=True) == demo_site
    assert centre.home.locale == Locale.objects.get(language_code="fr")
    assert centre.site.root_page_id == centre.home.pk


def test_a_taken_host_name_changes_nothing():
    demo_site = Site.objects.get(is_default_site=True)
    pages_before = Page.objects.count()
    with pytest.raises(ValidationError, match="already answers"):
        add_centre("Copy", demo_site.hostname, demo_site.port)
    assert Page.objects.count() == pages_before
    assert Site.objects.count() == 1


def test_a_language_the_install_does_not_publish_in_is_refused():
    with pytest.raises(ValidationError, match="not a content language"):
        add_centre("Experimentarium", "www.experimentarium.dk", 443, "da")


def test_the_command_prints_where_the_centre_answers_and_what_to_translate(capsys):
    call_command("add_centre", "--host", "WWW.Cap-Sciences.net", "--name", "Cap Sciences")
    out = capsys.readouterr().out
    assert "Cap Sciences answers at https://www.cap-sciences.net/fr/" in out
    assert (
        "Nederlands: a draft to translate and publish, https://www.cap-sciences.net/admin/" in out
    )
    assert Site.objects.filter(hostname="www.cap-sciences.net").exists()


@pytest.mark.parametrize("host", ["https://www.example.org", "www.example.org/fr", "a b", ""])
def test_the_command_refuses_what_is_not_a_host_name(host):
    with pytest.raises(CommandError, match="not a host name"):
        call_command("add_centre", "--host", host, "--name", "X")
    assert Site.objects.count() == 1


def test_the_command_turns_a_refusal_into_a_message():
    demo_site = Site.objects.get(is_default_site=True)
    with pytest.raises(CommandError, match="Nothing was changed: A site already answers"):
        call_command("add_centre", "--host", demo_site.hostname, "--port", str(demo_site.port))


def test_two_centres_of_the_same_name_get_homes_of_their_own():
    first = add_centre("Sciencecentrum", "www.first.example")
    second = add_centre("Sciencecentrum", "www.second.example")
    assert first.home.pk != second.home.pk
    homes = Page.objects.filter(depth=2)
    assert homes.values("slug").distinct().count() == homes.count()
