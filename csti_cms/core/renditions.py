"""Image renditions that must not take a page down when an image file cannot be made.

A rendition is made from the image's original file and written to the media folder the
first time a page asks for it. Either side can fail on a server: an original lost (media
left behind by a restore, a disk error) or a media folder the site cannot write (its owner
changed, the disk is full). Wagtail raises for the second, in code and in its ``{% image %}``
tag alike, and the centre's logo is asked for on every page (the header, the site icon,
the structured data), so one missing rendition would take the whole site down. These
pages, and the ``csti_images`` template tags, go on without the image, and the log says
which image, which size and why.
"""

import functools
import logging

from django.db import transaction
from wagtail.images.models import Filter, SourceImageIOError

logger = logging.getLogger(__name__)


def expand_specs(specs):
    """Wagtail's ``srcset_image`` filter words (``"fill-{320x180,640x360} format-webp"``) as
    one filter spec per rendition (``"fill-320x180|format-webp"``), as renditions are stored."""
    return tuple(Filter.expand_spec(specs))


#: The renditions of every card and list thumbnail (home and hub card grids, the audience
#: chooser, exhibitions, school activities, venue spaces, agenda rows): a picture shown in
#: two lists is made, stored and cached once. Widths from a desktop thumbnail (10rem) to a
#: phone's full-width card at three device pixels per CSS pixel, in steps that fit what
#: screens ask: a phone's card at two device pixels (about 656) takes the 800, not the 960
#: (a third fewer pixels to download); a desktop card at two (488 to 576) takes the 640 and
#: one at one device pixel the 320 or 480. WebP for weight.
CARD_IMAGE = expand_specs("fill-{320x180,480x270,640x360,800x450,960x540} format-webp")

#: A hero's crops for screens narrower than its wide crop suits, narrowest first, with the
#: media query of each: a phone's hero is about as tall as wide (the title and introduction
#: set its height), where a wide crop would show a third of itself, upscaled. Each is cut
#: around the image's focal point, as the wide one is.
HERO_NARROW_CROPS = (
    ("(max-width: 30rem)", expand_specs("fill-{480x480,800x800,1200x1200} format-webp")),
    ("(max-width: 40rem)", expand_specs("fill-{640x400,960x600,1280x800} format-webp")),
)

#: The picture search engines and social networks show of a page: the OpenGraph image
#: (``base.html``) and the structured data's (events, venue spaces), one rendition for all.
#: 16:9 at 1200 pixels, the size Google asks for in structured data, which OpenGraph
#: crawlers show whole or nearly. Always a JPEG, which every crawler reads (WebP not all of
#: them), in RGB: a PNG's transparency is laid on white (Facebook showed it on black) and a
#: CMYK photo is stored in RGB on upload (:mod:`csti_cms.core.image_uploads`; some networks
#: showed its colours wrong). Pages show the same image from their own responsive WebP
#: sizes. A page without a picture of its own is shared with the centre's default sharing
#: image, cut the same way, else with its logo, which ``includes/sharing_image.html`` shows
#: whole (``max-1200x675 format-jpeg``, a JPEG too): a square mark cut to 16:9 would lose its
#: top and bottom. The template names the same filters (``fill-1200x675 format-jpeg``), so
#: that both are one rendition.
SOCIAL_IMAGE = "fill-1200x675|format-jpeg"


@functools.lru_cache(maxsize=512)
def image_filter(spec):
    """Wagtail's filter for the text ``spec``, made once per process.

    A filter reads its spec into operations the first time it is used, which costs more
    than looking its renditions up: a page with a dozen pictures paid it for each
    rendition of each picture on every view. Filters keep nothing of an image, so one
    serves every request.
    """
    return Filter(spec=spec)


def rendition_url(image, spec):
    """The URL of ``image``'s rendition by ``spec``; ``None`` without an image or its file."""
    if image is None:
        return None
    rendition = rendition_or_none(image, spec)
    return rendition.url if rendition is not None else None


def rendition_or_none(image, spec):
    """``image``'s rendition by ``spec`` (a filter or its text), ``None`` if it cannot be made.

    Looked up as several are (:func:`renditions_or_none`), not with Wagtail's
    :meth:`get_rendition`, which writes the rendition to the cache again on every view.
    """
    renditions = renditions_or_none(image, [spec])
    return next(iter(renditions.values())) if renditions else None


def renditions_or_none(image, specs):
    """``image``'s renditions by ``specs``, keyed by spec; ``None`` if one cannot be made.

    Wagtail makes the missing ones together and stores them at once: when one fails, none
    is stored, so the page has none of them.
    """
    try:
        return _existing_renditions(image, specs) or _made_renditions(image, specs)
    except OSError as error:
        _log_missing_rendition(image, ", ".join(_spec_text(spec) for spec in specs), error)
        return None


def _existing_renditions(image, specs):
    """``image``'s renditions by ``specs`` as :meth:`get_renditions` gives them when they are
    all made already (prefetched, cached or in one query); ``None`` when one is missing."""
    filters = [
        image.clean_filter_for_svg(spec if isinstance(spec, Filter) else image_filter(spec))
        for spec in specs
    ]
    filters = list(dict.fromkeys(filters))
    found = image.find_existing_renditions(*filters)
    if any(spec not in found for spec in filters):
        return None
    _cache_renditions(image, found)
    return {spec.spec: found[spec] for spec in filters}


def _cache_renditions(image, found):
    """Keep the renditions read from the database in Wagtail's rendition cache, as
    :meth:`get_renditions` does: without it every page view read them again, one query per
    image, once the publication's warm-up had made them all.

    Each is marked as Wagtail marks prefetched renditions before it is stored, so that,
    read back from the cache, it is not written again: Wagtail leaves those read from the
    cache unmarked, and a page wrote every rendition it showed on every view.
    """
    Rendition = image.get_rendition_model()
    additions = {
        Rendition.construct_cache_key(image, spec.get_cache_key(image), spec.spec): rendition
        for spec, rendition in found.items()
        if not getattr(rendition, "_from_cache", False)
    }
    for rendition in additions.values():
        rendition._from_cache = True
    if additions:
        Rendition.cache_backend.set_many(additions)


def _made_renditions(image, specs):
    """Make the missing renditions in a savepoint: Wagtail stores them in one insert, and a
    file that cannot be written (a full disk) would otherwise leave the transaction around
    it unusable for the rest of the page."""
    with transaction.atomic():
        return image.get_renditions(*specs)


def _log_missing_rendition(image, specs, error):
    """One line, no traceback: the error names the file, which is what the operator needs."""
    if isinstance(error, SourceImageIOError):
        logger.warning(
            "Image %s (%r) has no readable file, so its %s rendition cannot be made: %s. "
            "Pages show it as missing until it is uploaded again",
            image.pk,
            image.title,
            specs,
            error,
        )
    else:
        logger.warning(
            "Image %s (%r): its %s rendition could not be made, pages show no image "
            "until it can: %s",
            image.pk,
            image.title,
            specs,
            error,
        )


def _spec_text(spec):
    """The text of a filter spec, given as a string or as Wagtail's ``Filter``."""
    return getattr(spec, "spec", spec)
