"""The agenda page, its JSON and its ICS feed cost the same queries for 10 or 500 dates."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csti_cms.agenda.models import Occurrence
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

#: The most queries each view may take, caches warm (site, menu, settings, renditions).
BOUNDS = {"page": 24, "json": 18, "ics": 18, "calendar": 22}


def count_queries(client, url):
    client.get(url)  # warm the rendition and site-root caches, as in production
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_dates(client):
    agenda = demo_page("agenda")
    start = timezone.localdate() + timedelta(days=1)
    # New events use every feature lists show (venue, category), as the demo's do.
    workshop = demo_page("little-chemists")
    shown = {"venue": workshop.venue, "categories": list(workshop.categories.all())}
    created = []
    for number in range(10):
        created.append(
            publish_event(title=f"Atelier {number}", start_date=start, for_visitors=True, **shown)
        )
    urls = {
        "page": agenda.url + "?audience=visitors&q=atelier",
        "json": agenda.url + "json/?audience=visitors",
        "ics": agenda.url + "ics/?audience=visitors",
        "calendar": agenda.url + "calendar/",
    }
    ours = Occurrence.objects.filter(page__in=created)
    assert ours.count() == 10
    before = {name: count_queries(client, url) for name, url in urls.items()}
    for name, bound in BOUNDS.items():
        assert before[name] <= bound, f"{name}: {before[name]} queries"

    for number in range(49):
        created.append(
            publish_event(
                title=f"Atelier série {number}",
                start_date=start + timedelta(days=number % 7),
                recurrence="FREQ=DAILY;COUNT=10",
                for_visitors=True,
                **shown,
            )
        )
    assert Occurrence.objects.filter(page__in=created).count() == 500
    caches["default"].clear()

    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before, f"{before} queries with 10 dates, {after} with 500"
