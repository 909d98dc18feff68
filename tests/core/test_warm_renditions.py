"""``manage.py warm_renditions``: every live page's picture sizes made before its first visitor."""

from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Site

from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def rendition_writes(queries):
    table = get_image_model().get_rendition_model()._meta.db_table
    return [q["sql"] for q in queries if q["sql"].startswith("INSERT") and table in q["sql"]]


def test_after_warming_a_first_visit_makes_no_picture_size(client):
    get_image_model().get_rendition_model().objects.all().delete()
    for alias in ("renditions", "default", "pages"):
        caches[alias].clear()
    out = StringIO()
    call_command("warm_renditions", stdout=out)
    assert "live pages: sizes made or checked for" in out.getvalue()
    for key in ("home", "exhibitions", "expo-matter", "school-activities"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(demo_page(key, "fr").url).status_code == 200
        assert rendition_writes(queries.captured_queries) == [], key


def test_one_site_only_and_an_unknown_host_is_refused():
    site = demo_page("home", "fr").get_site()
    out = StringIO()
    call_command("warm_renditions", "--site", site.hostname, stdout=out)
    assert "live pages" in out.getvalue()
    with pytest.raises(CommandError, match="no-such-centre.example"):
        call_command("warm_renditions", "--site", "no-such-centre.example")


def test_a_size_whose_file_was_lost_is_made_again(django_capture_on_commit_callbacks):
    """A restore without ``media/images/`` brings the sizes' rows back, not their files."""
    call_command("warm_renditions", stdout=StringIO())
    rendition = get_image_model().get_rendition_model().objects.order_by("pk").first()
    storage, name = rendition.file.storage, rendition.file.name
    storage.delete(name)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("warm_renditions", stdout=out)
    assert storage.exists(name)
    assert rendition.image.renditions.filter(pk=rendition.pk, file=name).exists()
    assert "Sizes whose file was missing, made again: 1." in out.getvalue()


def test_the_site_is_found_whatever_the_case_of_its_host_and_by_its_port():
    site = demo_page("home", "fr").get_site()
    Site.objects.create(hostname=site.hostname, port=8080, root_page=site.root_page)
    with pytest.raises(CommandError, match=f"on ports {site.port}, 8080: choose one with --port"):
        call_command("warm_renditions", "--site", site.hostname.upper())
    out = StringIO()
    call_command(
        "warm_renditions", "--site", site.hostname.upper(), "--port", str(site.port), stdout=out
    )
    assert "live pages" in out.getvalue()
    with pytest.raises(CommandError, match=f"No site answers at {site.hostname}:81"):
        call_command("warm_renditions", "--site", site.hostname, "--port", "81")
