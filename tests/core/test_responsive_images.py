"""Pictures sized for the screen that shows them: phones get their own hero crop and no
larger file than they need, cards share one set of WebP renditions, and only a page's main
picture loads before the visitor scrolls to the rest.

Read from the demo's pages as a visitor's browser receives them.
"""

import io
import re

import lxml.html
import pytest
from django.core.files.images import ImageFile
from django.template import Context, Template
from wagtail.images import get_image_model

from csti_cms.core.models import BrandingSettings
from csti_cms.core.renditions import CARD_IMAGE, HERO_NARROW_CROPS
from csti_cms.core.templatetags.csti_images import CARDS_IN_FIRST_ROW
from tests.conftest import demo_page
from tests.core.helpers import fill_disk_for, library_image, png_bytes

pytestmark = pytest.mark.django_db

CARD_WIDTHS = [320, 480, 640, 800, 960]
DETAIL_WIDTHS = [640, 800, 960, 1440]


def document(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


def srcset_widths(element):
    """The ``w`` descriptors of an ``<img>``'s or ``<source>``'s srcset, each a WebP file."""
    candidates = [c.split() for c in element.get("srcset").split(",")]
    assert all(url.endswith(".webp") for url, _width in candidates), element.get("srcset")
    return [int(width.removesuffix("w")) for _url, width in candidates]


def assert_widths(element, requested):
    """The srcset holds the ``requested`` widths, from the smallest up, each once; Wagtail
    makes none wider than the original allows (the demo's photos are 1200 px wide)."""
    widths = srcset_widths(element)
    assert len(widths) >= 2
    assert widths == sorted(set(widths)), "ascending, no width twice"
    assert widths[0] == requested[0]
    assert widths == [w for w in requested if w < widths[-1]] + [widths[-1]]
    assert widths[-1] <= requested[-1]


def images_of(tree, css_class):
    found = tree.find_class(css_class)
    assert found, f"no .{css_class} on the page"
    return found


def assert_responsive(img, widths, sizes):
    """A WebP srcset of ``widths``, with the layout's ``sizes``, and room kept before load."""
    assert_widths(img, widths)
    assert img.get("sizes") == sizes
    assert img.get("src").endswith(".webp")
    assert int(img.get("width")) > 0 and int(img.get("height")) > 0


def assert_main_image(img):
    """The page's main picture is fetched first, not when scrolled to."""
    assert img.get("loading") == "eager"
    assert img.get("fetchpriority") == "high"


def assert_below_the_fold(img):
    assert img.get("loading") == "lazy"
    assert img.get("decoding") == "async"
    assert img.get("fetchpriority") is None


@pytest.mark.parametrize(
    ("key", "wide_ratio"), [("home", 1600 / 600), ("hub-visitors", 1600 / 500)]
)
def test_a_hero_has_a_crop_for_phones_and_small_screens(client, key, wide_ratio):
    tree = document(client, demo_page(key).url)
    [hero] = images_of(tree, "hero__image")
    # Within its <picture> (libxml2 nests what follows a <source> inside it).
    [picture] = tree.xpath("//picture[.//img[contains(@class, 'hero__image')]]")
    sources = picture.xpath(".//source")
    assert [s.get("media") for s in sources] == [media for media, _ in HERO_NARROW_CROPS]
    phone, small = sources
    assert_widths(phone, [480, 800, 1200])  # up to a 400 px phone at 3 pixels per px
    assert_widths(small, [640, 960, 1280])
    for source in sources:
        assert source.get("type") == "image/webp"
        assert source.get("sizes") == "100vw"
    # Each source keeps the room of its own crop: square on phones, 16:10 on small screens.
    assert phone.get("width") == phone.get("height")
    assert int(small.get("width")) / int(small.get("height")) == 1.6
    assert_responsive(hero, [800, 1200, 1600, 2400], "100vw")
    assert int(hero.get("width")) / int(hero.get("height")) == pytest.approx(wide_ratio, rel=0.01)
    assert_main_image(hero)
    assert hero.get("alt") == demo_page(key).hero_alt_text


def test_agenda_rows_give_phones_a_full_width_thumbnail(client):
    tree = document(client, demo_page("agenda").url)
    for img in images_of(tree, "agenda-item__image"):
        assert_responsive(img, CARD_WIDTHS, "(max-width: 48rem) calc(100vw - 2rem), 10rem")
        assert_below_the_fold(img)


@pytest.mark.parametrize(
    ("key", "css_class"),
    [
        ("home", "audience-chooser__image"),
        ("hub-visitors", "card__image"),
        ("exhibitions", "card__image"),
        ("school-activities", "listing-card__image"),
        ("venue-spaces", "listing-card__image"),
    ],
)
def test_cards_share_the_webp_card_renditions_and_load_when_scrolled_to(client, key, css_class):
    """Listings load their first row at once (tests/core/test_first_cards_load_at_once.py)."""
    tree = document(client, demo_page(key).url)
    first_row_eager = css_class == "listing-card__image" or key == "exhibitions"
    for position, img in enumerate(images_of(tree, css_class), start=1):
        assert srcset_widths(img) == CARD_WIDTHS
        assert img.get("sizes").startswith("(max-width: ")
        assert int(img.get("width")) == 320 and int(img.get("height")) == 180
        if first_row_eager and position <= CARDS_IN_FIRST_ROW:
            assert img.get("loading") == "eager"
        else:
            assert_below_the_fold(img)


def test_the_card_renditions_are_one_webp_set():
    assert CARD_IMAGE == (
        "fill-320x180|format-webp",
        "fill-480x270|format-webp",
        "fill-640x360|format-webp",
        "fill-800x450|format-webp",
        "fill-960x540|format-webp",
    )


@pytest.mark.parametrize(
    ("key", "select"),
    [
        ("little-chemists", "//img[contains(@class, 'event__image')]"),
        ("expo-matter", "//figure[contains(@class, 'exhibition__image')]/img"),
        ("activity-colour-chemistry", "//img[contains(@class, 'detail__image')]"),
        ("space-atrium", "//img[contains(@class, 'detail__image')]"),
    ],
)
def test_a_pages_main_picture_loads_first_in_the_size_the_screen_needs(client, key, select):
    tree = document(client, demo_page(key).url)
    [img] = tree.xpath(select)
    assert_responsive(img, DETAIL_WIDTHS, "(max-width: 50rem) calc(100vw - 2rem), 48rem")
    assert_main_image(img)


def test_pictures_in_a_pages_text_load_when_scrolled_to(client):
    tree = document(client, demo_page("about").url)
    images = tree.xpath("//figure[contains(@class, 'block-image')]/img")
    assert images, "the demo's about page shows a picture in its text"
    for img in images:
        assert_widths(img, [480, 800, 1200])
        assert_below_the_fold(img)


def test_the_header_logo_is_webp_at_one_two_and_three_pixels_per_px(client):
    tree = document(client, demo_page("home").url)
    [logo] = images_of(tree, "site-header__logo")
    candidates = dict(reversed(c.split()) for c in logo.get("srcset").split(", "))
    assert list(candidates) == ["1x", "2x", "3x"]
    assert all(url.endswith(".webp") for url in candidates.values())
    assert logo.get("src") == candidates["1x"]
    assert logo.get("height") == "48" and int(logo.get("width")) > 0


def test_the_site_icons_stay_png_for_browsers_and_home_screens(client):
    assert BrandingSettings.objects.exclude(logo=None).exists()
    html = client.get(demo_page("home").url).content.decode()
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)"[^>]*href="([^"]+)"', html)
    assert icons and all(url.endswith(".png") for url in icons)


def test_sizes_the_original_is_too_small_for_are_named_once(client):
    """Wagtail does not enlarge: the 1200 and 1440 sizes of a 1000-pixel-wide photo are both
    1000 pixels wide, and a srcset naming a width twice is invalid HTML."""
    photo = get_image_model().objects.create(
        title="Robot arm", file=ImageFile(io.BytesIO(png_bytes((1000, 600))), name="arm.png")
    )
    html = Template(
        "{% load csti_images %}{% srcset_image photo fill-{640x360,1200x675,1440x810} "
        'format-webp sizes="100vw" alt="" %}'
    ).render(Context({"photo": photo}))
    [img] = lxml.html.fromstring(html).xpath("//img")
    assert srcset_widths(img) == [640, 1000]


@pytest.mark.parametrize(
    "tag",
    [
        '{% hero_picture photo fill-{800x300,1600x600} format-webp alt="" %}',
        '{% card_image photo sizes="100vw" alt="" %}',
    ],
)
def test_a_picture_whose_sizes_cannot_be_written_is_left_out_whole(monkeypatch, tag):
    """As ``{% srcset_image %}`` is: no <picture> without its <img>, no half a srcset."""
    fill_disk_for(monkeypatch, get_image_model().get_rendition_model())
    photo = library_image("Robot arm")
    html = Template("{% load csti_images %}<p>" + tag + "</p>").render(Context({"photo": photo}))
    assert html == "<p></p>"
