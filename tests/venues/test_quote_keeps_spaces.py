"""A quote request keeps the spaces it asked for, named in the team's language, whatever
becomes of their pages."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.utils import translation

from csti_cms.enquiries.display import value_for_team
from csti_cms.enquiries.services import notify
from csti_cms.venues.models import QuoteRequest
from tests.conftest import demo_page
from tests.enquiries.helpers import QUOTES, csv_rows, read_only_values, stored_quote
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

#: The French names of the demo's atrium and lab: French is the demo team's language.
ATRIUM_AND_LAB = "Atrium des découvertes, Laboratoire Lavoisier"
MIGRATION = "csti_cms.venues.migrations.0005_quote_request_keeps_spaces_and_times"


def english_quote(client, django_capture_on_commit_callbacks):
    """An English request for the atrium and the lab, sent through the English form."""
    spaces = [str(demo_page(key, "en").pk) for key in ("space-atrium", "space-lab")]
    data = quote_data(spaces=spaces, layout="", guests="120")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(quote_url("en"), data).status_code == 302
    return QuoteRequest.objects.get()


def test_the_team_reads_the_spaces_in_its_own_language(
    client, notifications, django_capture_on_commit_callbacks
):
    quote = english_quote(client, django_capture_on_commit_callbacks)
    assert quote.requested_spaces == ["Atrium des découvertes", "Laboratoire Lavoisier"]
    (message,) = mail.outbox
    assert ATRIUM_AND_LAB in message.body
    assert "Discovery atrium" not in message.body and "Lavoisier lab" not in message.body


def test_the_links_to_the_spaces_read_in_the_active_language(client):
    """Wherever the live pages themselves are shown (any form's many-to-many field)."""
    quote = stored_quote(language="en")
    quote.spaces.set([demo_page("space-atrium", "en"), demo_page("space-lab", "en")])
    field = QuoteRequest._meta.get_field("spaces")
    with translation.override("fr"):
        assert quote.notification_value(field) == ATRIUM_AND_LAB
        assert value_for_team(field, quote.spaces) == ATRIUM_AND_LAB
    with translation.override("nl"):
        assert value_for_team(field, quote.spaces) == "Atrium van de ontdekkingen, Labo Lavoisier"


def test_a_deleted_space_stays_on_the_request_everywhere_the_team_reads_it(
    client, english_admin_client, notifications, django_capture_on_commit_callbacks
):
    quote = english_quote(client, django_capture_on_commit_callbacks)
    quote.status = "confirmed"
    quote.save()
    demo_page("space-lab", "en").delete()
    quote.refresh_from_db()
    assert list(quote.spaces.all()) == [demo_page("space-atrium", "en")]
    assert quote.space_names == ATRIUM_AND_LAB

    edit = english_admin_client.get(f"{QUOTES}edit/{quote.pk}/").content.decode()
    assert ATRIUM_AND_LAB in read_only_values(edit)
    inspect = english_admin_client.get(f"{QUOTES}inspect/{quote.pk}/").content.decode()
    assert ATRIUM_AND_LAB in inspect
    (row,) = csv_rows(english_admin_client, QUOTES)
    assert row["Spaces"] == ATRIUM_AND_LAB

    mail.outbox.clear()
    # Told already when sent: the team is e-mailed again only about a request marked untold.
    type(quote).objects.filter(pk=quote.pk).update(notified=False)
    assert notify(quote)
    assert ATRIUM_AND_LAB in mail.outbox[0].body


def test_the_migration_names_the_spaces_of_earlier_requests():
    quote = stored_quote(language="nl")
    quote.spaces.set([demo_page("space-lab", "nl"), demo_page("space-atrium", "nl")])
    assert quote.requested_spaces == []
    migration = import_module(
        "csti_cms.venues.migrations.0005_quote_request_keeps_spaces_and_times"
    )
    migration.remember_spaces(apps, None)
    quote.refresh_from_db()
    assert quote.space_names == ATRIUM_AND_LAB  # in the editors' order, as the form lists them


def test_deleting_a_space_asked_for_warns_the_editor(english_admin_client):
    lab = demo_page("space-lab", "en")
    stored_quote().spaces.set([lab])
    stored_quote().spaces.set([lab, demo_page("space-atrium", "en")])
    html = english_admin_client.get(f"/admin/pages/{lab.pk}/delete/").content.decode()
    assert "2 quote requests ask for this space. They keep the space&#x27;s name" in html
    atrium = demo_page("space-seminar-room", "en")
    html = english_admin_client.get(f"/admin/pages/{atrium.pk}/delete/").content.decode()
    assert "quote request" not in html


def test_a_dutch_first_centres_team_reads_the_spaces_in_dutch():
    """The names follow the centre's language, not the install's default (French here)."""
    english = [demo_page(key, "en") for key in ("space-atrium", "space-lab")]
    dutch = [demo_page(key, "nl").title for key in ("space-atrium", "space-lab")]
    quote = QuoteRequest()
    quote.remember_spaces(english, language="nl")
    assert quote.requested_spaces == dutch
    quote.remember_spaces(english)
    assert quote.requested_spaces == ["Atrium des découvertes", "Laboratoire Lavoisier"]
