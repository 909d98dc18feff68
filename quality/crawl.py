"""What the gate checks: the pages listed in the site's sitemap, in every language.

The sitemap is the site's own list of its public pages (with their language
versions as hreflang alternates), so the gate follows the demo as it grows.
"""

import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit
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


def fetch_all(urls, base_url=None, threads=4):
    """``{url: Response}`` for every URL, a few at a time, fetched at ``base_url`` if given."""
    urls = list(dict.fromkeys(urls))
    served = [on_base(url, base_url) if base_url else url for url in urls]
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return dict(zip(urls, pool.map(fetch, served), strict=True))


def on_base(url, base_url):
    """``url`` with the scheme, host and port of ``base_url``.

    The sitemap's addresses are the Site record's (the demo loader takes them from
    ``WAGTAILADMIN_BASE_URL``), which need not be where the checked server answers:
    a demo loaded for port 8000 and served on 8313 lists pages on 8000.
    """
    base = urlsplit(base_url)
    return urlunsplit(urlsplit(url)._replace(scheme=base.scheme, netloc=base.netloc))


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
    """The pages of the sitemap at ``base_url``/sitemap.xml (an index is followed, its
    sitemaps fetched at ``base_url`` too).

    ``get(url)`` returns the body of an answer, or raises; by default an HTTP GET.
    """
    get = get or _get_body
    pending = [urljoin(base_url, "/sitemap.xml")]
    pages = []
    while pending:
        found, sitemaps = parse_sitemap(get(pending.pop(0)))
        pages.extend(found)
        pending.extend(on_base(url, base_url) for url in sitemaps)
    return pages


def _get_body(url):
    answer = fetch(url)
    if answer.status != 200:
        raise RuntimeError(f"the sitemap {url} answered {answer.status or answer.error}")
    return answer.body


def select(pages, languages=None, max_pages=None, paths=None):
    """The pages in ``languages`` (all when empty), at most ``max_pages`` per language;
    only those at ``paths`` when given."""
    chosen, counts = [], {}
    for page in pages:
        if languages and page.language not in languages:
            continue
        if paths and urlsplit(page.url).path not in paths:
            continue
        if max_pages is not None and counts.get(page.language, 0) >= max_pages:
            continue
        counts[page.language] = counts.get(page.language, 0) + 1
        chosen.append(page)
    return chosen
