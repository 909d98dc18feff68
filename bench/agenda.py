"""Benchmark the agenda with 20,000 dates: page and JSON latency, and their query counts.

Builds a throw-away demo site with the production settings, as bench/render.py does
(quality.in_process: its own SQLite file, or the database in DATABASE_URL), adds
event pages whose daily rules make the number of dates asked for, then requests the
agenda page, a filtered agenda page, the JSON endpoint and the ICS feed repeatedly
in-process (Django's test client: no network, no web server). The queries are
counted on a request of their own, so that logging them costs the timed ones nothing.

    .venv/bin/python bench/agenda.py                      # 20,000 dates, 15 requests each
    .venv/bin/python bench/agenda.py --dates 5000 --repeat 5

Prints the median and 90th percentile latency and the queries of each request.
The last run measured on the project's machines is recorded in bench/RESULTS.md.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build(dates):
    from datetime import timedelta

    from django.utils import timezone

    from csti_cms.agenda.models import EventPage, Occurrence
    from tests.conftest import demo_page

    agenda = demo_page("agenda", "fr")
    workshop = demo_page("little-chemists", "fr")
    existing = Occurrence.objects.filter(page__locale__language_code="fr").count()
    per_event = 200
    events = max(1, -(-(dates - existing) // per_event))
    start = timezone.localdate()
    began = time.perf_counter()
    for number in range(events):
        page = EventPage(
            title=f"Atelier de découverte {number}",
            slug=f"atelier-decouverte-{number}",
            introduction="Des expériences à faire soi-même, pour petits et grands.",
            start_date=start + timedelta(days=number % 30),
            start_time=timezone.datetime(2000, 1, 1, 10 + number % 8).time(),
            end_time=timezone.datetime(2000, 1, 1, 11 + number % 8).time(),
            recurrence=f"FREQ=DAILY;COUNT={per_event}",
            venue=workshop.venue,
            for_visitors=True,
            for_schools=number % 3 == 0,
            is_free=number % 4 == 0,
        )
        page.categories = list(workshop.categories.all())
        agenda.add_child(instance=page)
        page.save_revision().publish()
    total = Occurrence.objects.filter(page__locale__language_code="fr").count()
    print(
        f"built {events} event pages in {time.perf_counter() - began:.1f}s: "
        f"{total} dates in the French agenda ({existing} from the demo)"
    )
    return agenda


def table_row(address, timings, queries, size):
    """One address's line of the table: median and 90th percentile in ms, queries, kB.

    The percentile is the one every benchmark prints, so that the agenda's figures
    read like the others'.
    """
    from quality import figures

    median, p90 = figures.median(timings), figures.percentile(timings, 0.9)
    return f"{address:<24} {median:>10.1f} {p90:>8.1f} {queries:>8} {size / 1024:>7.0f}"


def print_table(client, addresses, repeat):
    """Each of ``addresses`` (``{name: url}``) requested ``repeat`` times, a line each."""
    from quality.in_process import measure

    print(f"{'address':<24} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'kB':>7}")
    for name, url in addresses.items():
        print(table_row(name, *measure(client, url, repeat)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=20_000, help="dates in the agenda")
    parser.add_argument("--repeat", type=int, default=15, help="requests per address")
    args = parser.parse_args()

    from quality.in_process import HOST, setup_demo

    setup_demo(prefix="csti-bench-agenda-")
    from django.db import connection
    from django.test import Client

    agenda = build(args.dates)
    client = Client(HTTP_HOST=HOST)
    base = agenda.url
    addresses = {
        "agenda page": base,
        "agenda page, filtered": base + "?audience=schools&free=on&q=atelier",
        "agenda page, page 50": base + "?page=50",
        "calendar month": base + "calendar/",
        "JSON, 20 events": base + "json/",
        "JSON, 100 events": base + "json/?page_size=100",
        "ICS feed": base + "ics/",
    }
    print(f"database: {connection.vendor}; {args.repeat} requests each, caches warm")
    print_table(client, addresses, args.repeat)


if __name__ == "__main__":
    main()
