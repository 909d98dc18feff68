"""``manage.py warm_renditions``: every live page's picture sizes made before its first visitor."""

from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

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
