"""Exhibitions: dates and ages checked, listed with filters that work without JavaScript."""

from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csti_cms.visit.models import ExhibitionKind, ExhibitionPage
from csti_cms.visit.models.exhibitions import EXHIBITIONS_PER_PAGE
from tests.conftest import LANGUAGES, demo_page
from tests.visit.helpers import listed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_exhibition_pages_render_in_every_language(client, language):
    for key in ("exhibitions", "expo-matter", "expo-chemistry", "expo-networks"):
        page = demo_page(key, language)
        response = client.get(page.url)
        assert response.status_code == 200, key
        assert f'<html lang="{language}">' in response.content.decode()


def test_the_default_list_shows_what_is_on_and_coming(client):
    html = client.get(demo_page("exhibitions", "en").url).content.decode()
    # Permanent exhibitions first, then temporary ones by opening date.
    assert listed(html) == [
        "Matter in all its states",
        "Gears and machines",
        "Everyday chemistry",
        "All connected",
    ]


@pytest.mark.parametrize(
    ("when", "titles"),
    [
        ("current", ["Matter in all its states", "Gears and machines", "Everyday chemistry"]),
        ("upcoming", ["All connected"]),
        ("permanent", ["Matter in all its states", "Gears and machines"]),
        ("past", []),
    ],
)
def test_the_when_filter(client, when, titles):
    response = client.get(demo_page("exhibitions", "en").url, {"when": when})
    assert listed(response.content.decode()) == titles


def test_the_age_filter_keeps_exhibitions_suited_to_that_age(client):
    html = client.get(demo_page("exhibitions", "en").url, {"age": "7"}).content.decode()
    assert listed(html) == ["Matter in all its states"]
    html = client.get(demo_page("exhibitions", "en").url, {"age": "16"}).content.decode()
    assert "Gears and machines" not in listed(html)
    assert "All connected" in listed(html)


def test_a_wrong_age_gets_a_clear_error_and_the_list_stays(client):
    html = client.get(demo_page("exhibitions", "en").url, {"age": "seven"}).content.decode()
    assert "Enter a whole number." in html
    assert 'aria-invalid="true"' in html
    assert len(listed(html)) == 4


def test_past_exhibitions_are_listed_when_asked(client):
    index = demo_page("exhibitions", "fr")
    today = timezone.localdate()
    past = index.add_child(
        instance=ExhibitionPage(
            title="Les volcans",
            slug="les-volcans",
            kind=ExhibitionKind.TEMPORARY,
            start_date=today - timedelta(days=400),
            end_date=today - timedelta(days=100),
        )
    )
    past.save_revision().publish()
    assert "Les volcans" not in listed(client.get(index.url).content.decode())
    html = client.get(index.url, {"when": "past"}).content.decode()
    assert listed(html) == ["Les volcans"]
    assert 'name="robots" content="noindex, follow"' in html


def test_a_temporary_exhibition_needs_its_dates():
    exhibition = ExhibitionPage(title="Sans dates", slug="sans-dates", kind="temporary")
    with pytest.raises(ValidationError) as error:
        exhibition.full_clean()
    assert {"start_date", "end_date"} <= set(error.value.message_dict)


def test_ages_and_dates_must_be_in_order():
    today = timezone.localdate()
    exhibition = ExhibitionPage(
        title="À l'envers",
        slug="a-l-envers",
        kind="temporary",
        start_date=today,
        end_date=today - timedelta(days=1),
        age_min=12,
        age_max=6,
    )
    with pytest.raises(ValidationError) as error:
        exhibition.full_clean()
    assert {"end_date", "age_max"} <= set(error.value.message_dict)


def test_dates_out_of_any_programme_are_refused():
    """0001-01-01 typed for 2001-01-01 is refused, not published as "from 1 January 0001"."""
    exhibition = ExhibitionPage(
        title="Hors du temps",
        slug="hors-du-temps",
        kind="temporary",
        start_date=date(1, 1, 1),
        end_date=date(9999, 12, 31),
    )
    with pytest.raises(ValidationError) as error:
        exhibition.full_clean()
    messages = error.value.message_dict
    assert messages["start_date"] == ["Give a date between 1901-01-01 and 2999-12-31."]
    assert messages["end_date"] == messages["start_date"]


def add_exhibitions(index, count, start=0, image=None):
    for number in range(start, start + count):
        page = index.add_child(
            instance=ExhibitionPage(
                title=f"Exposition {number}",
                slug=f"exposition-{number}",
                introduction="Une exposition à toucher.",
                image=image,
                image_alt_text="Une molécule.",
                age_min=6,
                for_visitors=True,
            )
        )
        page.save_revision().publish()


def count_queries(client, url, params=None):
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [None, {"when": "current", "age": "8"}])
def test_the_list_costs_the_same_queries_with_5_or_100_exhibitions(client, params):
    index = demo_page("exhibitions", "fr")
    image = demo_page("expo-matter", "fr").image
    ExhibitionPage.objects.child_of(index).delete()
    add_exhibitions(index, 5, image=image)
    caches["default"].clear()
    with_five = count_queries(client, index.url, params)
    add_exhibitions(index, 95, start=5, image=image)
    caches["default"].clear()
    with_hundred = count_queries(client, index.url, params)
    assert with_hundred == with_five
    assert len(listed(client.get(index.url, params).content.decode())) == EXHIBITIONS_PER_PAGE


def test_next_pages_keep_the_filters(client):
    index = demo_page("exhibitions", "fr")
    add_exhibitions(index, EXHIBITIONS_PER_PAGE)
    html = client.get(index.url, {"age": "8"}).content.decode()
    assert 'href="?age=8&amp;page=2"' in html
