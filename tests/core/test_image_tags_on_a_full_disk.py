"""Pages stand when an image size cannot be made: the media folder refuses writes, or the
image's original file is lost. The log names the image, the size and the error."""

import logging
import os
from pathlib import Path

import pytest
from django.template import Context, Template
from wagtail.images import get_image_model
from wagtail.models import Site

import csti_cms
from csti_cms.core.models import BrandingSettings
from tests.conftest import demo_page
from tests.core.helpers import fill_disk_for, library_image

pytestmark = pytest.mark.django_db

PACKAGE = Path(csti_cms.__file__).parent


@pytest.fixture
def full_disk(monkeypatch):
    """Image sizes cannot be written to the media folder."""
    fill_disk_for(monkeypatch, get_image_model().get_rendition_model())


def render(template_text, **values):
    return Template("{% load csti_images %}" + template_text).render(Context(values))


def rendition_warnings(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "csti_cms.core.renditions" and record.levelno == logging.WARNING
    ]


def test_an_image_whose_size_cannot_be_written_renders_nothing(full_disk, caplog):
    photo = library_image("Robot arm")
    html = render('<p>{% image photo fill-64x48 format-webp alt="A robot arm" %}</p>', photo=photo)
    assert html == "<p></p>"
    [warning] = rendition_warnings(caplog)
    message = warning.getMessage()
    assert f"Image {photo.pk} ('Robot arm')" in message
    assert "fill-64x48|format-webp" in message
    assert "No space left on device" in message
    assert warning.exc_info is None, "one line in the log, no traceback"


def test_a_size_that_cannot_be_written_leaves_the_as_variable_empty(full_disk):
    photo = library_image("Robot arm")
    html = render(
        "{% image photo height-48 as logo %}{% if logo %}shown{% else %}left out{% endif %}",
        photo=photo,
    )
    assert html == "left out"


def test_a_srcset_whose_sizes_cannot_be_written_renders_nothing(full_disk, caplog):
    photo = library_image("Robot arm")
    html = render(
        '{% srcset_image photo width-{40,60} format-webp sizes="100vw" alt="" %}', photo=photo
    )
    assert html == ""
    [warning] = rendition_warnings(caplog)
    assert "width-40|format-webp, width-60|format-webp" in warning.getMessage()


def test_an_image_whose_sizes_can_be_written_is_shown_as_wagtail_shows_it():
    photo = library_image("Robot arm")
    html = render(
        '{% image photo fill-64x48 format-webp alt="A robot arm" class="hero" %}', photo=photo
    )
    assert html.startswith('<img alt="A robot arm" class="hero" height="48" ')
    assert ".fill-64x48.format-webp.webp" in html
    srcset = render("{% srcset_image photo width-{40,60} sizes='100vw' alt='' %}", photo=photo)
    assert "width-40" in srcset and "width-60" in srcset and 'sizes="100vw"' in srcset


def test_an_image_whose_original_file_is_lost_renders_nothing_and_is_named(caplog):
    photo = library_image("Robot arm")
    os.remove(photo.file.path)
    html = render('{% image photo fill-64x48 alt="A robot arm" %}', photo=photo)
    assert html == "", "no zero-sized placeholder pointing at /media/not-found"
    [warning] = rendition_warnings(caplog)
    message = warning.getMessage()
    assert f"Image {photo.pk} ('Robot arm') has no readable file" in message
    assert "fill-64x48" in message and "robot-arm" in message
    assert warning.exc_info is None


def test_every_page_stands_when_the_logo_sizes_cannot_be_written(client, full_disk, caplog):
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.logo = library_image("Centre logo")
    branding.save()
    for shown in (
        demo_page("home", "en"),
        demo_page("hub-visitors", "nl"),
        demo_page("agenda", "fr"),
        demo_page("museum-night", "en"),
    ):
        response = client.get(shown.url)
        assert response.status_code == 200, shown.url
    assert any("Centre logo" in record.getMessage() for record in rendition_warnings(caplog))


def test_no_template_loads_wagtail_s_image_tags():
    """Wagtail's tags raise when a size cannot be written: the site's templates use ours."""
    templates = [path for path in PACKAGE.rglob("*.html") if "templates" in path.parts]
    assert templates
    loading_wagtail = [str(path) for path in templates if "wagtailimages_tags" in path.read_text()]
    assert loading_wagtail == []
