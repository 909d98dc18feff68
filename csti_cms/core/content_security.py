"""The Content-Security-Policy header: where a visitor's browser may load anything from.

The theme loads its scripts, styles, fonts and images from the site itself; the only
outside resources are the agenda map's tiles (``CSTI_MAP_TILE_URL``) and the players of
the videos editors embed. The policy says so to the browser, so that a script slipped
into a page (a compromised plugin, a rich-text bug) is neither run nor able to send what
it reads elsewhere.

The policy is the ``CSTI_CONTENT_SECURITY_POLICY`` setting (directive: list of sources),
to which the middleware adds:

- the host of ``CSTI_MAP_TILE_URL`` to ``img-src``, so changing tile servers is one setting;
- the sources of ``CSTI_CONTENT_SECURITY_POLICY_EXTRA`` (an environment variable, written
  as in a policy: ``"script-src https://stats.example.org; connect-src ..."``), so a centre
  adds its analytics or video host without code;
- the hash of the branding ``<style>`` (``includes/brand_style.html``: the site's colours
  and font, the one inline style of the theme). Public pages come from the page cache, so
  a per-request nonce cannot work; the hash is computed from the same template for the
  request's site, never from the response, so a ``<style>`` slipped into a page stays
  refused;
- for the Wagtail admin only, ``CSTI_ADMIN_CONTENT_SECURITY_POLICY_EXTRA``: the admin
  still writes inline scripts (date pickers, inline panels) and shows the preview in a
  frame of the site itself. The preview itself gets the visitors' policy: Wagtail renders
  it as a request for the page, through this middleware, so editors see what visitors get.

The middleware sits above :class:`~csti_cms.core.page_cache.PageCacheMiddleware`, so
pages from the cache get the header too (it is not kept in the cache).
"""

import base64
import difflib
import functools
import hashlib
import logging
import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from .caching import TIMEOUT, cached, generation
from .middleware import CachedSiteMiddleware

logger = logging.getLogger(__name__)

HEADER = "Content-Security-Policy"

#: The template writing the branding ``<style>`` into every page's ``<head>``.
BRAND_STYLE_TEMPLATE = "includes/brand_style.html"

_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_DIRECTIVE_NAME = re.compile(r"^[a-z][a-z-]*$")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")

#: The directives of Content Security Policy Level 3 and of Trusted Types, which browsers
#: apply; they skip any other name without a word, and what it was to allow stays refused.
DIRECTIVES = frozenset(
    {
        # Fetch directives: where each kind of resource may come from.
        "default-src",
        "child-src",
        "connect-src",
        "fenced-frame-src",
        "font-src",
        "frame-src",
        "img-src",
        "manifest-src",
        "media-src",
        "object-src",
        "script-src",
        "script-src-elem",
        "script-src-attr",
        "style-src",
        "style-src-elem",
        "style-src-attr",
        "worker-src",
        # Document, navigation and reporting directives.
        "base-uri",
        "sandbox",
        "form-action",
        "frame-ancestors",
        "report-uri",
        "report-to",
        # Other directives.
        "upgrade-insecure-requests",
        "require-trusted-types-for",
        "trusted-types",
        "webrtc",
        # Deprecated, still read by some browsers.
        "block-all-mixed-content",
        "prefetch-src",
    }
)
#: The directives whose values are sources (hosts, schemes, keywords, hashes).
SOURCE_LIST_DIRECTIVES = frozenset(
    {directive for directive in DIRECTIVES if directive.endswith("-src")}
    | {"base-uri", "form-action", "frame-ancestors"}
)
#: The keywords a source list may hold, each written between single quotes.
KEYWORDS = frozenset(
    {
        "self",
        "none",
        "unsafe-inline",
        "unsafe-eval",
        "unsafe-hashes",
        "strict-dynamic",
        "report-sample",
        "wasm-unsafe-eval",
        "unsafe-allow-redirects",
        "inline-speculation-rules",
        "trusted-types-eval",
        "report-sha256",
        "report-sha384",
        "report-sha512",
    }
)
#: What only a host name or an address holds: a dot, a colon or a slash.
_HOST_LIKE = re.compile(r"[.:/]")
_NONCE_OR_HASH = re.compile(r"^(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/_=-]+$", re.IGNORECASE)


def map_tile_source(tile_url):
    """The source allowing the map tiles of ``tile_url``; ``None`` for tiles of the site itself.

    A server spread over subdomains (``https://{s}.tile.example.org/{z}/{x}/{y}.png``) is
    allowed with a wildcard: ``https://*.tile.example.org``.
    """
    parts = urlsplit(tile_url)
    if not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    templated = [index for index, label in enumerate(labels) if _PLACEHOLDER.search(label)]
    if templated:
        # CSP allows a wildcard as the first label only.
        labels = ["*", *labels[templated[-1] + 1 :]]
    host = ".".join(labels)
    return f"{parts.scheme}://{host}" if parts.scheme else host


def parse_policy(text, name="CSTI_CONTENT_SECURITY_POLICY_EXTRA"):
    """``{directive: [sources]}`` of a policy written as in the header.

    Raises ``ImproperlyConfigured``, naming the setting, for what a browser would ignore.
    """
    policy = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        directive, *sources = part.split()
        if not _DIRECTIVE_NAME.match(directive.lower()) or any("," in s for s in sources):
            raise ImproperlyConfigured(
                f"{name}: {part.strip()!r} is not a directive followed by sources; write "
                "directives as in the header, separated by semicolons, for example "
                '"script-src https://stats.example.org; connect-src https://stats.example.org".'
            )
        policy.setdefault(directive.lower(), []).extend(sources)
    check_policy(policy, name)
    return policy


def check_policy(policy, name):
    """Raise ``ImproperlyConfigured``, naming the setting, for what a browser would skip.

    A browser skips a directive it does not know (``scriptsrc``) and reads an unquoted
    keyword as a host (``self``, a server named "self"): the analytics or video host a
    centre meant to allow stays refused, with nothing said on the server.
    """
    for directive, sources in policy.items():
        _check_directive(directive.lower(), name)
        if directive.lower() in SOURCE_LIST_DIRECTIVES:
            for source in sources:
                _check_source(source, directive, name)


def _check_directive(directive, name):
    """Refuse a misspelt directive; let one newer than this list through, with a warning."""
    if directive in DIRECTIVES:
        return
    suggestion = _did_you_mean(directive, DIRECTIVES)
    message = (
        f"{name}: {directive} is not a Content-Security-Policy directive this version knows, "
        f"and browsers ignore one they do not know{suggestion}."
    )
    if suggestion:
        raise ImproperlyConfigured(message)
    logger.warning(message)


def _check_source(source, directive, name):
    bare = source.strip("'\"")
    quoted = source.startswith("'") and source.endswith("'") and len(source) > 1
    is_keyword = bare.lower() in KEYWORDS or _NONCE_OR_HASH.match(bare)
    if is_keyword and not quoted:
        raise ImproperlyConfigured(
            f"{name}: {source} in {directive} must be written between single quotes, "
            f"'{bare}'; without them browsers read it as a host name."
        )
    if quoted and not is_keyword:
        _check_quoted_word(source, bare, directive, name)


def _check_quoted_word(source, bare, directive, name):
    """Refuse a quoted host name or a misspelt keyword; let a newer keyword through."""
    keywords = {f"'{keyword}'" for keyword in KEYWORDS}
    suggestion = _did_you_mean(source.lower(), keywords)
    message = (
        f"{name}: {source} in {directive} is not a Content-Security-Policy keyword this "
        f"version knows{suggestion}"
    )
    if suggestion or _HOST_LIKE.search(bare):
        raise ImproperlyConfigured(f"{message}: write host names without quotes.")
    logger.warning("%s.", message)


def _did_you_mean(word, known):
    """``" (did you mean script-src?)"`` for the closest of the ``known`` words, or nothing."""
    matches = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean {matches[0]}?)" if matches else ""


def add_sources(policy, directive, sources):
    """Allow ``sources`` under ``directive`` of ``policy``, which is changed in place.

    A directive the policy does not name yet starts from ``default-src``, as the browser
    would read it: adding a host to it must not take away what was allowed.
    """
    allowed = policy.setdefault(directive, list(policy.get("default-src", [])))
    for source in sources:
        if source not in allowed:
            allowed.append(source)
    if len(allowed) > 1 and "'none'" in allowed:
        allowed.remove("'none'")


def configured_policy(admin=False):
    """The policy the settings describe, for the admin when ``admin``, without page hashes.

    A copy the caller may change: the settings are read once, not on every response.
    """
    return {directive: list(sources) for directive, sources in _settings_policy(admin).items()}


@functools.cache
def _settings_policy(admin):
    baseline = settings.CSTI_CONTENT_SECURITY_POLICY
    check_policy(baseline, "CSTI_CONTENT_SECURITY_POLICY")
    policy = {directive: list(sources) for directive, sources in baseline.items()}
    if not policy:
        return policy
    tiles = map_tile_source(getattr(settings, "CSTI_MAP_TILE_URL", ""))
    if tiles:
        add_sources(policy, "img-src", [tiles])
    extra = parse_policy(getattr(settings, "CSTI_CONTENT_SECURITY_POLICY_EXTRA", ""))
    if admin:
        admin_extra = settings.CSTI_ADMIN_CONTENT_SECURITY_POLICY_EXTRA
        check_policy(admin_extra, "CSTI_ADMIN_CONTENT_SECURITY_POLICY_EXTRA")
        extra = [*extra.items(), *admin_extra.items()]
    else:
        extra = extra.items()
    for directive, sources in extra:
        add_sources(policy, directive, sources)
    return policy


def header_value(policy):
    """The policy written as the header's value."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


def style_hash(css):
    """The ``'sha256-…'`` source allowing a ``<style>`` element holding exactly ``css``."""
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def style_hashes(html):
    """The sources allowing the ``<style>`` elements in ``html``."""
    return [style_hash(css) for css in _STYLE_ELEMENT.findall(html)]


def site_of(request):
    """The request's Wagtail site, found as for a page (``None`` when no site matches).

    A page from the page cache is answered before ``CachedSiteMiddleware`` runs: it is
    asked here, so finding the site costs no query either.
    """
    if not hasattr(request, "_wagtail_site"):
        CachedSiteMiddleware(lambda request: None)(request)
    return request._wagtail_site


#: Most host names whose branding hashes a process remembers (``Host`` headers are made up
#: by clients: the memo is emptied when it grows past this).
BRAND_MEMO_SIZE = 64

#: ``{(generation, host, port): (sources, deadline on the clock below)}``.
_brand_memo = {}
#: Wall-clock time: the moment hashes were computed is kept in a cache other processes read.
_clock = time.time


def brand_style_sources(request):
    """The hashes allowing the branding ``<style>`` of the request's site.

    Rendered from the template pages include, with the request's site settings, and kept
    until a setting changes (a new branding colour starts a new cache generation). Each
    process also remembers them by host name for the generation, since they are asked for
    on every page from the page cache: one cache read then, not four (the generation, the
    list of sites, the generation again and the hashes). It remembers them no longer than
    the cache keeps them (:data:`~.caching.TIMEOUT` after they were written): without
    Redis, a colour saved in another process does not move this one's generation, and its
    pages show the new colour once their cached settings expire; the policy must allow it
    by then too.
    """
    current = generation()
    if current is None:
        return _site_brand_style_sources(request)[0]
    key = (current, request._get_raw_host(), request.get_port())
    sources, deadline = _brand_memo.get(key, (None, 0))
    if sources is None or _clock() >= deadline:
        if len(_brand_memo) >= BRAND_MEMO_SIZE:
            _brand_memo.clear()
        sources, written_at = _site_brand_style_sources(request)
        _brand_memo[key] = (sources, written_at + TIMEOUT)
    return sources


def _site_brand_style_sources(request):
    """``(hashes, when they were computed)`` for the request's site, from the cache."""
    site = site_of(request)
    if site is None:
        return [], _clock()
    return cached(
        f"csp:brand-sources:{site.pk}",
        lambda: (style_hashes(render_to_string(BRAND_STYLE_TEMPLATE, request=request)), _clock()),
    )


def is_admin_request(request):
    """Whether ``request`` is for the Wagtail admin (its pages, forms and uploads)."""
    admin_root = _admin_root(get_urlconf(), get_script_prefix())
    return admin_root is not None and request.path.startswith(admin_root)


@functools.cache
def _admin_root(urlconf, script_prefix):
    """The admin's address under ``urlconf`` and ``script_prefix`` (reversed once for each)."""
    try:
        return reverse("wagtailadmin_home", urlconf=urlconf)
    except NoReverseMatch:
        return None


@receiver(setting_changed)
def _forget_settings(setting, **kwargs):
    """Tests change settings while the process runs; a server restarts to change them."""
    if setting.startswith("CSTI_") or setting == "ROOT_URLCONF":
        _settings_policy.cache_clear()
        _admin_root.cache_clear()


def is_debug_page(response):
    """Whether ``response`` may be one of Django's debug pages, written with inline scripts."""
    return settings.DEBUG and response.status_code in (404, 500)


class ContentSecurityPolicyMiddleware:
    """Sends the site's Content-Security-Policy with every response.

    Put it above ``PageCacheMiddleware`` in ``MIDDLEWARE``. A response that already has
    the header (a view with needs of its own) keeps it; Django's debug pages (``DEBUG``
    only) are left without one, as they are written with inline scripts and styles.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # A mistake in the settings stops start-up rather than the first visitor.
        configured_policy(admin=True)

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER in response.headers or is_debug_page(response):
            return response
        admin = is_admin_request(request)
        policy = configured_policy(admin=admin)
        if not policy:
            return response
        if not admin and response.get("Content-Type", "").startswith("text/html"):
            # style-src-elem, when a centre sets it, is the one browsers read for <style>.
            directive = "style-src-elem" if "style-src-elem" in policy else "style-src"
            add_sources(policy, directive, brand_style_sources(request))
        response.headers[HEADER] = header_value(policy)
        return response
