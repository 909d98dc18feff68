"""The picture social networks show of a page: its own, else the centre's default sharing
image, else its logo, shown whole."""

import io

import lxml.html
import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import SOCIAL_IMAGE
from tests.conftest import demo_page
from tests.core.helpers import png_bytes

pytestmark = pytest.mark.django_db


def picture(title, size):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes(size)), name="picture.png")
    )


def branding_with(**fields):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(branding, name, value)
    branding.save()
    return branding


def shared_picture(client, shared):
    """``(address, width, height)`` the page's OpenGraph tags give of its picture."""
    tree = lxml.html.fromstring(client.get(shared.url).content)

    def meta(name):
        values = tree.xpath(f"//meta[@property='{name}']/@content")
        return values[0] if values else None

    return meta("og:image"), meta("og:image:width"), meta("og:image:height")


def test_a_page_without_a_picture_is_shared_with_the_logo_whole(client):
    """A square mark cut to 16:9 lost its top and bottom."""
    branding_with(logo=picture("Square logo", (256, 256)), default_sharing_image=None)
    url, width, height = shared_picture(client, demo_page("about"))
    assert ".max-1200x675." in url
    assert (width, height) == ("256", "256")


def test_the_default_sharing_image_stands_in_for_the_logo(client):
    branding_with(default_sharing_image=picture("The centre's hall", (1600, 900)))
    url, width, height = shared_picture(client, demo_page("about"))
    assert f".{SOCIAL_IMAGE}." in url and "picture" in url
    assert (width, height) == ("1200", "675")


def test_a_page_s_own_picture_comes_first(client):
    branding_with(default_sharing_image=picture("The centre's hall", (1600, 900)))
    about = demo_page("about")
    about.social_image = picture("Robot arm", (1400, 800))
    about.save_revision().publish()
    url, _width, _height = shared_picture(client, about)
    rendition = about.social_image.get_rendition(SOCIAL_IMAGE)
    assert url.endswith(rendition.url)


def test_a_shared_picture_s_size_is_that_of_its_rendition(client):
    """Wagtail does not enlarge: a small photo keeps its own size, which the tags give."""
    branding_with(default_sharing_image=picture("Small photo", (800, 600)))
    url, width, height = shared_picture(client, demo_page("about"))
    assert (width, height) == ("800", "450")
