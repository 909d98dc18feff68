"""A browser revalidating a public page it has already gets a 304 with no body, whether the
page comes from the page cache or is rendered afresh; forms, with their CSRF token, never
answer one visitor with another's copy."""

import pytest

from csti_cms.venues.models import VenueSpaceIndexPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def page_cache_off(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 0


def revalidated(client, path, etag):
    return client.get(path, headers={"if-none-match": etag})


@pytest.mark.parametrize("cache", ["page_cache_on", "page_cache_off"])
def test_a_public_page_revalidated_is_a_304_without_body(client, request, cache):
    request.getfixturevalue(cache)
    path = demo_page("home").url

    first = client.get(path)
    assert first.status_code == 200
    etag = first["ETag"]

    again = revalidated(client, path, etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again.has_header("Content-Security-Policy")


def test_a_cached_page_keeps_its_etag_and_is_not_hashed_again(client, page_cache_on, monkeypatch):
    path = demo_page("agenda").url
    etag = client.get(path)["ETag"]

    hashed = []
    monkeypatch.setattr(
        "django.middleware.http.set_response_etag",
        lambda response: hashed.append(response) or response,
    )
    again = revalidated(client, path, etag)

    assert again.status_code == 304
    assert hashed == [], "the ETag stored with the page is used"


def test_a_changed_page_is_sent_again(client, page_cache_on):
    path = demo_page("about").url
    etag = client.get(path)["ETag"]

    assert revalidated(client, path, '"an-older-copy"').status_code == 200
    assert revalidated(client, path, etag).status_code == 304


def test_a_form_is_never_another_visitors_copy(client, page_cache_on):
    listing = VenueSpaceIndexPage.objects.live().filter(locale__language_code="fr").first()
    path = listing.url + listing.reverse_subpage("quote")
    first = client.get(path)
    assert first.status_code == 200
    assert b"csrfmiddlewaretoken" in first.content
    # As before: the form and the visitor's answers are stored nowhere.
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]

    other_visitor = client.__class__()
    again = other_visitor.get(path, headers={"if-none-match": first.get("ETag", '"*"')})
    same_visitor = client.get(path, headers={"if-none-match": first.get("ETag", '"*"')})

    for answer in (again, same_visitor):
        assert answer.status_code == 200
        assert b"csrfmiddlewaretoken" in answer.content
        assert answer["Cache-Control"] == first["Cache-Control"]
        assert not answer.has_header("ETag")
