"""How the in-process benchmarks measure a page, and how the agenda's prints it.

Their figures are only worth comparing if the timed requests pay what a visitor's
request pays (no query log) and every benchmark computes its percentiles alike.
"""

from types import SimpleNamespace

import pytest
from django.db import connection

from bench.agenda import table_row
from quality import figures
from quality.in_process import measure


class PlanetariumVisitor:
    """A test client whose every page reads the database once; it notes whether the
    queries of each request were being logged."""

    def __init__(self, status_code=200):
        self.status_code = status_code
        self.logged = []

    def get(self, path):
        self.logged.append(connection.queries_logged)
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return SimpleNamespace(status_code=self.status_code, content=b"<h1>Planetarium</h1>")


@pytest.mark.django_db
def test_queries_are_counted_on_one_request_and_the_timed_ones_are_not_logged():
    visitor = PlanetariumVisitor()

    timings, queries, size = measure(visitor, "/fr/planetarium/", repeat=4)

    assert len(timings) == 4
    assert queries == 1
    assert size == len(b"<h1>Planetarium</h1>")
    assert visitor.logged == [False, True, False, False, False, False]


@pytest.mark.django_db
def test_a_page_that_does_not_answer_stops_the_measure():
    with pytest.raises(RuntimeError, match="/fr/planetarium/ answered 404"):
        measure(PlanetariumVisitor(status_code=404), "/fr/planetarium/", repeat=4)


def test_the_agenda_row_gives_the_90th_percentile_every_benchmark_gives():
    timings = [float(milliseconds) for milliseconds in range(1, 21)]

    row = table_row("agenda page", timings, 12, 53 * 1024)

    assert row == "agenda page                    10.5     18.0       12      53"


@pytest.mark.parametrize(
    "count, fraction, expected",
    [(10, 0.9, 9), (20, 0.95, 19), (20, 0.9, 18), (30, 0.9, 27), (1, 0.95, 1), (15, 0.9, 14)],
)
def test_percentiles_take_the_nearest_rank(count, fraction, expected):
    """The p95 of 20 requests is the 19th slowest, not the slowest (round() halves to even)."""
    assert figures.percentile(range(1, count + 1), fraction) == expected
