"""What the gate checks: the pages listed in the site's sitemap, in every language.

The sitemap is the site's own list of its public pages (with their language
versions as hreflang alternates), so the gate follows the demo as it grows.
"""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
TIMEOUT = 30


@dataclass
class Response:
    url: str
    status: int
    content_type: str = ""
    body: bytes = b""
    location: str = ""
    error: str = ""

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")


@dataclass
class SitemapPage:
    """A page of the sitemap: its address, its language and its language versions."""

    url: str
    language: str
    alternates: dict = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirect)


def fetch(url, method="GET"):
    """GET ``url`` without following redirects: a link must answer 200 itself."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": "csti-quality"})
    try:
        with _opener.open(request, timeout=TIMEOUT) as answer:
            return Response(
                url, answer.status, answer.headers.get("Content-Type", ""), answer.read()
            )
    except urllib.error.HTTPError as error:
        return Response(
            url,
            error.code,
            error.headers.get("Content-Type", ""),
            location=error.headers.get("Location", ""),
        )
    except (OSError, urllib.error.URLError) as error:
        return Response(url, 0, error=str(getattr(error, "reason", error)))


def fetch_all(urls, threads=4):
    """``{url: Response}`` for every URL, a few at a time."""
    urls = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return dict(zip(urls, pool.map(fetch, urls), strict=True))


def language_of(url, alternates):
    for code, href in alternates.items():
        if href == url:
            return code
    first = urlsplit(url).path.strip("/").split("/", 1)[0]
    return first or ""


def parse_sitemap(xml):
    """``(pages, sitemaps)``: the pages of a sitemap, or the sitemaps of a sitemap index."""
    tree = ElementTree.fromstring(xml)
    if tree.tag == f"{SITEMAP_NS}sitemapindex":
        return [], [loc.text.strip() for loc in tree.iter(f"{SITEMAP_NS}loc")]
    pages = []
    for node in tree.iter(f"{SITEMAP_NS}url"):
        loc = node.findtext(f"{SITEMAP_NS}loc").strip()
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in node.iter(f"{XHTML_NS}link")
            if link.get("rel") == "alternate"
        }
        pages.append(SitemapPage(loc, language_of(loc, alternates), alternates))
    return pages, []


def read_sitemap(base_url, get=None):
    """The pages of the sitemap at ``base_url``/sitemap.xml (an index is followed).

    ``get(url)`` returns the body of an answer, or raises; by default an HTTP GET.
    """
    get = get or _get_body
    pending = [urljoin(base_url, "/sitemap.xml")]
    pages = []
    while pending:
        found, sitemaps = parse_sitemap(get(pending.pop(0)))
        pages.extend(found)
        pending.extend(sitemaps)
    return pages


def _get_body(url):
    answer = fetch(url)
    if answer.status != 200:
        raise RuntimeError(f"the sitemap {url} answered {answer.status or answer.error}")
    return answer.body


def select(pages, languages=None, max_pages=None):
    """The pages in ``languages`` (all when empty), at most ``max_pages`` per language."""
    chosen, counts = [], {}
    for page in pages:
        if languages and page.language not in languages:
            continue
        if max_pages is not None and counts.get(page.language, 0) >= max_pages:
            continue
        counts[page.language] = counts.get(page.language, 0) + 1
        chosen.append(page)
    return chosen
