"""The map and the JSON feed find each event's next date by event, and the JSON loads the
details of its page's events only.

A big agenda holds tens of thousands of dates ahead: grouping them all to find each
event's first one, or joining every event to its venue, picture and feed state before
keeping twenty, cost most of the agenda page's and the feed's time (docs: CHANGELOG).
What visitors and readers get stays the same; these tests pin it and the queries' shape.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from csti_cms.agenda.models import Occurrence
from tests.agenda.helpers import publish_event
from tests.agenda.test_agenda_page import map_points
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def _occurrence_sql(queries):
    return [q["sql"] for q in queries if '"csti_agenda_occurrence"' in q["sql"]]


def test_the_map_looks_up_each_event_s_next_date_without_grouping_dates(client):
    agenda = demo_page("agenda", "fr")
    publish_event(title="Planétarium", start_date=timezone.localdate() + timedelta(days=2))
    with CaptureQueriesContext(connection) as queries:
        html = client.get(agenda.url).content.decode()
    assert "Planétarium" in {event["title"] for event in map_points(html)}
    for sql in _occurrence_sql(queries.captured_queries):
        assert "GROUP BY" not in sql.upper(), f"the map groups every date: {sql}"


def test_a_filtered_map_shows_the_next_date_of_the_events_kept(client):
    agenda = demo_page("agenda", "fr")
    soon = timezone.localdate() + timedelta(days=2)
    category = demo_page("little-chemists", "fr").categories.first()
    kept = publish_event(
        title="Fusées à eau",
        start_date=soon,
        recurrence="FREQ=WEEKLY;COUNT=3",
        categories=[category],
    )
    left = publish_event(title="Volcans en bouteille", start_date=soon)
    url = f"{agenda.url}?category={category.slug}&when=dates&start={soon + timedelta(days=1)}"
    events = {event["title"]: event for event in map_points(client.get(url).content.decode())}
    assert kept.title in events and left.title not in events
    next_in_period = Occurrence.objects.filter(page=kept).order_by("start")[1].start
    with translation.override("fr"):
        assert events[kept.title]["when"] == date_format(timezone.localtime(next_in_period), "j F")


def test_the_json_orders_events_by_their_next_date_in_the_period(client):
    agenda = demo_page("agenda", "fr")
    day = timezone.localdate() + timedelta(days=1)
    series = publish_event(
        title="Comète bavarde", start_date=day, recurrence="FREQ=DAILY;INTERVAL=9;COUNT=2"
    )
    single = publish_event(title="Comète muette", start_date=day + timedelta(days=5))

    def order(**query):
        data = client.get(agenda.url + "json/", {"q": "comete", **query}).json()
        return [event["page_id"] for event in data["results"]], data["count"]

    assert order() == ([series.pk, single.pk], 2)
    later = {"when": "dates", "start": (day + timedelta(days=3)).isoformat()}
    assert order(**later) == ([single.pk, series.pk], 2), "series' next date is day 10"
    assert order(page_size="1", page="2") == ([single.pk], 2)


def test_the_json_loads_the_details_of_its_page_s_events_only(client):
    agenda = demo_page("agenda", "fr")
    client.get(agenda.url + "json/?page_size=3")
    with CaptureQueriesContext(connection) as queries:
        data = client.get(agenda.url + "json/?page_size=3").json()
    assert len(data["results"]) == 3 and data["count"] > 3
    details = [q["sql"] for q in queries.captured_queries if "csti_agenda_feedstate" in q["sql"]]
    assert len(details) == 1
    # The page's ids come first; the joined query reads those three events by id.
    assert " IN (" in details[0] and "SELECT" not in details[0].upper()[7:], details[0]
