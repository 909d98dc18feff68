"""Video players that reach the provider only when the visitor plays the video.

The video block's oEmbed answer is a player frame: shown as it is, YouTube's and Vimeo's
load with the page, so every reader's IP address goes to Google or Vimeo, and YouTube's
sets its cookies, which the data-protection authorities (APD/GBA in Belgium, the CNIL in
France) allow only with the visitor's consent. The block shows a placeholder of the site's
own instead and ``video-player.js`` puts the player in its place when the visitor clicks
"Play video", from YouTube's privacy-enhanced domain or with Vimeo's "do not track" option.
The players are rewritten when shown, so embeds already stored by Wagtail change too.

Only the providers the Content-Security-Policy lets browsers frame are accepted: another
provider's frame, or a "rich" embed's script, would be blocked on the public site.
"""

import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from wagtail.embeds import embeds, oembed_providers
from wagtail.embeds.exceptions import EmbedException

#: The providers the video block accepts, by the name visitors know them by: those whose
#: players ``frame-src`` allows and ``WAGTAILEMBEDS_FINDERS`` asks (csti_cms/settings/base.py).
VIDEO_PROVIDERS = {"YouTube": oembed_providers.youtube, "Vimeo": oembed_providers.vimeo}

PLAYER_ADDRESS = re.compile(r"""<iframe\b[^>]*?\ssrc=(["'])(.+?)\1""", re.IGNORECASE | re.DOTALL)
#: Where the players are loaded from: the providers' addresses that set no tracking cookie.
YOUTUBE_COOKIELESS_HOST = "www.youtube-nocookie.com"
PLAYER_HOSTS = {YOUTUBE_COOKIELESS_HOST, "player.vimeo.com"}


@dataclass(frozen=True)
class VideoPlayer:
    """What the video block's placeholder needs to put the player in its place on a click."""

    provider: str
    address: str
    aspect_ratio: str


def video_provider(url):
    """The name of the provider of the video at ``url``; None for one the site does not play."""
    for name, provider in VIDEO_PROVIDERS.items():
        if any(re.match(pattern, url or "") for pattern in provider["urls"]):
            return name
    return None


def video_player(video):
    """The player of ``video`` (the block's EmbedValue), or None when there is none to show:
    no video, a provider the site does not frame, or one that did not answer."""
    provider = video_provider(video.url) if video is not None else None
    if provider is None:
        return None
    try:
        embed = embeds.get_embed(video.url, video.max_width, video.max_height)
    except EmbedException:
        return None
    address = player_address(embed.html)
    if address is None:
        return None
    return VideoPlayer(provider, address, _aspect_ratio(embed.width, embed.height))


def player_address(embed_html):
    """The address of the player in ``embed_html``, from the provider's cookieless address and
    set to start at once: the visitor loads it by clicking "Play video", one click is enough.

    None when the embed has no player from the hosts the site frames.
    """
    match = PLAYER_ADDRESS.search(str(embed_html))
    if match is None:
        return None
    parts = urlsplit(unescape(match[2]).strip())
    host = parts.hostname or ""
    if host in {"youtube.com", "www.youtube.com"}:
        host = YOUTUBE_COOKIELESS_HOST
    if parts.scheme not in {"https", ""} or host not in PLAYER_HOSTS:
        return None
    query = parse_qsl(parts.query, keep_blank_values=True)
    if host == "player.vimeo.com" and not any(key == "dnt" for key, _ in query):
        query.append(("dnt", "1"))
    query = [(key, value) for key, value in query if key != "autoplay"] + [("autoplay", "1")]
    return urlunsplit(("https", host, parts.path, urlencode(query), ""))


def _aspect_ratio(width, height):
    """The player's shape, as CSS ``aspect-ratio`` writes it; 16 / 9 when the provider gave none."""
    if width and height:
        return f"{width} / {height}"
    return "16 / 9"
