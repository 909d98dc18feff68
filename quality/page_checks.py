"""Checks of one page's HTML: what search engines and link previews read in ``<head>``.

Each check returns problems as sentences a person can act on; a page passes when
the list is empty. The HTML is parsed with lxml, structured data with extruct.
"""

from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from extruct.jsonld import JsonLdExtractor
from extruct.opengraph import OpenGraphExtractor
from extruct.utils import parse_html

from .structured_data import item_problems

#: OpenGraph's four required properties (ogp.me, "Basic Metadata").
OPENGRAPH_REQUIRED = ("og:title", "og:type", "og:image", "og:url")
#: Links that lead nowhere on this site and are not checked.
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:")


@dataclass
class ParsedPage:
    """A page's HTML parsed once, with what the checks and the link checker need."""

    url: str
    tree: object
    links: dict = field(default_factory=dict)  # absolute URL -> what refers to it
    images: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, url, html):
        page = cls(url, parse_html(html.encode("utf-8"), encoding="utf-8"))
        page._collect()
        return page

    def _add(self, bucket, raw, what):
        raw = (raw or "").strip()
        if not raw or raw.startswith(SKIPPED_SCHEMES):
            return
        absolute, _fragment = urldefrag(urljoin(self.url, raw))
        bucket.setdefault(absolute, what)

    def _collect(self):
        tree = self.tree
        for anchor in tree.xpath("//a[@href]"):
            text = " ".join(anchor.text_content().split())[:60]
            self._add(self.links, anchor.get("href"), f'link "{text}"')
        for link in tree.xpath("//link[@href]"):
            rel = link.get("rel", "")
            label = f'hreflang "{link.get("hreflang")}"' if link.get("hreflang") else rel
            self._add(self.links, link.get("href"), f"<link rel={label}>")
        for script in tree.xpath("//script[@src]"):
            self._add(self.links, script.get("src"), "script")
        for image in tree.xpath("//img"):
            self._add(self.images, image.get("src"), f'image "{image.get("alt", "")[:60]}"')
            for candidate in _srcset(image.get("srcset")):
                self._add(self.images, candidate, "image (srcset)")
        for source in tree.xpath("//source[@srcset]"):
            for candidate in _srcset(source.get("srcset")):
                self._add(self.images, candidate, "image (<source> srcset)")
        for meta in tree.xpath('//meta[@property="og:image"]'):
            self._add(self.images, meta.get("content"), "og:image")

    def internal(self, urls):
        origin = urlsplit(self.url)[:2]
        return {url: what for url, what in urls.items() if urlsplit(url)[:2] == origin}


def _srcset(value):
    for candidate in (value or "").split(","):
        parts = candidate.split()
        if parts:
            yield parts[0]


def _head_values(tree, xpath):
    return [value.strip() for value in tree.xpath(xpath) if value and value.strip()]


def head_problems(page, sitemap_page):
    """Title, description, language, canonical, hreflang and OpenGraph of a page."""
    tree = page.tree
    problems = []
    titles = _head_values(tree, "//head/title/text()")
    if not titles:
        problems.append("no <title>, or an empty one")
    if not _head_values(tree, '//head/meta[@name="description"]/@content'):
        problems.append('no <meta name="description">, or an empty one')

    languages = tree.xpath("/html/@lang")
    if not languages or not languages[0].strip():
        problems.append("<html> has no lang attribute")
    elif sitemap_page and languages[0].strip() != sitemap_page.language:
        problems.append(
            f'<html lang="{languages[0]}"> but the sitemap lists the page '
            f'as "{sitemap_page.language}"'
        )

    canonicals = _head_values(tree, '//head/link[@rel="canonical"]/@href')
    if len(canonicals) != 1:
        problems.append(f'{len(canonicals)} <link rel="canonical"> where one is needed')
    elif canonicals[0] != page.url:
        problems.append(f"canonical URL {canonicals[0]} is not the page's address {page.url}")

    problems.extend(_hreflang_problems(tree, page, sitemap_page))
    problems.extend(_opengraph_problems(tree, page))
    return problems


def _hreflang_problems(tree, page, sitemap_page):
    alternates = {}
    for link in tree.xpath('//head/link[@rel="alternate"][@hreflang]'):
        alternates[link.get("hreflang")] = urljoin(page.url, link.get("href", ""))
    expected = dict(sitemap_page.alternates) if sitemap_page else {}
    problems = []
    if expected and not alternates:
        problems.append(
            f"no hreflang alternates, though the sitemap lists {len(expected)} "
            f"language versions ({', '.join(sorted(expected))})"
        )
        return problems
    if alternates and page.url not in alternates.values():
        problems.append("the hreflang alternates do not include the page itself")
    for code, href in sorted(expected.items()):
        if code in alternates and alternates[code] != href:
            problems.append(
                f'hreflang "{code}" points to {alternates[code]}, the sitemap to {href}'
            )
        elif code not in alternates:
            problems.append(f'no hreflang "{code}" alternate, though the sitemap lists {href}')
    return problems


def _opengraph_problems(tree, page):
    found = {}
    for item in OpenGraphExtractor().extract_items(tree):
        for name, value in item["properties"]:
            if value.strip():
                found.setdefault(name, value.strip())
    problems = [
        f'no OpenGraph "{name}" (<meta property="{name}" content="...">)'
        for name in OPENGRAPH_REQUIRED
        if name not in found
    ]
    if "og:url" in found and found["og:url"] != page.url:
        problems.append(f"og:url {found['og:url']} is not the page's address {page.url}")
    return problems


def structured_data_problems(page):
    """Every JSON-LD block parses, and each item has what Google requires of its type."""
    problems = []
    extractor = JsonLdExtractor()
    blocks = page.tree.xpath('//script[@type="application/ld+json"]')
    for number, block in enumerate(blocks, start=1):
        try:
            items = extractor.extract_items(block)
        except ValueError as error:
            problems.append(f"JSON-LD block {number} does not parse: {error}")
            continue
        if not items:
            problems.append(f"JSON-LD block {number} holds no item")
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(f"JSON-LD block {number} item {index + 1} is not an object")
                continue
            label = f"JSON-LD block {number} item {index + 1}"
            problems.extend(item_problems(item, label))
    return problems


def fragment_problems(page):
    """Links to a place on the same page (``href="#..."``) find an element with that id."""
    targets = set(page.tree.xpath("//@id")) | set(page.tree.xpath("//a/@name"))
    problems = []
    for href in sorted(set(page.tree.xpath('//a[starts-with(@href, "#")]/@href'))):
        if len(href) > 1 and href[1:] not in targets:
            problems.append(f'link to "{href}" but no element has id="{href[1:]}"')
    return problems
