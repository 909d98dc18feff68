"""A teacher from abroad finds activities by the pupils' age, with the listing's other filters,
at an address to share; an age the list cannot use is told, never a server error."""

import html

import pytest
from django.core.cache import caches

from csti_cms.schools.forms import PUPILS_AGE_ERROR
from csti_cms.schools.models import SchoolActivityIndexPage
from tests.conftest import demo_page
from tests.schools.helpers import publish_activity
from tests.schools.test_activity_listing import DEMO_ACTIVITIES, level, listed
from tests.schools.test_query_bounds import (
    LISTING_QUERY_BOUND,
    add_activities,
    count_queries,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("3", {"activity-little-explorers"}),
        ("7", {"activity-solar-system-show"}),
        (
            "12",
            {
                "activity-colour-chemistry",
                "activity-solar-system-show",
                "activity-energy-tour",
                "activity-robot-coding",
            },
        ),
        ("18", {"activity-energy-tour", "activity-climate-talk"}),
    ],
)
def test_the_age_keeps_the_activities_whose_range_includes_it(client, age, expected):
    assert listed(client, "fr", age=age)[1] == expected


def test_an_open_ended_range_counts(client):
    from_ten = publish_activity(title="Atelier dès 10 ans", age_min=10)
    up_to_eight = publish_activity(title="Atelier jusqu'à 8 ans", age_max=8)
    any_age = publish_activity(title="Atelier pour tous")
    listing = demo_page("school-activities")
    page = client.get(listing.url, {"age": "16"}).content.decode()
    assert f'href="{from_ten.url}"' in page and f'href="{any_age.url}"' in page
    assert f'href="{up_to_eight.url}"' not in page


def test_a_special_needs_class_up_to_21_finds_its_activities(client):
    """Special needs secondary schools keep their pupils until 21: the list takes that age."""
    for_young_adults = publish_activity(title="Atelier jusqu'à 21 ans", age_min=15, age_max=21)
    up_to_eighteen = publish_activity(title="Atelier jusqu'à 18 ans", age_min=12, age_max=18)
    response = client.get(demo_page("school-activities").url, {"age": "21"})
    page = response.content.decode()
    assert not response.context["filter_form"].errors
    assert f'href="{for_young_adults.url}"' in page
    assert f'href="{up_to_eighteen.url}"' not in page


def test_the_age_combines_with_the_other_filters(client):
    secondary = level("level-be-s1")
    assert listed(client, "fr", age="12", level=secondary.pk)[1] == {
        "activity-energy-tour",
        "activity-robot-coding",
    }
    assert listed(client, "fr", age="12", type="show")[1] == {"activity-solar-system-show"}
    assert listed(client, "fr", age="12", language="de", duration="long")[1] == {
        "activity-energy-tour"
    }


def test_the_field_is_labelled_like_the_others_and_keeps_its_value(client):
    response, _keys = listed(client, "en", age="12")
    page = html.unescape(response.content.decode())
    assert (
        '<div class="listing-filters__field"><label for="id_age">Pupils\' age:</label> '
        '<input type="number" name="age" value="12" inputmode="numeric" min="3" max="21" '
        'id="id_age"></div>'
    ) in page
    assert "4 activities match your choice" in page
    assert '<meta name="robots" content="noindex, follow">' in page


@pytest.mark.parametrize("typed", ["abc", "99", "22", "2", "-5", "12.5"])
def test_an_age_the_list_cannot_use_is_told_and_ignored(client, typed):
    response, keys = listed(client, "en", age=typed)
    assert keys == DEMO_ACTIVITIES
    assert response.context["filter_form"].errors["age"] == [str(PUPILS_AGE_ERROR)]
    page = html.unescape(response.content.decode())
    assert '<ul class="errorlist" id="id_age_error"><li>' + str(PUPILS_AGE_ERROR) in page
    assert 'aria-invalid="true" aria-describedby="id_age_error"' in page


def test_the_filtered_list_costs_the_same_queries_for_5_activities_or_100(client):
    home = demo_page("home")
    listing = home.add_child(
        instance=SchoolActivityIndexPage(title="Toutes les activités", slug="toutes-activites")
    )
    listing.save_revision().publish()
    add_activities(listing, 5)
    url = f"{listing.url}?age=10&language=fr"
    small, shown = count_queries(client, url)
    assert shown == 5
    assert small <= LISTING_QUERY_BOUND, f"{small} queries"

    add_activities(listing, 95, start=5)
    caches["default"].clear()
    large, shown = count_queries(client, url)
    assert shown == 24, "one page of the list"
    assert large == small, f"{small} queries with 5 activities, {large} with 100"
    # The next pages keep the age.
    assert "age=10" in client.get(url).content.decode().split('class="pagination', 1)[1]
