"""The agenda page counts its dates up to a limit, however long its events' series run.

With big repeating events (30,000 dates ahead) counting every date on each visit cost
more than the rest of the list. The page counts up to a limit and says "more than" beyond
it; the map still shows every event ahead (it groups dates by event in the database).
"""

import json
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csti_cms.agenda import views
from csti_cms.agenda.listing import agenda_occurrences
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def _daily(title, first, count):
    return publish_event(
        title=title,
        start_date=first,
        recurrence=f"FREQ=DAILY;COUNT={count}",
        latitude="50.460000",
        longitude="4.860000",
    )


def _counts(queries):
    return [
        q["sql"]
        for q in queries
        if 'FROM "csti_agenda_occurrence"' in q["sql"] and "COUNT(" in q["sql"].upper()
    ]


def _map(html):
    found = re.search(
        r'<script id="agenda-map-points" type="application/json">(.*?)</script>', html
    )
    assert found, "the page has no map"
    return json.loads(found.group(1))


def test_the_agenda_counts_up_to_a_limit_and_still_maps_every_event(client, monkeypatch):
    monkeypatch.setattr(views, "COUNT_LIMIT", 10)
    first = timezone.localdate() + timedelta(days=1)
    _daily("Atelier quotidien", first, 30)
    later = _daily("Atelier lointain", first + timedelta(days=60), 3)
    url = demo_page("agenda").url

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()

    assert "More than 10 upcoming dates" in html or "Plus de 10" in html
    counts = _counts(queries.captured_queries)
    assert counts, "the page counts no dates"
    for sql in counts:
        assert "LIMIT" in sql, f"a query counts every date: {sql}"
    # Two months away, past the counted dates, the event is still on the map.
    mapped = [event["url"] for point in _map(html) for event in point["events"]]
    assert any(url.endswith(f"/{later.slug}/") for url in mapped)


def test_below_the_limit_the_page_says_how_many_dates_exactly(client, monkeypatch):
    monkeypatch.setattr(views, "COUNT_LIMIT", 10_000)
    agenda = demo_page("agenda")
    _daily("Atelier de la semaine", timezone.localdate() + timedelta(days=1), 7)
    upcoming = agenda_occurrences(agenda).filter(end__gt=timezone.now()).count()

    html = client.get(agenda.url).content.decode()

    assert f"{upcoming} dates à venir" in html
    assert "More than" not in html and "Plus de" not in html
