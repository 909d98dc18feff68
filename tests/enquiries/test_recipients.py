"""Each kind of request goes to its own team, several people at once, in one e-mail."""

import html

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile

from csti_cms.core.models import ContactSettings
from csti_cms.enquiries.models import EnquiryNotificationSettings, email_addresses
from csti_cms.enquiries.services import enquiry_models, notify, recipients_for
from tests.enquiries.helpers import stored_booking, stored_quote, translated

EDUCATION_TEAM = ["ecoles@curiosa.example", "animation@curiosa.example"]
EVENTS_TEAM = ["evenements@curiosa.example", "direction@curiosa.example"]
FALLBACK = ["accueil@curiosa.example"]

INVALID_ADDRESS = "“%(address)s” is not a valid e-mail address."


@pytest.fixture
def teams(db):
    """The demo centre's education and events teams, and an address for anything else."""
    setting = EnquiryNotificationSettings.for_site(Site.objects.get(is_default_site=True))
    setting.school_booking_recipients = ", ".join(EDUCATION_TEAM)
    setting.venue_quote_recipients = "\n".join(EVENTS_TEAM)
    setting.recipients = FALLBACK[0]
    setting.save()
    return setting


def settings_url(site):
    return reverse(
        "wagtailsettings:edit", args=["csti_enquiries", "enquirynotificationsettings", site.pk]
    )


def test_a_school_booking_goes_to_the_whole_education_team_in_one_e_mail(teams):
    assert notify(stored_booking()) is True
    (message,) = mail.outbox
    assert message.to == EDUCATION_TEAM
    assert message.reply_to == ["pieter@school.example"]


def test_a_venue_quote_goes_to_the_whole_events_team_in_one_e_mail(teams):
    assert notify(stored_quote()) is True
    (message,) = mail.outbox
    assert message.to == EVENTS_TEAM
    assert message.reply_to == ["sophie.lambert@biotech.example"]


def test_a_kind_without_a_list_of_its_own_goes_to_the_common_one(teams):
    teams.venue_quote_recipients = ""
    teams.save()
    assert recipients_for(stored_quote()) == FALLBACK
    assert recipients_for(stored_booking()) == EDUCATION_TEAM


def test_without_any_list_the_contact_address_is_used(no_notification_lists):
    quote = stored_quote()
    assert recipients_for(quote) == [ContactSettings.for_site(quote.site).email]


def test_every_kind_of_request_names_a_list_of_the_settings():
    fields = {field.name for field in EnquiryNotificationSettings._meta.get_fields()}
    for model in enquiry_models():
        assert model.recipients_setting in fields | {None}, model


def test_addresses_are_read_one_per_line_or_separated_by_commas():
    typed = " ecoles@curiosa.example,animation@curiosa.example;\r\n\n ecoles@curiosa.example "
    assert email_addresses(typed) == EDUCATION_TEAM
    assert email_addresses("") == []


def test_the_settings_keep_the_addresses_one_per_line(english_admin_client):
    site = Site.objects.get(is_default_site=True)
    response = english_admin_client.post(
        settings_url(site),
        {"school_booking_recipients": ", ".join(EDUCATION_TEAM), "venue_quote_recipients": ""},
    )
    assert response.status_code == 302
    setting = EnquiryNotificationSettings.for_site(site)
    assert setting.school_booking_recipients == "\n".join(EDUCATION_TEAM)


def test_each_mistyped_address_is_named_in_the_editors_language(
    no_notification_lists, admin_client, admin_user
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    site = Site.objects.get(is_default_site=True)
    french = "« %(address)s » n’est pas une adresse e-mail valide."
    with translated("fr", INVALID_ADDRESS, french):
        response = admin_client.post(
            settings_url(site),
            {"venue_quote_recipients": "evenements@curiosa.example\nevenements.curiosa\nsophie@"},
        )
    page_text = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "« evenements.curiosa » n’est pas une adresse e-mail valide." in page_text
    assert "« sophie@ » n’est pas une adresse e-mail valide." in page_text
    assert not EnquiryNotificationSettings.for_site(site).venue_quote_recipients


# Migrating back and forth needs a test that commits, and such a test ends with the database
# emptied, demo content included. On PostgreSQL a test that commits and needs the demo
# (two requests sent at once, test_repeated_submissions) runs after it: the data migration,
# the same on every database, is checked on SQLite.
@pytest.mark.skipif(connection.vendor == "postgresql", reason="empties the demo other tests need")
@pytest.mark.django_db(transaction=True)
def test_the_former_notification_address_becomes_the_common_list():
    locale, _created = Locale.objects.get_or_create(language_code="fr")
    root = Page.add_root(instance=Page(title="Centre", slug="centre", locale=locale))
    site = Site.objects.create(hostname="centre.test", root_page=root)
    before = [("csti_enquiries", "0003_move_request_history_out_of_model_log_entries")]
    after = [("csti_enquiries", "0004_recipient_lists_per_kind_of_request")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    former = executor.loader.project_state(before).apps
    former_settings = former.get_model("csti_enquiries", "EnquiryNotificationSettings")
    former_settings.objects.create(site_id=site.pk, recipient_email="ecoles@curiosa.example")
    executor.loader.build_graph()
    executor.migrate(after)
    setting = EnquiryNotificationSettings.objects.get(site=site)
    assert setting.recipients == "ecoles@curiosa.example"
    assert setting.school_booking_recipients == setting.venue_quote_recipients == ""

    # Going back keeps an address even when only a team's own list was filled in.
    setting.recipients = ""
    setting.school_booking_recipients = "animation@curiosa.example, ecoles@curiosa.example"
    setting.save()
    executor.loader.build_graph()
    executor.migrate(before)
    former = executor.loader.project_state(before).apps
    former_settings = former.get_model("csti_enquiries", "EnquiryNotificationSettings")
    assert former_settings.objects.get(site_id=site.pk).recipient_email == (
        "animation@curiosa.example"
    )
    executor.loader.build_graph()
    executor.migrate(after)
