"""Practical information: hours, prices and structured accessibility, in every language."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from wagtail.models import Site

from csti_cms.core.demo_content import stable_uuid
from csti_cms.visit.models import AccessibilityAid, TicketCategory, WheelchairAccess
from tests.conftest import LANGUAGES, demo_page

from .helpers import SPRING_HOLIDAYS, replace_opening_hours

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_shows_prices_in_the_visitors_language(client, language):
    html = client.get(demo_page("practical-info", language).url).content.decode()
    adult = TicketCategory.objects.get(
        translation_key=stable_uuid("snippet", "ticket-adult"), locale__language_code=language
    )
    assert adult.name in html
    assert 'href="https://tickets.curiosa.example/"' in html


def test_prices_are_formatted_for_the_language(client):
    assert "12,00" in client.get(demo_page("practical-info", "fr").url).content.decode()
    assert "12.00" in client.get(demo_page("practical-info", "en").url).content.decode()


def test_a_ticket_category_for_another_site_is_not_shown():
    site = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="other.example", root_page=site.root_page)
    TicketCategory.objects.create(
        name="Autre centre", price=Decimal("5"), site=other, locale=demo_page("home").locale
    )
    names = [category.name for category in TicketCategory.for_site(site, "fr")]
    assert "Autre centre" not in names
    assert "Adulte" in names


def test_accessibility_is_structured(client):
    page = demo_page("practical-info", "en")
    assert page.wheelchair_access == WheelchairAccess.PARTIAL, "the lab has two steps"
    html = client.get(page.url).content.decode()
    assert str(WheelchairAccess.PARTIAL.label) in html
    assert str(AccessibilityAid.INDUCTION_LOOP.label) in html
    assert "Sunday, from 10:00 to 12:00" in html


def test_quiet_hours_and_aids_are_the_same_in_every_language():
    pages = [demo_page("practical-info", language) for language in LANGUAGES]
    assert len({tuple(page.accessibility_aids) for page in pages}) == 1
    quiet = {tuple((q.weekday, q.starts) for q in page.quiet_hours.all()) for page in pages}
    assert len(quiet) == 1


def test_unknown_aids_are_refused():
    page = demo_page("practical-info", "fr")
    page.accessibility_aids = ["lift", "teleporter"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "accessibility_aids" in error.value.message_dict


def test_the_page_lists_seasonal_hours_and_closures_ahead(client):
    replace_opening_hours(
        periods=[SPRING_HOLIDAYS],
        closures=[{"start_date": SPRING_HOLIDAYS["start_date"], "reason": "public-holiday"}],
    )
    with freeze_time("2026-03-20T10:00:00Z"):
        html = client.get(demo_page("practical-info", "en").url).content.decode()
    assert "From 6 April 2026 to 19 April 2026" in html
    assert "Monday 6 April 2026: Public holiday" in html
    assert "Tuesday to Friday: 9:30–17:00" in html


def test_the_page_costs_a_bounded_number_of_queries(client):
    url = demo_page("practical-info", "fr").url
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(30):
        TicketCategory.objects.create(
            name=f"Tarif {number}", price=Decimal(number), locale=demo_page("home").locale
        )
    client.get(url)  # the new prices start a cache generation: warm it again
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after) == len(before)
