"""Prices are written one way in each language, on the event and in the agenda's list.

Templates printed the stored number: "5,00 €" once published, but "5 €" in the
preview, where the price is the number the editor typed.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def on_event_page(html, price):
    return re.search(rf"<dd>\s*{re.escape(price)}\s*</dd>", html) is not None


@pytest.mark.parametrize(
    "language, stored, shown",
    [
        # The euro sign stays on the number's line, with a no-break space.
        ("fr", "5", "5\u00a0€"),
        ("fr", "5.50", "5,50\u00a0€"),
        ("nl", "5.50", "€\u00a05,50"),
        ("en", "5", "€5"),
        ("en", "5.50", "€5.50"),
        ("en", "0.50", "€0.50"),
    ],
)
def test_a_price_is_written_the_way_the_language_writes_it(client, language, stored, shown):
    page = publish_event(
        demo_page("agenda", language),
        title=f"Atelier à {stored}",
        start_date=timezone.localdate() + timedelta(days=3),
        price=Decimal(stored),
    )
    event = client.get(page.url)
    assert event.status_code == 200
    assert on_event_page(event.content.decode(), shown), "the event page's price"

    listing = client.get(page.get_parent().url, {"q": page.title})
    assert listing.status_code == 200
    assert f"<li>{shown}</li>" in listing.content.decode(), "the agenda's price"
