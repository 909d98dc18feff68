"""The picture social networks show of a page: its sharing image, else its own main picture
(an event's photo, a hero) with its alternative text, else the centre's default sharing
image, else its logo, shown whole on a small card."""

import io
import os

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


def sharing_tags(client, shared):
    """``{property or name: content}`` of the page's OpenGraph and Twitter tags."""
    tree = lxml.html.fromstring(client.get(shared.url).content)
    tags = tree.xpath("//meta[starts-with(@property, 'og:') or starts-with(@name, 'twitter:')]")
    return {meta.get("property") or meta.get("name"): meta.get("content") for meta in tags}


def test_a_page_without_a_picture_is_shared_with_the_logo_whole(client):
    """A square mark cut to 16:9 lost its top and bottom."""
    branding_with(logo=picture("Square logo", (256, 256)), default_sharing_image=None)
    url, width, height = shared_picture(client, demo_page("about"))
    assert ".max-1200x675.format-jpeg." in url
    assert (width, height) == ("256", "256")


def test_the_default_sharing_image_stands_in_for_the_logo(client):
    branding_with(default_sharing_image=picture("The centre's hall", (1600, 900)))
    url, width, height = shared_picture(client, demo_page("about"))
    assert f".{SOCIAL_IMAGE.replace('|', '.')}." in url and "picture" in url
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


@pytest.mark.parametrize(
    "key", ["science-festival", "expo-chemistry", "activity-colour-chemistry", "space-lab"]
)
def test_a_page_with_a_photo_is_shared_with_it_and_its_alternative_text(client, key):
    """Events, exhibitions, school activities and venue spaces were shared with the logo."""
    shown = demo_page(key)
    assert shown.image_id and shown.image_alt_text
    tags = sharing_tags(client, shown)
    assert tags["og:image"].endswith(shown.image.get_rendition(SOCIAL_IMAGE).url)
    assert tags["og:image:alt"] == shown.image_alt_text
    assert tags["twitter:card"] == "summary_large_image"


def test_a_home_page_is_shared_with_its_hero(client):
    home = demo_page("home")
    tags = sharing_tags(client, home)
    assert tags["og:image"].endswith(home.hero_image.get_rendition(SOCIAL_IMAGE).url)
    assert tags["og:image:alt"] == home.hero_alt_text


def test_the_editor_s_sharing_image_comes_before_the_page_s_photo(client):
    """Described by the image's own description: the page has no text for it."""
    festival = demo_page("science-festival")
    robot = picture("Robot arm", (1400, 800))
    robot.description = "A robot arm stacking cubes"
    robot.save()
    festival.social_image = robot
    festival.save_revision().publish()
    tags = sharing_tags(client, festival)
    assert tags["og:image"].endswith(robot.get_rendition(SOCIAL_IMAGE).url)
    assert tags["og:image:alt"] == "A robot arm stacking cubes"


def test_the_page_s_photo_chosen_again_as_sharing_image_keeps_its_alternative_text(client):
    festival = demo_page("science-festival")
    festival.social_image = festival.image
    festival.save_revision().publish()
    assert sharing_tags(client, festival)["og:image:alt"] == festival.image_alt_text


def test_the_logo_is_shown_on_a_small_card(client):
    """A large card is cut to 2:1, which would lose the top and bottom of a square mark."""
    branding_with(logo=picture("Square logo", (256, 256)), default_sharing_image=None)
    tags = sharing_tags(client, demo_page("about"))
    assert tags["twitter:card"] == "summary"
    assert "og:image:alt" not in tags


def test_the_default_sharing_image_is_shown_on_a_large_card(client):
    hall = picture("The centre's hall", (1600, 900))
    hall.description = "The hall of the centre, full of visitors"
    hall.save()
    branding_with(default_sharing_image=hall)
    tags = sharing_tags(client, demo_page("about"))
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:image:alt"] == "The hall of the centre, full of visitors"


def test_a_page_whose_photo_file_is_lost_is_shared_with_the_logo(client):
    """A photo whose file went missing (a restore without the media) gives no rendition:
    the next picture stands in, not none at all."""
    branding_with(logo=picture("Square logo", (256, 256)), default_sharing_image=None)
    lost = picture("Lost photo", (1600, 900))
    event = demo_page("science-festival").specific
    event.image = lost
    event.save_revision().publish()
    os.remove(lost.file.path)
    tags = sharing_tags(client, event)
    assert ".max-1200x675.format-jpeg." in tags["og:image"]
    assert tags["twitter:card"] == "summary"
