"""A renamed or moved page takes the addresses of its routes along, not only its own.

Calendars subscribe to an agenda's ``ics/``, partner sites read its ``json/``, teachers
bookmark an activity's booking form: Wagtail redirects the old address of each route a
page lists in ``get_route_paths`` (csti_cms.core.routes), spelled in the page's language
and in English, and the redirect keeps the reader's whole query.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Site

from csti_cms.agenda.models import AgendaPage
from csti_cms.plugins.declarations.models import DeclarationPage
from csti_cms.plugins.memberships.models import MembershipsPage
from csti_cms.schools.models import SchoolActivityPage
from csti_cms.venues.models import VenueSpaceIndexPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def publish_new_slug(renamed, slug, django_capture_on_commit_callbacks):
    """Publish ``renamed`` under ``slug`` as the editor's Publish does; Wagtail makes its
    redirects once that is committed. Returns the page's old and new addresses."""
    old_url = renamed.url
    renamed.slug = slug
    with django_capture_on_commit_callbacks(execute=True):
        renamed.save_revision().publish()
    renamed.refresh_from_db()
    return old_url, renamed.url


def assert_moved(client, old, new):
    response = client.get(old)
    assert (response.status_code, response.get("Location")) == (301, new), old


def query_of(url):
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize(
    ("page_class", "language", "paths"),
    [
        (
            AgendaPage,
            "fr",
            ["/", "/calendrier/", "/calendar/", "/archives/", "/archive/", "/ics/", "/json/"],
        ),
        (SchoolActivityPage, "nl", ["/", "/reserveren/", "/book/"]),
        (VenueSpaceIndexPage, "fr", ["/", "/devis/", "/quote/"]),
        (DeclarationPage, "en", ["/", "/endorse/", "/endorse/sent/", "/confirm/"]),
        (MembershipsPage, "en", ["/", "/past/"]),
    ],
)
def test_a_routable_page_lists_its_routes_as_its_language_spells_them(page_class, language, paths):
    listed = page_class(locale=Locale.objects.get(language_code=language)).get_route_paths()
    assert set(paths) <= set(listed)
    assert len(listed) == len(set(listed))


def test_a_route_with_an_argument_is_not_listed():
    """An agenda's months (``calendrier/2027/1/``) are too many to redirect one by one."""
    agenda = demo_page("agenda", "fr")
    assert "/calendrier/" in agenda.get_route_paths()
    assert not [path for path in agenda.get_route_paths() if path.count("/") > 2]


def test_the_agenda_s_routes_and_its_events_follow_its_new_slug(
    client, django_capture_on_commit_callbacks
):
    event = demo_page("museum-night", "fr")
    moved = publish_new_slug(
        demo_page("agenda", "fr"), "programme", django_capture_on_commit_callbacks
    )
    assert moved == ("/fr/agenda/", "/fr/programme/")
    for route in ("", "ics/", "json/", "calendrier/", "archives/", "calendar/"):
        assert_moved(client, f"/fr/agenda/{route}", f"/fr/programme/{route}")
        assert client.get(f"/fr/programme/{route}").status_code == 200, route
    for route in ("ics/", "dates/"):
        assert_moved(
            client, f"/fr/agenda/{event.slug}/{route}", f"/fr/programme/{event.slug}/{route}"
        )


def test_the_json_feed_keeps_its_reader_s_query(client, django_capture_on_commit_callbacks):
    """A partner's incremental read goes on where it stopped, not from the first page."""
    first = client.get("/fr/agenda/json/?updated_since=2000-01-01&page_size=2").json()
    next_url = first["next"]
    assert "cursor=" in next_url
    publish_new_slug(demo_page("agenda", "fr"), "programme", django_capture_on_commit_callbacks)

    response = client.get(next_url)
    assert response.status_code == 301
    location = response["Location"]
    assert urlsplit(location).path == "/fr/programme/json/"
    assert query_of(location) == query_of(next_url)
    assert (
        client.get(location).json()["results"]
        == client.get(next_url.replace("/fr/agenda/", "/fr/programme/")).json()["results"]
    )


def test_an_agenda_s_filters_and_tracking_go_on_together(
    client, django_capture_on_commit_callbacks
):
    publish_new_slug(demo_page("agenda", "fr"), "programme", django_capture_on_commit_callbacks)
    response = client.get("/fr/agenda/ics/?free=1&utm_source=lettre")
    assert response.status_code == 301
    assert query_of(response["Location"]) == {"free": ["1"], "utm_source": ["lettre"]}
    response = client.get("/fr/agenda/?when=weekend&page=2")
    assert query_of(response["Location"]) == {"when": ["weekend"], "page": ["2"]}


@pytest.mark.parametrize(
    ("language", "routes"),
    [("fr", ["ics/", "dates/"]), ("nl", ["ics/", "datums/", "dates/"])],
)
def test_an_event_s_routes_follow_its_new_slug(
    client, django_capture_on_commit_callbacks, language, routes
):
    old, new = publish_new_slug(
        demo_page("museum-night", language), "nocturne", django_capture_on_commit_callbacks
    )
    for route in routes:
        assert_moved(client, old + route, new + route)
        assert client.get(new + route).status_code == 200, route


@pytest.mark.parametrize(
    ("language", "routes"),
    [
        ("fr", ["reserver/", "book/", "reserver/merci/"]),
        ("nl", ["reserveren/", "book/", "reserveren/bedankt/"]),
    ],
)
def test_a_school_activity_s_booking_form_follows_its_new_slug(
    client, django_capture_on_commit_callbacks, language, routes
):
    old, new = publish_new_slug(
        demo_page("activity-colour-chemistry", language),
        "couleurs",
        django_capture_on_commit_callbacks,
    )
    for route in routes:
        assert_moved(client, old + route, new + route)
    assert client.get(new + routes[0]).status_code == 200


def test_the_quote_form_of_venue_spaces_follows_their_new_slug_with_the_spaces_ticked(
    client, django_capture_on_commit_callbacks
):
    old, new = publish_new_slug(
        demo_page("venue-spaces", "fr"), "nos-salles", django_capture_on_commit_callbacks
    )
    response = client.get(f"{old}devis/?space=36&space=37")
    assert response.status_code == 301
    assert urlsplit(response["Location"]).path == f"{new}devis/"
    assert query_of(response["Location"]) == {"space": ["36", "37"]}
    assert_moved(client, f"{old}quote/", f"{new}quote/")


def test_an_event_moved_to_another_agenda_of_the_site_takes_its_routes_along(
    client, django_capture_on_commit_callbacks
):
    agenda = demo_page("agenda", "fr")
    festival = agenda.get_parent().add_child(
        instance=AgendaPage(title="Festival", slug="festival", locale=agenda.locale)
    )
    festival.save_revision().publish()
    event = demo_page("museum-night", "fr")
    old = event.url
    with django_capture_on_commit_callbacks(execute=True):
        event.move(festival, pos="last-child")
    new = f"/fr/festival/{event.slug}/"
    assert client.get(new).status_code == 200
    for route in ("", "ics/", "dates/"):
        assert_moved(client, old + route, new + route)


def test_an_editor_s_redirect_to_a_page_still_drops_what_the_old_site_asked(client):
    """Only the tracking parameters go on, as before, from an address the page never had."""
    site = Site.objects.get(is_default_site=True)
    Redirect.add_redirect("/groupes.php", demo_page("schools", "fr"), site=site)
    response = client.get("/groupes.php?id=12&utm_source=lettre")
    assert response["Location"] == "/fr/ecoles/?utm_source=lettre"


def test_an_editor_s_redirect_to_a_page_s_route_keeps_the_whole_query(client):
    site = Site.objects.get(is_default_site=True)
    Redirect.add_redirect(
        "/agenda.ics", demo_page("agenda", "fr"), page_route_path="/ics/", site=site
    )
    response = client.get("/agenda.ics?free=1")
    assert response["Location"] == "/fr/agenda/ics/?free=1"
