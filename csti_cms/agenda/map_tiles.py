"""Whose server draws the agenda map's tiles, and so whether visitors are asked first.

Tiles fetched from another server hand it the visitor's IP address, as a video player
would: the map then waits for the visitor's click, naming that server, as the video block
does (``agenda-map.js``). Tiles of the centre's own server leave the site with nothing,
and the map loads as the visitor nears it.

The answer comes from the settings and the site's own record, never from the request nor
a cookie: every visitor of a page gets the same page, which the page cache keeps.
"""

import re
from urllib.parse import urlsplit

#: A label of the server's name that Leaflet fills in, such as ``{s}`` in
#: ``https://{s}.tile.example.org``.
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def tile_server_host(tile_url, site_root_url=""):
    """The host of the tile server visitors are told about, or ``""`` for the site's own.

    ``tile_url`` is ``CSTI_MAP_TILE_URL``; ``site_root_url`` the site's address as its
    Wagtail site gives it (``https://curiosa.example``). A tile URL without a host
    (``/tiles/{z}/{x}/{y}.png``) or on the site's host is the site's own. The labels
    Leaflet fills in are left out: visitors read ``tile.example.org``, not ``{s}.tile…``.
    """
    host = urlsplit(tile_url).hostname or ""
    if not host or host == (urlsplit(site_root_url or "").hostname or ""):
        return ""
    return ".".join(label for label in host.split(".") if not _PLACEHOLDER.search(label))
