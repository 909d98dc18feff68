"""axe-core in Debian's Chromium, driven by Playwright, on many pages with one browser.

Each page is loaded once: axe-core checks it, and what the browser logs as an error
while loading it (a script error, a resource of this site that failed) is kept too.
axe-core comes from npm (``node_modules/axe-core``) and is injected into each page
from that file: nothing is fetched from outside. Requests to other hosts (map
tiles, say) are refused so a page is judged on what this site serves. Two tabs work
at once, which keeps both cores of a small machine busy.
"""

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TABS = 2
TIMEOUT_MS = 60_000


class BrowserMissing(RuntimeError):
    """Chromium, Playwright or axe-core is not installed; the message says how to get it."""


def check_tools():
    if not Path(CHROMIUM).exists():
        raise BrowserMissing(
            f"Chromium not found at {CHROMIUM}: run `make browser-tools` "
            "(or point CHROMIUM_PATH at a Chromium binary)."
        )
    if not AXE.exists():
        raise BrowserMissing(f"axe-core is missing ({AXE}): run `npm ci`.")


def describe(violation):
    """One line per axe violation: rule, impact, what it asks, and where."""
    nodes = violation.get("nodes", [])
    where = "; ".join(
        f"{', '.join(node['target'][-1:]) if node.get('target') else '?'} "
        f"{' '.join(node.get('html', '').split())[:120]}"
        for node in nodes[:3]
    )
    more = f" (and {len(nodes) - 3} more)" if len(nodes) > 3 else ""
    return f"{violation['id']} ({violation.get('impact')}): {violation['help']}, at {where}{more}"


@dataclass
class BrowserFindings:
    """What the browser found on one page: axe violations, and errors in its console."""

    axe: list = field(default_factory=list)
    console: list = field(default_factory=list)


def _console_listener(findings, origins):
    def listen(message):
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        if source and urlsplit(source)[:2] not in origins:
            return  # a refused request to another site (map tiles, say)
        text = " ".join(message.text.split())[:200]
        findings.console.append(f"{text} ({source})" if source else text)

    return listen


async def _check_one(context, url, semaphore, axe_source, origins):
    async with semaphore:
        findings = BrowserFindings()
        page = await context.new_page()
        page.on("console", _console_listener(findings, origins))
        page.on(
            "pageerror",
            lambda error: findings.console.append(f"uncaught {error.name}: {error.message}"),
        )
        try:
            response = await page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
            if response is None or response.status != 200:
                status = response.status if response else "no answer"
                findings.axe.append(f"the page answered {status} in the browser")
                return url, findings
            # Evaluated rather than added as a <script>: the site's Content-Security-Policy
            # rightly refuses inline scripts, and the gate checks the site as served.
            await page.evaluate(axe_source)
            result = await page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})"
            )
            findings.axe.extend(describe(violation) for violation in result["violations"])
        except Exception as error:  # noqa: BLE001 - any browser failure is the page's report
            findings.axe.append(f"the browser could not check the page: {error}")
        finally:
            await page.close()
        return url, findings


async def _check_all(urls):
    from playwright.async_api import async_playwright

    axe_source = AXE.read_text()
    origins = {urlsplit(url)[:2] for url in urls}

    async def only_this_site(route):
        if urlsplit(route.request.url)[:2] in origins:
            await route.continue_()
        else:
            await route.abort()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context()
            await context.route("**/*", only_this_site)
            semaphore = asyncio.Semaphore(TABS)
            results = await asyncio.gather(
                *(_check_one(context, url, semaphore, axe_source, origins) for url in urls)
            )
        finally:
            await browser.close()
    return dict(results)


def check_pages(urls):
    """``{url: BrowserFindings}`` for every URL (empty lists: nothing wrong)."""
    check_tools()
    return asyncio.run(_check_all(list(urls)))
