"""Video players that set no tracking cookie on a visitor who only reads the page.

The video block shows the player the provider's oEmbed answer gives: YouTube's sets
its cookies as soon as the page loads, which the data-protection authorities (APD/GBA in
Belgium, the CNIL in France) allow only with the visitor's consent. YouTube's
privacy-enhanced domain and Vimeo's "do not track" option play the same video without
them. The players are rewritten when shown, so embeds already stored by Wagtail change
too.
"""

import re

from django.utils.safestring import mark_safe

YOUTUBE_PLAYER = re.compile(r"https://(?:www\.)?youtube\.com/embed/")
VIMEO_PLAYER = re.compile(r'(https://player\.vimeo\.com/video/[^"\'\s>]+)')


def privacy_enhanced(html):
    """``html`` of an embedded player, played from the providers' cookieless addresses."""
    html = YOUTUBE_PLAYER.sub("https://www.youtube-nocookie.com/embed/", str(html))
    html = VIMEO_PLAYER.sub(_without_tracking, html)
    return mark_safe(html)  # noqa: S308 - the embed's own HTML, which Wagtail marks safe


def _without_tracking(match):
    url = match[1]
    if re.search(r"[?&](amp;)?dnt=", url):
        return url
    separator = "&amp;" if "?" in url else "?"
    return f"{url}{separator}dnt=1"
