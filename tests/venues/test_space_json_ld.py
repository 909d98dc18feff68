"""A space page describes itself to search engines as a schema.org EventVenue."""

import pytest
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from quality.structured_data import item_problems
from tests.agenda.helpers import json_ld
from tests.conftest import demo_page
from tests.venues.helpers import publish_space

pytestmark = pytest.mark.django_db


def test_a_space_is_an_event_venue_at_the_centres_address(client):
    atrium = demo_page("space-atrium", "en")
    data = json_ld(client.get(atrium.url).content.decode())
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    assert data["@type"] == "EventVenue" and data["name"] == "Discovery atrium"
    assert data["maximumAttendeeCapacity"] == 400  # standing, its largest layout
    assert data["address"]["streetAddress"] == contact.street_address
    assert data["url"] == atrium.full_url
    assert item_problems(data) == []


def test_a_space_name_cannot_end_the_script(client):
    space = publish_space(title="Salle </script><!--<script>", capacity_reception=80)
    html = client.get(space.url).content.decode()
    assert "</script><!--" not in html.split("<body")[0].split("ld+json")[1][:400]
    assert json_ld(html)["name"] == "Salle </script><!--<script>"


def test_no_address_no_structured_data(client):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.street_address = contact.locality = ""
    contact.save()
    html = client.get(demo_page("space-atrium", "en").url).content.decode()
    assert "EventVenue" not in html
