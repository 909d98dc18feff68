"""The quality gate: every page of the sitemap, in every language, through every check.

Checks (each can be run alone with ``--checks``):

- ``status``: the page answers 200 with HTML;
- ``head``: title, meta description, ``<html lang>`` matching the page's language,
  one canonical URL (the page's own), hreflang alternates matching the sitemap,
  OpenGraph's required properties;
- ``structured-data``: every JSON-LD block parses (extruct) and each item has the
  properties Google requires for its type;
- ``links``: every internal link, hreflang alternate, stylesheet, script and image
  answers 200 itself (a redirect is a problem), and in-page anchors exist;
- ``axe``: axe-core finds no violation, in Chromium;
- ``console``: loading the page in Chromium logs no error (a script error, a resource
  of this site that failed to load);
- ``html``: the Nu HTML checker finds no error.

The pages are fetched at the gate's base URL, whatever host the sitemap's addresses
name (the Site record's); the checks read the addresses as the sitemap gives them.
"""

import time
from collections import defaultdict
from urllib.parse import urlsplit

from . import browser, crawl, html_validator, page_checks
from .report import Problem

CHECKS = ("status", "head", "structured-data", "links", "axe", "console", "html")


class Gate:
    def __init__(self, base_url, languages=(), max_pages=None, checks=CHECKS, log=print, paths=()):
        self.base_url = base_url.rstrip("/")
        self.languages = set(languages)
        self.paths = {"/" + path.lstrip("/") for path in paths}
        self.max_pages = max_pages
        self.checks = [check for check in CHECKS if check in set(checks)]
        self.log = log
        self.problems = []
        self.pages = []

    def problem(self, page, check, message):
        self.problems.append(Problem(page, check, message))

    def step(self, label, function, *args):
        began = time.monotonic()
        result = function(*args)
        self.log(f"  {label}: {time.monotonic() - began:.0f}s")
        return result

    def run(self):
        sitemap = crawl.read_sitemap(self.base_url)
        self.pages = crawl.select(sitemap, self.languages, self.max_pages, self.paths)
        for path in sorted(self.paths - {urlsplit(page.url).path for page in self.pages}):
            self.problem(f"{self.base_url}{path}", "status", "not a page of the sitemap")
        if not self.pages:
            wanted = ", ".join(sorted(self.languages)) or "any language"
            self.problem(f"{self.base_url}/sitemap.xml", "status", f"no page in {wanted}")
            return self.problems
        per_language = defaultdict(int)
        for page in self.pages:
            per_language[page.language] += 1
        self.log(
            f"Checking {len(self.pages)} pages of {self.base_url}/sitemap.xml ("
            + ", ".join(f"{code}: {count}" for code, count in sorted(per_language.items()))
            + f"); checks: {', '.join(self.checks)}"
        )
        answers = self.step(
            "fetched the pages", crawl.fetch_all, [p.url for p in self.pages], self.base_url
        )
        parsed = {}
        for page in self.pages:
            answer = answers[page.url]
            if answer.status != 200 or "html" not in answer.content_type:
                self.problem(page.url, "status", _answer_text(answer, "the page"))
                continue
            parsed[page.url] = (page, page_checks.ParsedPage.parse(page.url, answer.text))

        blocks = sum(
            len(page.tree.xpath('//script[@type="application/ld+json"]'))
            for _sitemap_page, page in parsed.values()
        )
        self.log(f"  read {blocks} JSON-LD blocks")
        for sitemap_page, page in parsed.values():
            if "head" in self.checks:
                for message in page_checks.head_problems(page, sitemap_page):
                    self.problem(page.url, "head", message)
            if "structured-data" in self.checks:
                for message in page_checks.structured_data_problems(page):
                    self.problem(page.url, "structured-data", message)
            if "links" in self.checks:
                for message in page_checks.fragment_problems(page):
                    self.problem(page.url, "links", message)
        if "links" in self.checks:
            self.step("checked links and images", self.check_links, parsed)
        if {"axe", "console"} & set(self.checks):
            self.step("loaded the pages in Chromium", self.check_in_browser, parsed)
        if "html" in self.checks:
            self.step("ran the Nu HTML checker", self.check_html, parsed, answers)
        return self.problems

    def check_links(self, parsed):
        referrers = defaultdict(list)
        for _sitemap_page, page in parsed.values():
            for url, what in {**page.internal(page.links), **page.internal(page.images)}.items():
                referrers[url].append((page.url, what))
        answers = crawl.fetch_all(referrers, self.base_url)
        self.log(f"  {len(answers)} internal links, images, stylesheets and scripts")
        for url, answer in answers.items():
            if answer.status == 200:
                continue
            for page_url, what in referrers[url]:
                self.problem(page_url, "links", f"{what} -> {_answer_text(answer, url)}")

    def check_in_browser(self, parsed):
        addresses = {crawl.on_base(url, self.base_url): url for url in parsed}
        for served, findings in browser.check_pages(addresses).items():
            url = addresses[served]
            for check in ("axe", "console"):
                if check in self.checks:
                    for message in getattr(findings, check):
                        self.problem(url, check, message)

    def check_html(self, parsed, answers):
        documents = {url: answers[url].text for url in parsed}
        for url, errors in html_validator.html_errors(documents).items():
            for message in errors:
                self.problem(url, "html", message)


def _answer_text(answer, what):
    if answer.status == 0:
        return f"{what} did not answer ({answer.error})"
    if 300 <= answer.status < 400:
        return f"{what} answers {answer.status}, a redirect to {answer.location or '?'}"
    if answer.status == 200:
        return f"{what} answers 200 but is not HTML ({answer.content_type or 'no type'})"
    return f"{what} answers {answer.status}"
