"""Benchmark the feeds that list everything at once: the agenda's calendar and the sitemap.

Builds a throw-away demo site with the production settings, as bench/agenda.py does
(quality.in_process: its own SQLite file, or the database in DATABASE_URL), adds
event pages to the French agenda (a weekly series each, some with an excluded, an
added or a changed date, as editors write them), every other one translated into Dutch
and English, then requests the agenda's ICS feed, one event's, and the sitemap
repeatedly in-process (Django's test client: no network, no web server). The queries
are counted on a request of their own.

    .venv/bin/python bench/feeds.py                       # 1,000 events, 2,000 pages
    .venv/bin/python bench/feeds.py --events 300 --repeat 3
    .venv/bin/python bench/feeds.py --profile "ICS feed"  # where one address spends it

Prints the median and 90th percentile latency, the queries and the size of each answer;
``--profile`` prints the functions that take the most time over the timed requests of
one address instead.
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: Dates of each event's weekly series: the feed's size, not the listing's, is measured.
DATES_PER_EVENT = 10


def build(events):
    """``events`` French events under the demo agenda, half of them in NL and EN too."""
    from datetime import timedelta

    from django.utils import timezone

    from csti_cms.agenda.models import AddedDate, EventPage, ExcludedDate, OccurrenceChange
    from csti_cms.agenda.models.choices import EventStatus
    from tests.conftest import demo_page

    agendas = {language: demo_page("agenda", language) for language in ("fr", "nl", "en")}
    workshop = demo_page("little-chemists", "fr")
    categories = list(workshop.categories.all())
    start = timezone.localdate() + timedelta(days=1)
    began = time.perf_counter()
    pages = 0
    for number in range(events):
        first = start + timedelta(days=number % 30)
        source = None
        for language, agenda in agendas.items():
            if language != "fr" and number % 2:
                continue
            page = EventPage(
                title=f"Atelier de découverte {number} ({language})",
                slug=f"atelier-decouverte-{number}",
                introduction="Des expériences à faire soi-même, pour petits et grands.",
                start_date=first,
                start_time=timezone.datetime(2000, 1, 1, 10 + number % 8).time(),
                end_time=timezone.datetime(2000, 1, 1, 11 + number % 8).time(),
                recurrence=f"FREQ=WEEKLY;COUNT={DATES_PER_EVENT}",
                venue=workshop.venue if number % 3 else None,
                place_name="" if number % 3 else "Parc de la Citadelle",
                locality="" if number % 3 else "Namur",
                for_visitors=True,
                for_schools=number % 3 == 0,
                is_free=number % 4 == 0,
            )
            if source is not None:
                page.translation_key = source.translation_key
            if number % 5 == 0:
                page.excluded_dates = [ExcludedDate(date=first + timedelta(weeks=2))]
            if number % 7 == 0:
                page.added_dates = [AddedDate(date=first + timedelta(days=3))]
            if number % 11 == 0:
                page.occurrence_changes = [
                    OccurrenceChange(
                        original_date=first + timedelta(weeks=1), status=EventStatus.CANCELLED
                    )
                ]
            page.categories = categories
            agenda.add_child(instance=page)
            page.save_revision().publish()
            source = source or page
            pages += 1
    print(f"built {pages} event pages ({events} in French) in {time.perf_counter() - began:.1f}s")
    return agendas["fr"], source


def profile(client, url, repeat, lines=30):
    """The functions ``repeat`` requests of ``url`` spend the most time in, themselves
    and with what they call."""
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1000, help="events in the French agenda")
    parser.add_argument("--repeat", type=int, default=5, help="requests per address")
    parser.add_argument("--profile", metavar="ADDRESS", help="profile this address instead")
    args = parser.parse_args()

    from quality.in_process import HOST, setup_demo

    setup_demo(prefix="csti-bench-feeds-")
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from bench.agenda import print_table

    agenda, event = build(args.events)
    client = Client(HTTP_HOST=HOST)
    addresses = {
        "ICS feed": agenda.url + "ics/",
        "ICS feed, one event": event.url + "ics/",
        "sitemap": "/sitemap.xml",
    }
    if args.profile:
        profile(client, addresses[args.profile], args.repeat)
        return
    live = Page.objects.live().filter(depth__gt=1).count()
    print(f"database: {connection.vendor}; {live} live pages; {args.repeat} requests each")
    print_table(client, addresses, args.repeat)


if __name__ == "__main__":
    main()
