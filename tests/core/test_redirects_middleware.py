"""Redirects of a former site's addresses lead somewhere, without loops or dead ends."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def add_redirect(old_path, target):
    """A redirect of the centre's site, as ``import_redirects`` or an editor adds it."""
    site = Site.objects.get(is_default_site=True)
    return Redirect.add_redirect(old_path, target, site=site)


def test_a_row_to_its_own_address_never_redirects_to_itself(
    client, django_capture_on_commit_callbacks
):
    add_redirect("/nl/scholen/", "http://testserver/nl/scholen/")
    assert client.get("/nl/scholen/").status_code == 200
    schools = demo_page("schools", "nl")
    schools.slug = "klassen"
    with django_capture_on_commit_callbacks(execute=True):
        schools.save_revision().publish()
    # Wagtail added no redirect of its own: the row holds the address.
    assert not Redirect.objects.filter(automatically_created=True, old_path="/nl/scholen")
    assert client.get("/nl/scholen/").status_code == 404


def test_a_row_to_its_own_address_gives_way_to_a_less_precise_one(client):
    add_redirect("/agenda.php?id=7", "/agenda.php?id=7")
    add_redirect("/agenda.php", "http://testserver/nl/scholen/")
    response = client.get("/agenda.php?id=7")
    assert (response.status_code, response["Location"]) == (301, "http://testserver/nl/scholen/")


@pytest.mark.parametrize(
    "tracking", ["utm_source=x", "utm_medium=social&utm_source=x", "fbclid=IwAR0", "gclid=Cj0K"]
)
def test_tracking_parameters_of_a_shared_link_go_on_to_the_new_address(client, tracking):
    add_redirect("/agenda.php?id=7&lang=nl", demo_page("schools", "nl"))
    response = client.get(f"/agenda.php?id=7&lang=nl&{tracking}")
    assert response.status_code == 301
    assert response["Location"] == f"/nl/scholen/?{tracking}"


def test_other_parameters_still_choose_the_row(client):
    add_redirect("/agenda.php?id=7&lang=nl", demo_page("schools", "nl"))
    assert client.get("/agenda.php?id=8&lang=nl&utm_source=x").status_code == 404


def test_an_address_without_its_own_row_keeps_wagtails_fallback(client):
    add_redirect("/groupes.php", "https://example.org/fr/ecoles/")
    response = client.get("/groupes.php?id=12&utm_campaign=rentree")
    assert response["Location"] == "https://example.org/fr/ecoles/?utm_campaign=rentree"
    assert client.get("/groupes.php?id=12")["Location"] == "https://example.org/fr/ecoles/"


def test_a_redirect_to_an_unpublished_page_answers_not_found_until_it_is_back(client):
    schools = demo_page("schools", "nl")
    add_redirect("/scholen.php", schools)
    assert client.get("/scholen.php").status_code == 301
    schools.unpublish()
    assert client.get("/scholen.php").status_code == 404
    schools.save_revision().publish()
    assert client.get("/scholen.php")["Location"] == "/nl/scholen/"
