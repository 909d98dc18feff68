"""The JSON agenda's paging follows its documentation: a wrong value answers 400, never less.

``docs/agenda-json.md`` is the contract with apps and partner sites: ``page_size`` from 1 to
100, ``page`` from 1, and ``{"error": "…"}`` with status 400 for anything else.
"""

import pytest

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def _json(client, query):
    return client.get(f"{demo_page('agenda', 'fr').url}json/?{query}")


@pytest.mark.parametrize("value", ["1000", "101", "0", "-5", "abc", "2.5", "1_0", " 5", "9" * 5000])
def test_a_page_size_outside_1_to_100_is_refused(client, value):
    response = _json(client, f"page_size={value}")
    assert response.status_code == 400
    assert response.json() == {"error": "page_size must be a whole number from 1 to 100"}


@pytest.mark.parametrize("value", ["0", "-1", "first", "1.0", "²"])
def test_a_page_that_is_not_a_whole_number_from_1_is_refused(client, value):
    response = _json(client, f"page={value}")
    assert response.status_code == 400
    assert response.json() == {"error": "page must be a whole number of 1 or more"}


def test_a_page_past_the_last_is_refused(client):
    response = _json(client, "page=99")
    assert response.status_code == 400
    assert response.json() == {"error": "there is no page 99"}


@pytest.mark.parametrize(("query", "size"), [("page_size=1", 1), ("page_size=100", 7), ("", 7)])
def test_page_sizes_within_the_range_are_served(client, query, size):
    response = _json(client, query)
    assert response.status_code == 200
    data = response.json()
    assert len(data["results"]) == size
    assert data["count"] == 7


def test_an_empty_value_means_the_default(client):
    response = _json(client, "page_size=&page=")
    assert response.status_code == 200
    assert response.json()["page"] == 1
