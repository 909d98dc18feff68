"""The comparison of spaces: filtered by guests and layout, in every language."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from csti_cms.core.models import AudienceHubPage, ContentPage, HomePage
from csti_cms.venues.models import VenueSpaceIndexPage, VenueSpacePage
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

SPACES = {"space-auditorium", "space-atrium", "space-seminar-room", "space-lab"}


def listed(client, page_language="fr", **params):
    listing = demo_page("venue-spaces", page_language)
    response = client.get(listing.url, params)
    assert response.status_code == 200
    html = response.content.decode()
    cards = html.split('<ul class="listing-cards">', 1)[-1].split("</ul>", 1)[0]
    # A filtered listing's cards carry its filters on to the space page.
    return response, {
        key
        for key in SPACES
        if re.search(f'href="{re.escape(demo_page(key, page_language).url)}["?]', cards)
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_space_is_listed_and_compared(client, language):
    response, keys = listed(client, language)
    assert keys == SPACES
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<table class="comparison">' in html and html.count('<th scope="row">') == 4
    assert 'role="region"' in html and 'tabindex="0"' in html


def test_filter_by_guests_in_any_layout(client):
    assert listed(client, guests=60)[1] == {
        "space-auditorium",
        "space-atrium",
        "space-seminar-room",
    }
    assert listed(client, guests=350)[1] == {"space-atrium"}
    assert listed(client, guests=1000)[1] == set()


def test_filter_by_layout_and_guests(client):
    assert listed(client, layout="boardroom")[1] == {"space-seminar-room"}
    assert listed(client, layout="classroom", guests=30)[1] == {"space-seminar-room"}
    assert listed(client, layout="classroom", guests=20)[1] == {"space-seminar-room", "space-lab"}
    response, keys = listed(client, "en", layout="banquet", guests=100)
    assert keys == {"space-atrium"}
    html = response.content.decode()
    # Filtered by layout, the table compares that layout only.
    assert '<th scope="col">Banquet</th>' in html and '<th scope="col">Theatre</th>' not in html


def test_bad_filter_values_are_reported_and_ignored(client):
    response, keys = listed(client, "en", guests="-4", layout="circus")
    assert keys == SPACES
    assert 'class="errorlist"' in response.content.decode()


def test_the_space_page_shows_capacities_equipment_and_a_quote_link(client):
    space = demo_page("space-seminar-room", "en")
    html = client.get(space.url).content.decode()
    assert "90 m²" in html and "Boardroom" in html and "24 guests" in html
    assert "Video-conferencing" in html and "Sandwich lunch" in html
    assert f'quote/?space={space.pk}"' in html


def test_a_space_needs_a_capacity_and_photo_descriptions(home_fr):
    space = VenueSpacePage(title="Terrasse", slug="terrasse", image=demo_page("home").hero_image)
    with pytest.raises(ValidationError) as error:
        space.clean()
    assert set(error.value.message_dict) == {"capacity_theatre", "image_alt_text"}


class TestPageTree(WagtailPageTestCase):
    def test_listings_go_under_hubs_home_or_content_pages_and_hold_spaces(self):
        self.assertAllowedParentPageTypes(
            VenueSpaceIndexPage, {AudienceHubPage, HomePage, ContentPage}
        )
        self.assertAllowedSubpageTypes(VenueSpaceIndexPage, {VenueSpacePage})
        self.assertAllowedParentPageTypes(VenueSpacePage, {VenueSpaceIndexPage})
        self.assertAllowedSubpageTypes(VenueSpacePage, set())


def card_guests(html):
    """``{space title: (fact label, guests text)}`` of the cards of a listing."""
    cards = html.split('<ul class="listing-cards">', 1)[1].split("</ul>", 1)[0]
    facts = {}
    for card in cards.split('class="listing-card__title">')[1:]:
        title = re.search(r"<a [^>]*>([^<]*)</a>", card)[1]
        facts[title] = re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", card)[-1]
    return facts


def test_cards_give_the_capacity_of_the_chosen_layout(client):
    response, _keys = listed(client, "en", layout="banquet")
    atrium = demo_page("space-atrium", "en")
    assert (atrium.capacity_banquet, atrium.max_capacity) == (220, 400)
    assert card_guests(response.content.decode())[atrium.title] == ("Banquet", "220 guests")


def test_cards_without_a_layout_give_the_largest_capacity(client):
    response, _keys = listed(client, "en")
    atrium = demo_page("space-atrium", "en")
    assert card_guests(response.content.decode())[atrium.title] == ("Up to", "400 guests")
