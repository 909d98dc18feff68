"""What the admin logs about a request stays with the request's centre.

Wagtail logs every change to a request under the request's title (school, activity,
organisation, date). Its site history report lists every model's log together and
cannot tell which centre a team member works on, so requests' entries appear there
for superusers only; a team reads each of its requests' history on the request.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from csti_cms.enquiries.models import RequestLogEntry
from tests.enquiries.helpers import BOOKINGS, QUOTES

pytestmark = pytest.mark.django_db

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")
TITLES_A = ("École des Tilleuls", "Biotech Namur SA")
TITLES_B = ("Basisschool De Regenboog", "Gentse Haven NV")
EDITOR = "Claire Dubois"


@pytest.fixture
def changed_in_admin(bookings, quotes):
    """Every centre's requests followed up in the admin, each on its own host name."""
    editor = get_user_model().objects.create_superuser(
        "claire", "claire@example.org", "pw", first_name="Claire", last_name="Dubois"
    )
    browser = Client()
    browser.force_login(editor)
    for url, enquiry in [(BOOKINGS, bookings[0]), (BOOKINGS, bookings[1])] + [
        (QUOTES, quote) for quote in quotes
    ]:
        response = browser.post(
            f"{url}edit/{enquiry.pk}/",
            {"status": "confirmed", "internal_notes": "Rappeler lundi."},
            HTTP_HOST=enquiry.site.hostname,
        )
        assert response.status_code == 302, url
    return bookings, quotes


def site_history(client, site):
    response = client.get(SITE_HISTORY, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_changes_to_requests_are_logged_apart_from_other_models(changed_in_admin):
    assert RequestLogEntry.objects.filter(action="wagtail.edit").count() == 4
    assert not ModelLogEntry.objects.filter(label__contains="Tilleuls").exists()


def test_a_team_finds_no_centres_requests_in_the_site_history(
    team_member,
    changed_in_admin,
    centre_a,
    centre_b,
):
    for site in (centre_a, centre_b):
        html = site_history(team_member, site)
        for title in TITLES_A + TITLES_B:
            assert title not in html, (site, title)
        # Nor, in the report's user filter, who followed them up.
        assert EDITOR not in html


def test_a_team_reads_its_own_requests_history_on_the_request(
    team_member,
    changed_in_admin,
    centre_a,
):
    (booking_a, _booking_b), (quote_a, _quote_b) = changed_in_admin
    for url, enquiry in ((BOOKINGS, booking_a), (QUOTES, quote_a)):
        response = team_member.get(f"{url}history/{enquiry.pk}/", HTTP_HOST=centre_a.hostname)
        assert response.status_code == 200
        html = response.content.decode()
        assert EDITOR in html and "Edited" in html, url


def test_superusers_find_every_centres_requests_in_the_site_history(
    superuser,
    changed_in_admin,
    centre_a,
):
    html = site_history(superuser, centre_a)
    for title in TITLES_A + TITLES_B:
        assert title in html, title


def test_requests_logged_before_the_upgrade_leave_the_site_history_too(
    team_member,
    bookings,
    centre_a,
):
    booking_a = bookings[0]
    for booking in bookings:
        ModelLogEntry.objects.log_action(booking, "wagtail.edit", title=str(booking))
    assert TITLES_B[0] in site_history(team_member, centre_a)

    migration = importlib.import_module(
        "csti_cms.enquiries.migrations.0003_move_request_history_out_of_model_log_entries"
    )
    migration.to_request_log(apps, schema_editor=None)

    requests = ContentType.objects.get_for_model(booking_a)
    assert not ModelLogEntry.objects.filter(content_type=requests).exists()
    assert TITLES_B[0] not in site_history(team_member, centre_a)
    history = team_member.get(f"{BOOKINGS}history/{booking_a.pk}/", HTTP_HOST=centre_a.hostname)
    assert "Edited" in history.content.decode()
