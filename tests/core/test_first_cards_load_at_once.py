"""The pictures of a listing's first row load at once; the others as the visitor scrolls.

A lazy picture is fetched only after layout, so cards in view on opening showed late.
"""

import lxml.html
import pytest

from csti_cms.core.templatetags.csti_images import CARDS_IN_FIRST_ROW, card_loading
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db

LISTINGS = {
    "exhibitions": "card__image",
    "school-activities": "listing-card__image",
    "venue-spaces": "listing-card__image",
}


def test_the_first_row_is_eager_and_the_rest_lazy():
    positions = range(1, CARDS_IN_FIRST_ROW + 3)
    assert [card_loading(position) for position in positions] == (
        ["eager"] * CARDS_IN_FIRST_ROW + ["lazy"] * 2
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("key", LISTINGS)
def test_a_listing_loads_its_first_cards_at_once(client, key, language):
    response = client.get(demo_page(key, language).url)
    assert response.status_code == 200
    html = lxml.html.fromstring(response.content)
    loading = [img.get("loading") for img in html.find_class(LISTINGS[key])]
    assert loading, "the demo's listing shows pictures"
    shown_at_once = min(len(loading), CARDS_IN_FIRST_ROW)
    assert loading[:shown_at_once] == ["eager"] * shown_at_once
    assert set(loading[shown_at_once:]) <= {"lazy"}
