"""Benchmark page rendering: time and SQL queries of each page type, against the floor.

Builds a throw-away demo site with the production settings (its own SQLite file, or
the database in DATABASE_URL), then requests every page of its sitemap in-process
with Django's test client, through the whole middleware, without a page cache
(Wagtail's own caches warm, as on a running server). The floor is a bare Django view
that returns a fixed page of the same size through the same middleware
(``quality.floor``); each page type's median is given as a multiple of the floor's.

    .venv/bin/python bench/render.py                 # every page, 20 requests each
    .venv/bin/python bench/render.py --repeat 5 --language fr
    .venv/bin/python bench/render.py --queries /fr/          # the SQL of one page

Prints one row per page type (median and 95th percentile over all its pages'
requests, the fewest and most queries its pages took, how many of its pages miss the
targets: under 15 queries, within 3x the floor); ``--pages`` adds a row per page. A
second table gives the same pages answered from the page cache, as production serves
them to visitors (``csti_cms.core.page_cache``).
"""

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MAX_QUERIES = 15
MAX_RATIO = 3.0
#: The page cache's lifetime in production (csti_cms.settings.production).
PRODUCTION_PAGE_CACHE_SECONDS = 60


def print_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(path).status_code
    print(f"{path} answered {status} with {len(captured)} queries, caches warm:")
    for number, query in enumerate(captured, start=1):
        print(f"{number:3d}. {' '.join(query['sql'].split())[:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    parser.add_argument("--language", action="append", default=[], help="only this language")
    parser.add_argument("--pages", action="store_true", help="also print a row per page")
    parser.add_argument(
        "--queries",
        action="append",
        metavar="PATH",
        help="print the SQL queries of this page (caches warm) instead; repeat for several",
    )
    arguments = parser.parse_args()

    from quality.in_process import HOST, measure, setup_demo

    setup_demo(prefix="csti-bench-render-")
    from django.test import Client, override_settings

    from quality import crawl, figures
    from quality.pages import NOT_A_PAGE, page_types

    client = Client(HTTP_HOST=HOST)
    if arguments.queries:
        for path in arguments.queries:
            print_queries(client, path)
        return

    def get(url):
        return client.get(urlsplit(url).path).content

    pages = crawl.select(crawl.read_sitemap(f"http://{HOST}", get), set(arguments.language))
    types = page_types()
    floor_timings, floor_queries, floor_size = measure(client, "/__floor__/", arguments.repeat)
    floor = figures.median(floor_timings)

    by_type, from_cache = defaultdict(list), defaultdict(list)
    for page in pages:
        path = urlsplit(page.url).path
        timings, queries, size = measure(client, path, arguments.repeat)
        by_type[types.get(path, NOT_A_PAGE)].append((path, timings, queries, size))
        with override_settings(CSTI_PAGE_CACHE_SECONDS=PRODUCTION_PAGE_CACHE_SECONDS):
            timings, queries, _size = measure(client, path, arguments.repeat)
        from_cache[types.get(path, NOT_A_PAGE)].append((timings, queries))

    rows, page_rows = [], []
    for kind, measured in sorted(by_type.items()):
        timings = [t for _path, series, _q, _s in measured for t in series]
        worst = max(measured, key=lambda item: item[2])
        rows.append(
            (
                kind,
                len(measured),
                figures.median(timings),
                figures.percentile(timings, 0.95),
                figures.median(timings) / floor,
                min(m[2] for m in measured),
                worst[2],
                sum(1 for m in measured if m[2] >= MAX_QUERIES),
                sum(1 for m in measured if figures.median(m[1]) / floor > MAX_RATIO),
                round(figures.median([m[3] for m in measured]) / 1024),
            )
        )
        for path, series, queries, size in measured:
            median = figures.median(series)
            page_rows.append((f"`{path}`", kind, median, median / floor, queries, size // 1024))
    rows.append(
        (
            "floor: bare Django view",
            1,
            floor,
            figures.percentile(floor_timings, 0.95),
            1.0,
            floor_queries,
            floor_queries,
            0,
            0,
            round(floor_size / 1024),
        )
    )
    print()
    print(figures.header("Page rendering, in-process, no page cache"))
    print(
        f"{len(pages)} pages of the sitemap, {arguments.repeat} timed requests each after one "
        "to warm the caches; times over all the pages of a type. Targets: under "
        f"{MAX_QUERIES} queries, within {MAX_RATIO:.0f}x the floor.\n"
    )
    headers = ["page type", "pages", "median ms", "p95 ms", "x floor", "min queries"]
    headers += ["max queries", f"pages >= {MAX_QUERIES} queries"]
    headers += [f"pages > {MAX_RATIO:.0f}x floor", "kB"]
    print(figures.table(headers, rows))
    print()
    over_queries = sum(row[7] for row in rows)
    over_floor = sum(row[8] for row in rows)
    print(
        f"{over_queries} of {len(pages)} pages take {MAX_QUERIES} queries or more; "
        f"{over_floor} of {len(pages)} take more than {MAX_RATIO:.0f}x the floor.\n"
    )
    if arguments.pages:
        print(figures.table(["page", "type", "median ms", "x floor", "queries", "kB"], page_rows))
        print()
    print(figures.header("Page rendering, in-process, from the page cache"))
    print(
        f"The same pages with the page cache on, as production serves them "
        f"(CSTI_PAGE_CACHE_SECONDS={PRODUCTION_PAGE_CACHE_SECONDS}): the first request fills "
        "it, the timed ones are answered from it. The floor is the one above, uncached.\n"
    )
    cached_rows = []
    for kind, measured in sorted(from_cache.items()):
        timings = [t for series, _q in measured for t in series]
        median = figures.median(timings)
        queries = max(q for _series, q in measured)
        p95 = figures.percentile(timings, 0.95)
        cached_rows.append((kind, len(measured), median, p95, median / floor, queries))
    headers = ["page type", "pages", "median ms", "p95 ms", "x floor", "max queries"]
    print(figures.table(headers, cached_rows))
    print()


if __name__ == "__main__":
    main()
