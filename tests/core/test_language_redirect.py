"""An address without a language leads to a language the centre really has live."""

import pytest
from django.conf import settings
from wagtail.models import Site

from csti_cms.core.middleware import live_languages
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def redirect_of(client, path, accept_language="", **extra):
    response = client.get(path, headers={"accept-language": accept_language}, **extra)
    assert response.status_code == 302, path
    return response["Location"]


def test_a_language_whose_home_is_unpublished_sends_visitors_to_the_sites_own_language(client):
    demo_page("home", "nl").unpublish()
    location = redirect_of(client, "/", "nl-BE,nl;q=0.9")
    assert location == "/fr/"
    assert client.get(location).status_code == 200


def test_the_visitors_next_live_language_comes_before_the_sites_own(client):
    demo_page("home", "nl").unpublish()
    assert redirect_of(client, "/", "nl-BE,nl;q=0.9,en;q=0.5") == "/en/"


def test_the_language_cookie_counts_only_for_a_live_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert redirect_of(client, "/", "en") == "/nl/", "the visitor's choice comes first"
    demo_page("home", "nl").unpublish()
    assert redirect_of(client, "/", "en") == "/en/"
    assert redirect_of(client, "/", "de") == "/fr/"


def test_other_addresses_without_a_language_keep_their_path_and_query(client):
    demo_page("home", "nl").unpublish()
    location = redirect_of(client, "/search/?q=wetenschap", "nl")
    assert location == "/fr/search/?q=wetenschap"
    answer = client.get(location, follow=True)
    assert answer.redirect_chain == [("/fr/recherche/?q=wetenschap", 301)], "to the French spelling"
    assert answer.status_code == 200


def test_without_the_sites_own_language_the_first_live_one_is_chosen(client):
    demo_page("home", "fr").unpublish()
    assert redirect_of(client, "/", "de") == "/nl/"
    assert redirect_of(client, "/", "en") == "/en/"


def test_a_centre_publishing_in_one_language_receives_every_visitor_in_it(client, site):
    assert redirect_of(client, "/", "nl", HTTP_HOST=site.hostname) == "/fr/"
    assert redirect_of(client, "/", "nl") == "/nl/", "the demo centre has its Dutch home"


def test_publishing_the_home_again_brings_its_language_back(client):
    home_nl = demo_page("home", "nl")
    home_nl.unpublish()
    assert redirect_of(client, "/", "nl") == "/fr/"
    home_nl.get_latest_revision().publish()
    assert redirect_of(client, "/", "nl") == "/nl/"


def test_the_redirect_still_varies_on_the_visitors_language(client):
    response = client.get("/", headers={"accept-language": "nl"})
    assert {"Accept-Language", "Cookie"} <= {
        header.strip() for header in response["Vary"].split(",")
    }


def test_the_live_languages_of_a_site_are_read_once_per_change(django_assert_num_queries):
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    with django_assert_num_queries(1):
        assert live_languages(site) == ["fr", "nl", "en"]
    with django_assert_num_queries(0):
        assert live_languages(site) == ["fr", "nl", "en"]
    demo_page("home", "nl").unpublish()
    with django_assert_num_queries(1):
        assert live_languages(site) == ["fr", "en"]


@pytest.mark.parametrize(
    "path",
    ["/admin/snippets/no-such-app/no-such-model/", "/admin/no-such-screen/", "/documents/0/x.pdf"],
)
def test_a_not_found_in_a_part_without_languages_is_not_given_one(admin_client, path):
    """The admin and documents answer their own 404, not a redirect to /fr/admin/…."""
    assert admin_client.get(path).status_code == 404
