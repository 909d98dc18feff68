"""Benchmark the agenda with 20,000 dates: page and JSON latency, and their query counts.

Builds a throw-away demo site (its own SQLite file, or the database in DATABASE_URL),
adds event pages whose daily rules make the number of dates asked for, then
requests the agenda page, a filtered agenda page, the JSON endpoint and the ICS
feed repeatedly in-process (Django's test client: no network, no web server).

    .venv/bin/python bench/agenda.py                      # 20,000 dates, 15 requests each
    .venv/bin/python bench/agenda.py --dates 5000 --repeat 5

Prints the median and 90th percentile latency and the queries of each request.
The last run measured on the project's machines is recorded in bench/RESULTS.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EVENTS_PER_BATCH = 100


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        os.environ["CSTI_DATA_DIR"] = tempfile.mkdtemp(prefix="csti-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sites.demo.settings.dev")
    os.environ["DEBUG"] = "0"
    os.environ["CSTI_PAGE_CACHE_SECONDS"] = "0"  # rendering is what is measured
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    import django

    django.setup()


def build(dates):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from csti_cms.agenda.models import EventPage, Occurrence
    from tests.conftest import demo_page

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
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


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (site root paths, renditions), as a running site has them
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
    return statistics.median(timings), p90, len(queries), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=20_000, help="dates in the agenda")
    parser.add_argument("--repeat", type=int, default=15, help="requests per address")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client

    agenda = build(args.dates)
    client = Client()
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
    print(f"{'address':<24} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'kB':>7}")
    for name, url in addresses.items():
        median, p90, queries, size = measure(client, url, args.repeat)
        print(f"{name:<24} {median:>10.1f} {p90:>8.1f} {queries:>8} {size / 1024:>7.0f}")


if __name__ == "__main__":
    main()
