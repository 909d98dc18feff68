"""An event held at a place of its own gives that place's town, and its JSON-LD holds no
empty address parts.

A place name alone passed validation and the event's schema.org Place carried
``"streetAddress": ""``, ``"addressLocality": ""``...: Google requires the address of an
event's place, so the event lost its rich result and Search Console reported an error.
"""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from csti_cms.agenda.models import EventPage, Venue
from quality.structured_data import item_problems
from tests.agenda.helpers import json_ld, post_event, publish_event, refused
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

NO_TOWN = "Give the town or city of this place: search engines need it to show the event."


def empty_values(data):
    """Every key of ``data``, at any depth, whose value is an empty string."""
    if isinstance(data, list):
        return [key for item in data for key in empty_values(item)]
    if not isinstance(data, dict):
        return []
    empty = [key for key, value in data.items() if value == ""]
    return empty + [key for value in data.values() for key in empty_values(value)]


def test_a_place_name_without_a_town_is_refused_on_the_town(english_admin_client):
    response = post_event(
        english_admin_client, "au-parc", place_name="Parc Louise-Marie", locality=" "
    )
    refused(response, "locality", NO_TOWN)
    assert not EventPage.objects.filter(slug="au-parc").exists()


def test_a_place_name_with_its_town_is_published(english_admin_client):
    post_event(english_admin_client, "au-parc", place_name="Parc Louise-Marie", locality="Namur")
    assert EventPage.objects.get(slug="au-parc").live


def test_a_venue_of_the_centre_and_an_online_event_need_no_town():
    venue = Venue.objects.create(name="Salle Faraday", locale=demo_page("agenda").locale)
    at_the_centre = EventPage(title="Atelier", venue=venue)
    online = EventPage(
        title="Conférence", attendance_mode="online", online_url="https://live.example.org/"
    )
    assert "locality" not in at_the_centre.validation_errors()
    assert "locality" not in online.validation_errors()


@freeze_time("2026-03-01 12:00:00")
def test_an_event_saved_before_the_check_renders_without_empty_address_parts(client):
    event = publish_event(place_name="Parc Louise-Marie", locality="Namur")
    EventPage.objects.filter(pk=event.pk).update(locality="", latitude=None, longitude=None)
    response = client.get(event.url)
    assert response.status_code == 200
    (item,) = json_ld(response.content.decode())
    assert item["location"]["name"] == "Parc Louise-Marie"
    assert item["location"]["address"] == {"@type": "PostalAddress", "addressCountry": "BE"}
    assert empty_values(item) == []


@freeze_time("2026-03-01 12:00:00")
def test_a_venue_without_a_street_writes_only_the_parts_it_has(client):
    venue = Venue.objects.create(
        name="Salle Faraday", locality="Namur", locale=demo_page("agenda").locale
    )
    event = publish_event(venue=venue, place_name="")
    (item,) = json_ld(client.get(event.url).content.decode())
    assert item["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Namur",
        "addressCountry": "BE",
    }
    assert empty_values(item) == []
    assert item_problems(item) == []


def test_a_venue_needs_its_town_as_every_event_held_there_gives_its_address(
    english_admin_client,
):
    url = reverse("wagtailsnippets_csti_agenda_venue:add") + "?locale=fr"
    data = {"name": "Salle Volta", "street_address": "Rue des Piles 1", "country": "BE"}
    response = english_admin_client.post(url, data)
    assert response.status_code == 200
    assert "Give the town or city of this venue" in response.content.decode()
    assert not Venue.objects.filter(name="Salle Volta").exists()
    response = english_admin_client.post(url, {**data, "locality": "Mechelen"})
    assert response.status_code == 302
    assert Venue.objects.get(name="Salle Volta").locality == "Mechelen"
