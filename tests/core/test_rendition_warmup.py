"""A page's pictures are made when it is published, in the background, not in the request of
its first visitor; and search engines and social networks read one picture of it."""

import json
import logging

import lxml.html
import pytest
from wagtail.images import get_image_model

from csti_cms.core.models import BrandingSettings
from csti_cms.core.rendition_warmup import SITE_LOGO, page_renditions
from csti_cms.core.renditions import SOCIAL_IMAGE
from tests.conftest import demo_page
from tests.core.helpers import library_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def warm_up_on(settings):
    """The test settings leave the warm-up off, so other tests' publications stay quick."""
    settings.CSTI_RENDITION_WARMUP = True


def renditions():
    return get_image_model().get_rendition_model().objects


def forget_renditions(page):
    """The page's images as just uploaded: none of their renditions made yet."""
    images = [image for image, _specs in page_renditions(page).values()]
    renditions().filter(image__in=images).delete()
    return images


def made_on_visit(client, page, images):
    """The renditions of ``images`` the first visit of ``page`` makes."""
    before = set(renditions().filter(image__in=images).values_list("image", "filter_spec"))
    assert client.get(page.url).status_code == 200
    after = set(renditions().filter(image__in=images).values_list("image", "filter_spec"))
    return after - before


def test_publishing_makes_what_the_first_visitor_sees(client, django_capture_on_commit_callbacks):
    event = demo_page("little-chemists")
    images = forget_renditions(event)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    # The event's photo at each size of its page, its cards and its shared picture; the logo.
    assert renditions().filter(image__in=images).count() == 14

    assert made_on_visit(client, event, images) == set()


def test_a_hero_and_the_logo_are_made_on_publishing_a_home_page(
    client, django_capture_on_commit_callbacks
):
    home = demo_page("home", "nl")
    images = forget_renditions(home)
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert renditions().filter(image__in=images).exists()

    assert made_on_visit(client, home, images) == set()


def test_saving_an_image_remakes_it_for_the_pages_showing_it(django_capture_on_commit_callbacks):
    home = demo_page("home")
    hero = home.hero_image
    renditions().filter(image=hero).delete()  # as replacing its file does
    with django_capture_on_commit_callbacks(execute=True):
        hero.save()

    made = set(renditions().filter(image=hero).values_list("filter_spec", flat=True))
    assert made >= page_renditions(home)[hero.pk][1]


def test_an_image_that_cannot_be_made_does_not_stop_publishing(
    caplog, django_capture_on_commit_callbacks
):
    event = demo_page("little-chemists")
    renditions().filter(image=event.image).delete()
    get_image_model().objects.filter(pk=event.image_id).update(file="original_images/lost.jpg")
    event.refresh_from_db()
    caplog.set_level(logging.WARNING)
    with django_capture_on_commit_callbacks(execute=True):
        revision = event.save_revision()
        revision.publish()

    event.refresh_from_db()
    assert event.live_revision_id == revision.pk
    assert not renditions().filter(image=event.image).exists()
    assert "has no readable file" in caplog.text


def test_shared_pages_and_their_structured_data_name_one_picture(client):
    event = demo_page("little-chemists")

    tree = lxml.html.fromstring(client.get(event.url).content)

    og_image = tree.xpath("//meta[@property='og:image']/@content")
    structured = [
        json.loads(script.text) for script in tree.xpath("//script[@type='application/ld+json']")
    ]
    images = [
        item["image"][0]
        for data in structured
        for item in (data if isinstance(data, list) else data.get("@graph", [data]))
        if isinstance(item, dict) and item.get("image")
    ]
    # The shared picture is the page's photo, as is the structured data's: one rendition by
    # the one spec, in the format of its original (JPEG for photos).
    assert og_image and images
    assert og_image[0] == images[0]
    for url in images:
        assert f".{SOCIAL_IMAGE.replace('|', '.')}." in url
    assert images[0].endswith(".jpg")


def test_choosing_a_logo_makes_it_for_every_page(client, django_capture_on_commit_callbacks):
    home = demo_page("home")
    branding = BrandingSettings.for_site(home.get_site())
    logo = branding.logo
    renditions().filter(image=logo).delete()
    with django_capture_on_commit_callbacks(execute=True):
        branding.save()

    assert set(SITE_LOGO) < set(
        renditions().filter(image=logo).values_list("filter_spec", flat=True)
    )
    assert made_on_visit(client, demo_page("about"), [logo]) == set()


def test_choosing_a_default_sharing_image_makes_it_for_every_page(
    client, django_capture_on_commit_callbacks
):
    branding = BrandingSettings.for_site(demo_page("home").get_site())
    photo = library_image("Our atrium at night")
    branding.default_sharing_image = photo
    with django_capture_on_commit_callbacks(execute=True):
        branding.save()

    made = set(renditions().filter(image=photo).values_list("filter_spec", flat=True))
    assert SOCIAL_IMAGE in made
    assert made_on_visit(client, demo_page("about"), [photo]) == set()


def test_a_save_that_changes_no_file_nor_focal_point_makes_nothing(
    django_capture_on_commit_callbacks,
):
    event = demo_page("little-chemists")
    (image, *_) = forget_renditions(event)
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Renamed"
        image.save(update_fields=["title"])
    assert not renditions().filter(image=image).exists()


def test_the_task_stops_at_its_budget_and_leaves_the_rest_to_the_pages(
    settings, django_capture_on_commit_callbacks
):
    settings.CSTI_RENDITION_WARMUP_SECONDS = 0
    event = demo_page("little-chemists")
    images = forget_renditions(event)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert not renditions().filter(image__in=images).exists()
