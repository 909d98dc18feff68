"""Image renditions asked for in Python, which must survive an image whose file is lost.

Wagtail's ``{% image %}`` tag shows a placeholder when an image's original file cannot be
read (media left behind by a restore, a disk error). A rendition asked for in code raises
instead, and the centre's logo is asked for on every page (the site icon, the structured
data), so one lost file would take the whole site down. These pages go on without the
image, and the log says which one to upload again.
"""

import logging

from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)


def rendition_url(image, spec):
    """The URL of ``image``'s rendition by ``spec``; ``None`` without an image or its file."""
    if image is None:
        return None
    try:
        return image.get_rendition(spec).url
    except (SourceImageIOError, OSError):
        logger.warning(
            "Image %s (%r) has no readable file: pages show it as missing until it is "
            "uploaded again",
            image.pk,
            image.title,
        )
        return None
