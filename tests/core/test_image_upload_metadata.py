"""Photos are stored upright, without where and with what they were taken, and no larger
than pages need; social networks are given an RGB JPEG of them."""

import hashlib
import io

import lxml.html
import pytest
from django.conf import settings as project_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from PIL import PngImagePlugin
from wagtail.images import get_image_model
from wagtail.models import Collection, Site

from csti_cms.core.image_uploads import DAMAGED_IMAGE_MESSAGE, ORIENTATION
from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import SOCIAL_IMAGE
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

GPS_INFO = 0x8825
MAKE = 0x010F
MAKER_NOTE = 0x927C


def phone_photo(size=(60, 40), orientation=6):
    """A JPEG as a phone writes it: held sideways (the EXIF orientation turns it), with the
    GPS position of the centre and the camera's make. Its left half is red, its right blue."""
    picture = PillowImage.new("RGB", size, "blue")
    picture.paste("red", (0, 0, size[0] // 2, size[1]))
    exif = PillowImage.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "PhoneMaker"
    exif[MAKER_NOTE] = b"serial 1234567"
    exif.get_ifd(GPS_INFO).update({1: "N", 2: (50.0, 51.0, 0.0), 3: "E", 4: (4.0, 21.0, 0.0)})
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes(), quality=95)
    return buffer.getvalue()


def image_bytes(picture, image_format, **options):
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def add(client, name, content, **fields):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            **fields,
        },
    )


def add_in_bulk(client, name, content):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.json()["success"] is True, response.json()
    return get_image_model().objects.get(pk=response.json()["image_id"])


def added(client, name, content, **fields):
    response = add(client, name, content, **fields)
    assert response.status_code == 302, response.context["form"].errors
    return get_image_model().objects.get(title=name)


def stored(image):
    """The stored original's bytes and the picture they are."""
    with image.open_file() as file:
        content = file.read()
    return content, PillowImage.open(io.BytesIO(content))


def assert_fields_describe_the_file(image):
    content, picture = stored(image)
    assert (image.width, image.height) == picture.size
    assert image.file_size == len(content)
    assert image.file_hash == hashlib.sha1(content).hexdigest()


@pytest.fixture(params=["single", "bulk"])
def upload(request, english_admin_client):
    """The admin's single upload, or its bulk upload: both go through the image form."""
    if request.param == "single":
        return lambda name, content: added(english_admin_client, name, content)
    return lambda name, content: add_in_bulk(english_admin_client, name, content)


def test_a_phone_photo_is_stored_upright_without_its_metadata(upload):
    image = upload("lab-visit.jpg", phone_photo())
    content, picture = stored(image)
    assert picture.format == "JPEG"
    assert not picture.getexif(), "the stored original keeps EXIF"
    assert "exif" not in picture.info
    assert b"PhoneMaker" not in content and b"serial 1234567" not in content
    assert [marker for marker, _content in picture.applist if marker == "APP1"] == []
    # Turned a quarter clockwise as the orientation says: the red half is now on top.
    assert picture.size == (40, 60)
    assert picture.convert("RGB").getpixel((20, 5))[0] > 200
    assert picture.convert("RGB").getpixel((20, 55))[2] > 200
    assert_fields_describe_the_file(image)


def dual_lens_photo(size=(60, 40)):
    """A phone photo holding a second picture (an "MPO", as HDR and dual-lens phones write
    it), both with the EXIF of :func:`phone_photo`: held sideways, with the GPS position.
    Its first picture is red on the left and blue on the right, its second all green."""
    first = PillowImage.open(io.BytesIO(phone_photo(size)))
    exif = first.getexif().tobytes()
    second = PillowImage.new("RGB", size, "green")
    return image_bytes(first, "MPO", save_all=True, append_images=[second], exif=exif)


def test_a_phone_photo_holding_a_second_picture_is_stored_as_the_jpeg_of_its_first(upload):
    """Pillow reads it as an MPO, an animated format: it was stored as sent, sideways, GPS
    position and second picture included, and its sizes kept the GPS position too."""
    photo = dual_lens_photo()
    assert PillowImage.open(io.BytesIO(photo)).format == "MPO"
    image = upload("dual-lens.jpg", photo)
    content, picture = stored(image)
    assert picture.format == "JPEG"
    assert image.file.name.endswith(".jpg")
    assert not picture.getexif() and "exif" not in picture.info and "mp" not in picture.info
    assert b"PhoneMaker" not in content and b"serial 1234567" not in content
    assert picture.size == (40, 60)
    assert picture.convert("RGB").getpixel((20, 5))[0] > 200
    assert picture.convert("RGB").getpixel((20, 55))[2] > 200
    assert_fields_describe_the_file(image)
    shared = image.get_rendition(SOCIAL_IMAGE)
    with shared.file.open() as file:
        assert b"PhoneMaker" not in file.read()


def test_its_sharing_size_tells_nothing_either(english_admin_client):
    image = added(english_admin_client, "field-trip.jpg", phone_photo((1600, 900), 1))
    rendition = image.get_rendition(SOCIAL_IMAGE)
    with rendition.file.open() as file:
        content = file.read()
    assert b"PhoneMaker" not in content
    assert not PillowImage.open(io.BytesIO(content)).getexif()


def test_a_large_photo_is_stored_at_most_the_longest_side_allowed(upload):
    assert project_settings.CSTI_IMAGE_MAX_SIDE == 4000
    image = upload("exhibition-hall.jpg", image_bytes(PillowImage.new("RGB", (6000, 4000)), "JPEG"))
    _content, picture = stored(image)
    assert picture.format == "JPEG"
    assert picture.size == (4000, 2667)
    assert_fields_describe_the_file(image)


def test_the_longest_side_is_a_setting(english_admin_client, settings):
    settings.CSTI_IMAGE_MAX_SIDE = 1000
    photo = image_bytes(PillowImage.new("RGB", (1500, 3000)), "JPEG")
    image = added(english_admin_client, "tower.jpg", photo)
    assert (image.width, image.height) == (500, 1000)


def test_the_focal_point_stays_on_the_same_spot_of_a_smaller_photo(english_admin_client):
    photo = image_bytes(PillowImage.new("RGB", (8000, 4000)), "JPEG")
    focal_point = {
        "focal_point_x": 6000,
        "focal_point_y": 1000,
        "focal_point_width": 400,
        "focal_point_height": 200,
    }
    image = added(english_admin_client, "planetarium.jpg", photo, **focal_point)
    assert (image.width, image.height) == (4000, 2000)
    assert (image.focal_point_x, image.focal_point_y) == (3000, 500)
    assert (image.focal_point_width, image.focal_point_height) == (200, 100)


def test_a_photo_without_metadata_is_stored_as_sent(english_admin_client):
    """Unchanged, Wagtail still finds it again when it is uploaded twice."""
    photo = image_bytes(PillowImage.new("RGB", (64, 48), "green"), "JPEG")
    image = added(english_admin_client, "plain.jpg", photo)
    assert stored(image)[0] == photo


def transparent_logo(size=(5000, 500)):
    """An RGBA PNG whose left half is transparent, with a text chunk that tells its author."""
    picture = PillowImage.new("RGBA", size, (0, 0, 0, 0))
    picture.paste((200, 0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "A designer")
    return image_bytes(picture, "PNG", pnginfo=text)


def test_a_transparent_png_stays_a_png_with_its_transparency(upload):
    image = upload("logo.png", transparent_logo())
    content, picture = stored(image)
    assert picture.format == "PNG" and picture.mode == "RGBA"
    assert picture.size == (4000, 400)
    assert picture.getpixel((10, 10))[3] == 0
    assert picture.getpixel((3990, 10)) == (200, 0, 0, 255)
    assert b"A designer" not in content
    assert_fields_describe_the_file(image)


def test_a_damaged_photo_is_refused_with_a_message(english_admin_client):
    """Its header, with the metadata to remove, is whole: the pixels are not."""
    photo = phone_photo((640, 480))
    count = get_image_model().objects.count()
    response = add(english_admin_client, "cut.jpg", photo[: len(photo) // 2])
    assert response.status_code == 200
    with translation.override("en"):
        assert response.context["form"].errors["file"] == [str(DAMAGED_IMAGE_MESSAGE)]
    assert get_image_model().objects.count() == count


def test_an_image_of_too_many_pixels_is_refused_with_a_message(english_admin_client):
    assert project_settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= 60_000_000
    bomb = image_bytes(PillowImage.new("1", (8000, 8000)), "PNG")
    assert len(bomb) < 100_000
    response = add(english_admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    (error,) = response.context["form"].errors["file"]
    assert "too many pixels (64000000)" in error and "60000000" in error


def social_picture(image):
    rendition = image.get_rendition(SOCIAL_IMAGE)
    with rendition.file.open() as file:
        return PillowImage.open(io.BytesIO(file.read()))


def test_a_cmyk_photo_is_shared_as_an_rgb_jpeg(english_admin_client):
    cmyk = PillowImage.new("CMYK", (1600, 900), (0, 255, 255, 0))
    image = added(english_admin_client, "poster.jpg", image_bytes(cmyk, "JPEG"))
    shared = social_picture(image)
    assert (shared.format, shared.mode) == ("JPEG", "RGB")
    red, green, blue = shared.getpixel((600, 300))
    assert red > 200 and green < 60 and blue < 60


def test_a_transparent_png_is_shared_as_a_jpeg_on_white(english_admin_client):
    image = added(english_admin_client, "sticker.png", transparent_logo((1600, 900)))
    shared = social_picture(image)
    assert (shared.format, shared.mode) == ("JPEG", "RGB")
    assert shared.getpixel((20, 300)) == (255, 255, 255)


def test_a_transparent_logo_is_shared_as_a_jpeg_on_white_too(client, english_admin_client):
    """A page without a picture is shared with the logo, whole: it was a transparent PNG."""
    logo = added(english_admin_client, "logo.png", transparent_logo((800, 400)))
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.logo, branding.default_sharing_image = logo, None
    branding.save()
    tree = lxml.html.fromstring(client.get(demo_page("about").url).content)
    tags = {meta.get("property"): meta.get("content") for meta in tree.xpath("//meta[@property]")}
    rendition = logo.get_rendition("max-1200x675|format-jpeg")
    assert tags["og:image"].endswith(rendition.url)
    assert tags["og:image:type"] == "image/jpeg"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("800", "400")
    with rendition.file.open() as file:
        shared = PillowImage.open(io.BytesIO(file.read()))
    assert (shared.format, shared.mode, shared.size) == ("JPEG", "RGB", (800, 400))
    assert shared.getpixel((20, 200)) == (255, 255, 255)
    red, green, blue = shared.getpixel((780, 200))
    assert red > 180 and green < 40 and blue < 40
