"""Dates a visitor can type but the agenda cannot hold: a clear answer, never a 500.

The agenda's years run from 1901 to 2999, like its calendar; a date filter outside them is
ignored like any other wrong filter, and the JSON endpoint answers 400 for a wrong
``updated_since``.
"""

import pytest
from django.utils.html import escape

from csti_cms.agenda.models import EventPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

AGENDA_ROUTES = ["", "ics/", "json/"]
OUT_OF_RANGE = ["start=0001-01-01", "end=9999-12-31", "start=1900-12-31", "end=3000-01-01"]


def _answer(client, route, query=""):
    agenda = demo_page("agenda", "en")
    return client.get(f"{agenda.url}{route}?{query}")


def _events(response):
    """The events a route lists: JSON ids, iCalendar UIDs or the titles on the page."""
    if response["Content-Type"].startswith("application/json"):
        return {event["id"] for event in response.json()["results"]}
    body = response.content.decode()
    if response["Content-Type"].startswith("text/calendar"):
        return {line for line in body.splitlines() if line.startswith("UID")}
    return {page.title for page in EventPage.objects.all() if escape(page.title) in body}


@pytest.mark.parametrize("route", AGENDA_ROUTES)
@pytest.mark.parametrize("query", OUT_OF_RANGE)
def test_a_date_filter_outside_the_agendas_years_is_ignored(client, route, query):
    response = _answer(client, route, query)
    assert response.status_code == 200
    assert _events(response) == _events(_answer(client, route))
    assert _events(response), "the demo agenda lists upcoming events"


@pytest.mark.parametrize("query", OUT_OF_RANGE)
def test_the_page_tells_the_visitor_which_date_it_ignored(client, query):
    html = _answer(client, "", query).content.decode()
    field, value = query.split("=")
    assert 'class="errorlist' in html
    assert ("greater than or equal to 1901-01-01" in html) == (field == "start")
    assert ("less than or equal to 2999-12-31" in html) == (field == "end")
    assert 'min="1901-01-01"' in html and 'max="2999-12-31"' in html


def test_the_first_and_last_days_of_the_agendas_years_are_kept(client):
    query = "start=1901-01-01&end=2999-12-31"
    html = _answer(client, "", query).content.decode()
    assert "errorlist" not in html
    everything = _answer(client, "json/", query + "&page_size=100").json()
    upcoming = _answer(client, "json/", "page_size=100").json()
    # From 1901 on, the past dates of the demo events are listed too.
    assert everything["count"] >= upcoming["count"]
    listed = sum(len(event["occurrences"]) for event in everything["results"])
    assert listed > sum(len(event["occurrences"]) for event in upcoming["results"])
    assert _answer(client, "ics/", query).status_code == 200


@pytest.mark.parametrize(
    "since",
    [
        "2024-02-30",
        "2024-02-30T10:00",
        "2024-13-01",
        "2024-01-01T25:00",
        "2024-01-01T10:00%2B99:00",
    ],
)
def test_json_answers_400_for_an_impossible_updated_since(client, since):
    response = _answer(client, "json/", f"updated_since={since}")
    assert response.status_code == 400
    assert response.json() == {"error": "updated_since is not a valid date or time"}


@pytest.mark.parametrize(
    "since", ["0001-01-01", "1900-12-31T23:59", "3000-01-01", "9999-12-31T23:59:59-05:00"]
)
def test_json_answers_400_for_an_updated_since_outside_the_agendas_years(client, since):
    response = _answer(client, "json/", "updated_since=" + since.replace("+", "%2B"))
    assert response.status_code == 400
    assert response.json() == {"error": "updated_since must be between 1901-01-01 and 2999-12-31"}


def test_json_accepts_updated_since_at_the_agendas_first_day(client):
    response = _answer(client, "json/", "updated_since=1901-01-01")
    assert response.status_code == 200
    assert response.json()["count"] == 7


def test_calendar_links_no_month_beyond_its_first_and_last(client):
    agenda = demo_page("agenda", "en")
    first = client.get(agenda.url + "calendar/1901/1/")
    assert first.status_code == 200
    first_html = first.content.decode()
    assert 'rel="prev"' not in first_html
    assert f'rel="next" href="{agenda.url}calendar/1901/2/"' in first_html

    last = client.get(agenda.url + "calendar/2999/12/?audience=visitors")
    assert last.status_code == 200
    last_html = last.content.decode()
    assert 'rel="next"' not in last_html
    assert f'rel="prev" href="{agenda.url}calendar/2999/11/?audience=visitors"' in last_html

    for beyond in ("1900/12", "3000/1", "99999/1"):
        assert client.get(agenda.url + f"calendar/{beyond}/").status_code == 404, beyond
