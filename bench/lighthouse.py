"""Lighthouse scores of the home page, an audience hub, an event and a page with a form.

Builds a throw-away demo site served as in production (``quality.server``), picks
the pages from its sitemap by page type (the first French ``HomePage``,
``AudienceHubPage`` and ``EventPage``, and the first page holding a form that
posts and that search engines may index, found by following their links), and runs
Lighthouse 12 (npm ``lighthouse``, in Debian's Chromium) on each, with its default
settings: a mobile device on a simulated slow 4G network.

    .venv/bin/python bench/lighthouse.py
    .venv/bin/python bench/lighthouse.py --preset desktop

Prints the four category scores of each page, then every audit that kept a score
below 100 (what to fix). Targets: accessibility, best practices and SEO at 100,
performance at least 95.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def chosen_pages(server):
    """``[(what, url)]``: the pages Lighthouse scores, found by type in the sitemap."""
    os.environ.update(server.env)
    import django

    django.setup()
    from quality import crawl
    from quality.pages import one_of_each_type, page_types

    pages = crawl.select(crawl.read_sitemap(server.base_url), {"fr"})
    by_type = one_of_each_type(pages, page_types())
    chosen = [
        (what, by_type[kind].url)
        for what, kind in (
            ("home page", "HomePage"),
            ("audience hub", "AudienceHubPage"),
            ("event", "EventPage"),
        )
        if kind in by_type
    ]
    form_page = first_page_with_a_form([page.url for page in pages])
    if form_page:
        chosen.append(("page with a form", form_page))
    return chosen


def first_page_with_a_form(urls):
    """The first of ``urls``, or else of the pages they link to, holding a form that posts.

    Forms live at their page's own address (a declaration's ``endorse/``, an activity's
    booking form), linked from the sitemap's pages rather than listed in it.
    """
    from quality import crawl
    from quality.page_checks import ParsedPage

    linked = {}
    for url in urls:
        html = crawl.fetch(url).text
        if 'method="post"' in html.lower():
            return url
        page = ParsedPage.parse(url, html)
        linked.update(page.internal(page.links))
    for url in linked:
        if url in urls or "/static/" in url or "/media/" in url:
            continue
        html = crawl.fetch(url).text.lower()
        # Pages kept out of search engines on purpose would fail the SEO audit by design.
        if 'method="post"' in html and 'name="robots" content="noindex' not in html:
            return url
    return None


def lighthouse(url, preset, attempts=3):
    """Lighthouse's report on ``url``; tried again when it fails to record a trace.

    Lighthouse sometimes loses the trace of a load in a headless browser
    (``NO_NAVSTART``, "Please run Lighthouse again"): that is Lighthouse, not the page.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _lighthouse(url, preset)
        except RuntimeError:
            if attempt == attempts:
                raise


def _lighthouse(url, preset):
    with tempfile.TemporaryDirectory(prefix="csti-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ]
        if preset:
            command.append(f"--preset={preset}")
        environment = {
            **os.environ,
            "CHROME_PATH": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        }
        result = subprocess.run(
            command, env=environment, capture_output=True, text=True, timeout=300
        )
        if result.returncode or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}: {result.stderr[-2000:]}")
        return json.loads(report.read_text())


def shortfalls(report):
    """``[(category, audit title, score)]`` for every scored audit below 100."""
    found = []
    for category in CATEGORIES:
        for reference in report["categories"][category]["auditRefs"]:
            if reference.get("weight", 0) == 0:
                continue
            audit = report["audits"][reference["id"]]
            if audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue", "")
                title = f"{audit['title']}" + (f" ({value})" if value else "")
                found.append((category, title, round(audit["score"] * 100), _where(audit)))
    return found


def _where(audit):
    """What the audit points at: the first few resources or elements it lists."""
    items = (audit.get("details") or {}).get("items") or []
    places = []
    for item in items[:3]:
        if not isinstance(item, dict):
            continue
        place = (
            item.get("url")
            or (item.get("sourceLocation") or {}).get("url")
            or (item.get("node") or {}).get("selector")
        )
        if isinstance(place, str):
            places.append(urlsplit(place).path if place.startswith("http") else place)
    return ", ".join(f"`{place}`" for place in places)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--preset", choices=["desktop", "perf", "experimental"], help="a Lighthouse preset"
    )
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run `npm ci` (make bench does).")

    from quality import figures
    from quality.server import DemoServer

    rows, misses = [], []
    with DemoServer(log=lambda m: print(m, flush=True)) as server:
        for what, url in chosen_pages(server):
            report = lighthouse(url, arguments.preset)
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            path = urlsplit(url).path
            rows.append((what, f"`{path}`", *(scores[c] for c in CATEGORIES)))
            for category, title, score, where in shortfalls(report):
                misses.append((f"`{path}`", category, title, score, where))
            version = report["lighthouseVersion"]

    print()
    print(figures.header(f"Lighthouse {version}", with_database=False))
    setting = arguments.preset or "mobile, simulated slow 4G (Lighthouse's default)"
    print(f"Chromium headless, {setting}.\n")
    print(figures.table(["page", "address", *CATEGORIES], rows))
    print()
    below = [
        f"{row[0]} {category} {score}"
        for row in rows
        for category, score in zip(CATEGORIES, row[2:], strict=True)
        if score < TARGETS[category]
    ]
    print("Targets missed: " + ("; ".join(below) if below else "none") + ".\n")
    if misses:
        print(figures.table(["address", "category", "audit", "score", "where"], misses))
        print()


if __name__ == "__main__":
    main()
