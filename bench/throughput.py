"""Benchmark served throughput: gunicorn serving the demo under wrk, with and without page cache.

Builds a throw-away demo site with the production settings (``quality.server``: its
own SQLite file, collected static files, gunicorn with sync workers), then loads
one page of each page type, the floor (a bare Django view returning a fixed page
through the same middleware) and a static file with wrk (Debian's package; `make
bench` installs it). It runs twice: without the page cache
(``CSTI_PAGE_CACHE_SECONDS=0``), then with it as production serves pages
(``csti_cms.core.page_cache``, a local-memory cache in each worker). wrk runs on the
same machine and takes part of its cores.

    .venv/bin/python bench/throughput.py                     # 10 s per address
    .venv/bin/python bench/throughput.py --duration 5 --connections 16

Only addresses on 127.0.0.1 are loaded, for a bounded time.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LATENCY = re.compile(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections, threads):
    """``(requests/s, p50 ms, p99 ms, errors)`` of ``duration`` seconds of load on ``url``."""
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    if result.returncode:
        raise RuntimeError(f"wrk failed on {url}: {result.stderr or result.stdout}")
    output = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: float(v) * UNITS[u] for p, v, u in LATENCY.findall(output)}
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses:\s+(\d+)", r"Socket errors:.*?timeout (\d+)"):
        match = re.search(pattern, output)
        if match:
            errors += int(match.group(1))
    return rate, latency.get("50"), latency.get("99"), errors


def addresses(server):
    """The floor, one page of each page type (French), and the theme's stylesheet."""
    os.environ.update(server.env)
    import django

    django.setup()
    from django.templatetags.static import static

    from quality import crawl
    from quality.pages import one_of_each_type, page_types

    pages = crawl.select(crawl.read_sitemap(server.base_url), {"fr"})
    chosen = one_of_each_type(pages, page_types())
    found = [("floor: bare Django view, fixed page", f"{server.base_url}/__floor__/")]
    found += [(kind, page.url) for kind, page in sorted(chosen.items())]
    found.append(("static file (whitenoise)", server.base_url + static("csti_cms/css/theme.css")))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per address")
    parser.add_argument("--connections", type=int, default=8, help="open connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn workers (default: 2 x cores + 1, gunicorn's advice)",
    )
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: run scripts/ensure-wrk (Debian: apt-get install wrk).")

    from quality import figures
    from quality.server import DemoServer

    rows = []
    with DemoServer(workers=arguments.workers, log=lambda m: print(m, flush=True)) as server:
        targets = addresses(server)
        for label, seconds in (("no page cache", "0"), ("page cache", "60")):
            server.restart(CSTI_PAGE_CACHE_SECONDS=seconds)
            for kind, url in targets:
                wrk(url, 2, arguments.connections, arguments.threads)  # warm every worker
                rate, p50, p99, errors = wrk(
                    url, arguments.duration, arguments.connections, arguments.threads
                )
                rows.append((kind, f"`{urlsplit(url).path}`", label, rate, p50, p99, errors))

    print()
    print(figures.header("Served throughput, gunicorn + wrk"))
    print(
        f"gunicorn sync workers: {arguments.workers}; wrk: {arguments.threads} threads, "
        f"{arguments.connections} connections, {arguments.duration} s per address "
        "(after 2 s to warm up), on the same machine.\n"
    )
    print(
        figures.table(
            ["page type", "address", "setting", "requests/s", "p50 ms", "p99 ms", "errors"],
            rows,
        )
    )
    print()


if __name__ == "__main__":
    main()
