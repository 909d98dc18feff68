"""The page cache serves the next visitors without a rendering, and never past a change."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from freezegun import freeze_time
from wagtail.documents import get_document_model
from wagtail.models import Site

from csti_cms.agenda.models import EventCategory, Venue
from csti_cms.core.caching import generation
from csti_cms.core.models import BrandingSettings
from csti_cms.plugins.declarations.models import Endorsement
from csti_cms.plugins.memberships.models import Membership, Organisation, Role
from csti_cms.visit.models import TicketCategory
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 60


def queries_of(client, path, **extra):
    """``(response, number of SQL queries)`` of one request."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    return response, len(captured)


def test_the_next_visitor_gets_the_same_page_without_a_query(client):
    hub = demo_page("hub-visitors", "fr").url
    first, first_queries = queries_of(client, hub)
    again, again_queries = queries_of(Client(), hub)
    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["Content-Language"] == "fr"


def test_a_publication_shows_to_the_next_visitor(client):
    hub = demo_page("hub-visitors", "en")
    exhibition = demo_page("expo-matter", "en")
    assert exhibition.title in client.get(hub.url).content.decode()
    exhibition.title = "Matter, reopened"
    exhibition.save_revision().publish()
    assert "Matter, reopened" in client.get(hub.url).content.decode()
    exhibition.unpublish()
    assert "Matter, reopened" not in client.get(hub.url).content.decode()


def test_an_entry_lives_no_longer_than_its_lifetime(client):
    home = demo_page("home", "en").url
    with freeze_time() as clock:
        client.get(home)
        assert queries_of(client, home)[1] == 0
        clock.tick(datetime.timedelta(seconds=61))
        assert queries_of(client, home)[1] > 0


def test_each_site_and_each_address_has_its_own_entry(client):
    home = demo_page("home", "en")
    root = Site.objects.get(is_default_site=True).root_page
    other = Site.objects.create(hostname="other.test", root_page=root)
    branding = BrandingSettings.for_site(other)
    branding.centre_name = "Musée des sciences de l'autre ville"
    branding.save()
    ours = client.get(home.url).content.decode()
    theirs = client.get(home.url, HTTP_HOST="other.test").content.decode()
    assert "Musée des sciences de l&#x27;autre ville" not in ours
    assert "Musée des sciences de l&#x27;autre ville" in theirs
    agenda = demo_page("agenda", "en").url
    everything = client.get(agenda).content
    assert client.get(agenda, {"audience": "schools"}).content != everything


def test_signed_in_editors_get_a_fresh_page_and_leave_nothing_behind(client):
    home = demo_page("home", "en").url
    editor = get_user_model().objects.create_superuser("editor", "editor@curiosa.example", "pw")
    client.force_login(editor)
    assert queries_of(client, home)[1] > 0
    assert queries_of(client, home)[1] > 0
    assert queries_of(Client(), home)[1] > 0, "the editor's page was not kept for others"


def test_a_visitor_shown_a_message_gets_a_fresh_page(client):
    home = demo_page("home", "en").url
    client.get(home)
    assert queries_of(Client(), home, HTTP_COOKIE="messages=x")[1] > 0


def test_forms_are_rendered_for_each_visitor_with_their_own_token():
    form = demo_page("declarations-toronto-2008", "fr").url + "endorse/"
    first, second = Client().get(form), Client().get(form)
    assert first.status_code == second.status_code == 200
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert queries_of(Client(), form)[1] > 0


def test_pages_that_forbid_caching_and_errors_are_not_kept(client):
    activity = demo_page("activity-colour-chemistry", "fr")
    booking = activity.url + activity.reverse_subpage("book")
    assert client.get(booking)["Cache-Control"]
    assert queries_of(client, booking)[1] > 0
    missing = demo_page("home", "en").url + "no-such-page/"
    assert client.get(missing).status_code == 404
    assert queries_of(client, missing)[1] > 0


def test_the_page_cache_is_off_unless_configured(client, settings):
    settings.CSTI_PAGE_CACHE_SECONDS = 0
    home = demo_page("home", "en").url
    client.get(home)
    assert queries_of(client, home)[1] > 0


def test_a_renamed_ticket_category_shows_on_the_next_request(client):
    visit = demo_page("practical-info", "en")
    category = TicketCategory.objects.filter(locale=visit.locale).first()
    assert category.name in client.get(visit.url).content.decode()
    category.name = "Explorer pass"
    category.save()
    assert "Explorer pass" in client.get(visit.url).content.decode()


@pytest.mark.parametrize(
    "model",
    [TicketCategory, EventCategory, Venue, Organisation, Membership, Role, Endorsement, Document],
    ids=lambda model: model.__name__,
)
def test_saving_what_public_pages_show_starts_a_new_generation(model):
    row = model.objects.first()
    assert row is not None, f"the demo has a {model.__name__}"
    before = generation()
    row.save()
    assert generation() != before


def test_the_daily_agenda_refresh_starts_a_new_generation():
    before = generation()
    call_command("agenda_refresh", stdout=io.StringIO())
    assert generation() != before


def test_the_agenda_refresh_prints_nothing_for_cron_to_mail_unless_asked():
    quiet, told = io.StringIO(), io.StringIO()
    call_command("agenda_refresh", stdout=quiet)
    call_command("agenda_refresh", stdout=told, verbosity=2)
    assert quiet.getvalue() == ""
    assert told.getvalue().startswith("Agenda refreshed: ")


def test_the_size_wagtail_reads_from_a_file_on_first_show_keeps_the_cache():
    document = Document.objects.first()
    before = generation()
    document.file_size = None
    document.get_file_size()  # as the downloads block does: reads the file, saves its size
    assert document.file_size
    assert generation() == before
