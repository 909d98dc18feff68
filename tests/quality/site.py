"""A tiny site for testing the gate: two sound pages and pages broken on purpose.

Each page is the sound page with one thing taken away or spoiled, the way a page
breaks in real life (an image that lost its alt text, a template that lost its
``lang``); the gate has to pass the sound pages and name each broken thing.
"""

import base64
import json
import threading
from functools import partial
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

#: A 1x1 transparent PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

EVENT = {
    "@context": "https://schema.org",
    "@type": "Event",
    "name": "Atelier",
    "startDate": "2030-01-01T10:00:00+01:00",
    "location": {
        "@type": "Place",
        "name": "Curiosa",
        "address": {"@type": "PostalAddress", "streetAddress": "Rue 1", "postalCode": "5000"},
    },
}

SOUND = {
    "lang": ' lang="{language}"',
    "description": '<meta name="description" content="Une page de test en bon état.">',
    "image": '<img src="/media/pixel.png" alt="Un pixel" width="1" height="1">',
    "link": '<a href="/{language}/">Accueil</a>',
    "jsonld": f'<script type="application/ld+json">{json.dumps(EVENT)}</script>',
    "canonical": '<link rel="canonical" href="{base}{path}">',
    "og_image": '<meta property="og:image" content="{base}/media/pixel.png">',
    "markup": "<p>Un paragraphe.</p>",
}

#: path -> (language, what differs from the sound page)
PAGES = {
    "/fr/": ("fr", {}),
    "/en/": ("en", {}),
    "/fr/sans-alt/": ("fr", {"image": '<img src="/media/pixel.png" width="1" height="1">'}),
    "/fr/sans-langue/": ("fr", {"lang": ""}),
    "/fr/abime/": (
        "fr",
        {
            "description": "",
            "link": '<a href="/fr/disparue/">Une page disparue</a> <a href="#nulle-part">Ici</a>',
            "jsonld": (
                '<script type="application/ld+json">{"@context": "https://schema.org", '
                '"@type": "Event", "name": "Sans date"}</script>'
                '<script type="application/ld+json">{"@type": </script>'
            ),
            "canonical": '<link rel="canonical" href="{base}/fr/ailleurs/">',
            "og_image": "",
            "markup": (
                "<p>Un paragraphe <div>avec un bloc dedans</div></p>"
                "<script>notDefinedAnywhere();</script>"
            ),
        },
    ),
}
#: Pages that are translations of each other (hreflang alternates).
TRANSLATIONS = {"/fr/": "/en/", "/en/": "/fr/"}

TEMPLATE = """<!DOCTYPE html>
<html{lang}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Page de test</title>
{description}
{canonical}
<meta property="og:title" content="Page de test">
<meta property="og:type" content="article">
<meta property="og:url" content="{base}{path}">
{og_image}
{alternates}
{jsonld}
</head>
<body>
<main>
<h1>Page de test</h1>
{markup}
{image}
<nav aria-label="Liens">{link}</nav>
</main>
</body>
</html>
"""


def _alternates(path, base):
    if path not in TRANSLATIONS:
        return ""
    versions = {PAGES[p][0]: p for p in (path, TRANSLATIONS[path])}
    return "\n".join(
        f'<link rel="alternate" hreflang="{code}" href="{base}{href}">'
        for code, href in sorted(versions.items())
    )


def render(path, base):
    language, changes = PAGES[path]
    parts = {**SOUND, **changes}
    values = {"language": language, "base": base, "path": path}
    filled = {name: _fill(text, values) for name, text in parts.items()}
    return TEMPLATE.format(**filled, **values, alternates=_alternates(path, base))


def _fill(text, values):
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def sitemap(base):
    entries = []
    for path in PAGES:
        links = ""
        if path in TRANSLATIONS:
            links = "".join(
                f'<xhtml:link rel="alternate" hreflang="{PAGES[p][0]}" href="{base}{p}"/>'
                for p in (path, TRANSLATIONS[path])
            )
        entries.append(f"<url><loc>{base}{path}</loc>{links}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">' + "".join(entries) + "</urlset>"
    )


def application(environ, start_response, address=None):
    """The site; its sitemap and pages name ``address`` when given (a Site record's
    host that is not where the site answers), else the host asked for."""
    path = environ["PATH_INFO"]
    base = address or f"http://{environ['HTTP_HOST']}"
    if path == "/sitemap.xml":
        body, content_type, status = sitemap(base).encode(), "application/xml", "200 OK"
    elif path == "/media/pixel.png":
        body, content_type, status = PNG, "image/png", "200 OK"
    elif path in PAGES:
        body, content_type, status = (
            render(path, base).encode(),
            "text/html; charset=utf-8",
            "200 OK",
        )
    else:
        body, content_type, status = b"Not found", "text/plain", "404 Not Found"
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve(address=None):
    """Start the site on a free port in a background thread; returns the server."""
    server = make_server(
        "127.0.0.1",
        0,
        partial(application, address=address),
        server_class=_ThreadingServer,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
