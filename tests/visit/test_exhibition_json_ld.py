"""A dated exhibition describes itself to search engines as a schema.org ExhibitionEvent."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.visit.models import ExhibitionKind, ExhibitionPage
from quality.structured_data import item_problems
from tests.agenda.helpers import json_ld
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def exhibition_json_ld(client, key, language="en"):
    return json_ld(client.get(demo_page(key, language).url).content.decode())


def test_a_temporary_exhibition_is_an_exhibition_event_at_the_centre(client):
    chemistry = demo_page("expo-chemistry", "en").specific
    data = exhibition_json_ld(client, "expo-chemistry")
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    assert data["@type"] == "ExhibitionEvent"
    assert data["name"] == chemistry.title
    assert data["startDate"] == chemistry.start_date.isoformat()
    assert data["endDate"] == chemistry.end_date.isoformat()
    assert data["url"] == chemistry.full_url
    assert data["image"][0].startswith("http")
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["streetAddress"] == contact.street_address
    assert data["location"]["address"]["addressLocality"] == contact.locality
    assert data["organizer"]["@type"] == "Organization"
    assert data["inLanguage"] == "en"
    assert item_problems(data) == []


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_exhibition_event_speaks_the_page_s_language(client, language):
    chemistry = demo_page("expo-chemistry", language).specific
    data = exhibition_json_ld(client, "expo-chemistry", language)
    assert data["inLanguage"] == language
    assert data["name"] == chemistry.title
    assert data["url"] == chemistry.full_url
    assert data["organizer"]["url"].split("/")[3] == language


def test_a_permanent_exhibition_without_dates_is_no_event(client):
    permanent = demo_page("expo-matter", "en").specific
    assert permanent.kind == ExhibitionKind.PERMANENT and permanent.start_date is None
    html = client.get(permanent.url).content.decode()
    assert "ExhibitionEvent" not in html


def test_without_the_centre_s_address_there_is_no_event(client):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.street_address = contact.locality = ""
    contact.save()
    html = client.get(demo_page("expo-chemistry", "en").url).content.decode()
    assert "ExhibitionEvent" not in html


def test_the_structured_data_costs_no_query_once_caches_are_warm(client, monkeypatch):
    """The centre's settings, home page and image rendition are those the page reads already."""
    url = demo_page("expo-chemistry", "en").url

    def queries_of_page():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        return len(queries), html

    with_event, html = queries_of_page()
    assert "ExhibitionEvent" in html
    monkeypatch.setattr(ExhibitionPage, "structured_data", lambda self, request: "")
    without_event, html = queries_of_page()
    assert "ExhibitionEvent" not in html
    assert with_event == without_event


def test_a_permanent_exhibition_with_an_opening_day_is_an_event_without_an_end(client):
    permanent = demo_page("expo-matter", "en").specific
    ExhibitionPage.objects.filter(pk=permanent.pk).update(start_date=date(2026, 9, 1))
    data = json_ld(client.get(permanent.url).content.decode())
    assert data["@type"] == "ExhibitionEvent"
    assert data["startDate"] == "2026-09-01"
    assert "endDate" not in data
    assert item_problems(data) == []
