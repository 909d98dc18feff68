"""The spaces' comparison read without the style sheet (reader mode, a text browser)."""

import lxml.html
import pytest

from tests.conftest import demo_page
from tests.helpers import text_without_style_sheet

pytestmark = pytest.mark.django_db


def test_a_layout_a_space_does_not_offer_reads_apart_from_its_dash(client):
    listing = demo_page("venue-spaces", "en")
    html = lxml.html.fromstring(client.get(listing.url).content.decode())
    cells = html.xpath('//table[@class="comparison"]//td[span[@class="not-offered"]]')
    assert cells, "a demo space lacks a layout"
    assert {" ".join(text_without_style_sheet(cell)) for cell in cells} == {"– not offered"}
