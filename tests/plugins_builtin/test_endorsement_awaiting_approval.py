"""A confirmed endorsement is announced to its centre's team, which approves it in the admin.

Confirming (the POST of the e-mailed link's button) stores the confirmation, then e-mails
the team where it reads visitors' requests, in the centre's language, with a link to the
endorsement in the admin on the centre's own address. A mail server that fails, or a
centre with no address to write to, costs the visitor nothing: the endorsement is confirmed.
"""

import datetime
import logging
import smtplib
from email import message_from_bytes, policy

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from freezegun import freeze_time

from csti_cms.core.centres import add_centre
from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.enquiries.models import EnquiryNotificationSettings
from csti_cms.plugins.declarations.endorsements import confirmation_token
from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page

from .helpers import MECHELEN, make_declaration, make_declaration_index

pytestmark = pytest.mark.django_db

#: The host name of an English-first centre sharing the demo's install.
ENGLISH_CENTRE = "www.science-works.example"
#: The logger of the endorsement e-mails.
LOGGER = "csti_cms.plugins.declarations.endorsements"


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses every e-mail."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("550 anne@musee.example: mailbox unavailable")


def team_settings(site, recipients="", contact=""):
    notifications = EnquiryNotificationSettings.for_site(site)
    notifications.recipients = recipients
    notifications.save()
    contact_settings = ContactSettings.for_site(site)
    contact_settings.email = contact
    contact_settings.save()


@pytest.fixture
def english_centre(enable_plugin):
    """An English-first centre with the declarations plugin on; its Wagtail site."""
    site = add_centre("Science Works", ENGLISH_CENTRE, 443, "en").site
    enable_plugin("declarations", site)
    return site


@pytest.fixture
def english_declaration(english_centre):
    index = make_declaration_index(english_centre.root_page.specific)
    return make_declaration(index, title="Lisbon Declaration")


def waiting(declaration, organisation="Musée des Sciences", language="en"):
    """An endorsement of ``declaration`` sent from the form, not yet confirmed."""
    endorsement = Endorsement(
        declaration=declaration,
        organisation=organisation,
        country="Belgique",
        contact_name="Anne Lambert",
        email="anne@musee.example",
        website="https://musee.example/",
        consent=True,
        language=language,
    )
    endorsement.save()
    return endorsement


def confirm(client, endorsement):
    """The POST of the confirmation page's button, on the declaration's own site.

    The team is told once the confirmation is committed, as a live site's request would.
    """
    page = endorsement.declaration.specific
    site = page.get_site()
    path = page.get_url_parts()[2] + page.reverse_subpage("confirm")
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            path,
            {"token": confirmation_token(endorsement)},
            HTTP_HOST=site.hostname,
            secure=site.port == 443,
        )


def test_the_team_is_told_once_in_its_centres_language(client, english_declaration):
    site = english_declaration.get_site()
    team_settings(site, "team@science-works.example, director@science-works.example")
    endorsement = waiting(english_declaration, language="fr")  # sent from the French form

    response = confirm(client, endorsement)
    assert response.status_code == 200
    endorsement.refresh_from_db()
    assert endorsement.is_confirmed
    (message,) = mail.outbox
    assert message.to == ["team@science-works.example", "director@science-works.example"]
    assert message.reply_to == ["anne@musee.example"]
    assert message.subject == (
        "[Science Works] Endorsement of “Lisbon Declaration” by Musée des Sciences awaits approval"
    )
    for line in (
        "Organisation: Musée des Sciences",
        "Country: Belgique",
        "Contact name: Anne Lambert",
        "E-mail: anne@musee.example",
        "Website: https://musee.example/",
        "Declaration: Lisbon Declaration",
    ):
        assert f"\n{line}\n" in message.body
    assert "Submitted: " in message.body and "Confirmed: " in message.body
    edit = reverse("endorsements:edit", args=[endorsement.pk])
    assert f"\nhttps://{ENGLISH_CENTRE}{edit}\n" in message.body, "the centre's own admin"
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    assert parsed["From"].addresses[0].display_name == "Science Works"

    again = confirm(client, endorsement)
    assert again.status_code == 200
    assert len(mail.outbox) == 1, "confirming again tells nobody"


def test_the_team_is_told_once_the_confirmation_is_stored(client, english_declaration):
    """The e-mail goes once the confirmation is committed: a rolled-back one tells nobody."""
    team_settings(english_declaration.get_site(), "team@science-works.example")
    endorsement = waiting(english_declaration)
    page = english_declaration
    with TestCase.captureOnCommitCallbacks() as callbacks:
        response = client.post(
            page.url + page.reverse_subpage("confirm"),
            {"token": confirmation_token(endorsement)},
            HTTP_HOST=ENGLISH_CENTRE,
            secure=True,
        )
    assert response.status_code == 200
    assert mail.outbox == [], "nothing is sent before the confirmation is committed"
    (callback,) = callbacks
    callback()
    assert len(mail.outbox) == 1


def test_without_settings_the_team_is_told_at_the_contact_address(client, english_declaration):
    team_settings(english_declaration.get_site(), contact="info@science-works.example")
    confirm(client, waiting(english_declaration))
    assert mail.outbox[0].to == ["info@science-works.example"]


def test_a_french_first_centre_reads_french(client):
    """The demo centre's home is French: its team reads French, whatever the visitor used."""
    declaration = demo_page(MECHELEN, "en")
    site = declaration.get_site()
    team_settings(site, "equipe@curiosa.example")
    centre_name = BrandingSettings.for_site(site).centre_name
    with freeze_time(datetime.datetime(2026, 3, 19, 9, 30, tzinfo=datetime.UTC)):
        endorsement = waiting(declaration, language="en")
        assert confirm(client, endorsement).status_code == 200
    (message,) = mail.outbox
    assert message.to == ["equipe@curiosa.example"]
    assert message.subject.startswith(f"[{centre_name}] ")
    assert "19 mars 2026" in message.body and "March" not in message.body, "French dates"
    with translation.override("fr"):
        country = str(capfirst(Endorsement._meta.get_field("country").verbose_name))
    assert f"\n{country}" in message.body and "\nCountry" not in message.body


def test_the_team_reads_the_declarations_title_in_its_language(client):
    """Endorsed on the English page of a French-first centre: the team knows its French title."""
    declaration = demo_page(MECHELEN, "en")
    team_settings(declaration.get_site(), "equipe@curiosa.example")
    confirm(client, waiting(declaration, language="en"))
    (message,) = mail.outbox
    french_title = demo_page(MECHELEN, "fr").title
    assert french_title in message.subject
    assert f": {french_title}\n" in message.body
    assert "Mechelen Declaration" not in message.subject + message.body


def test_without_a_live_translation_the_team_reads_the_endorsed_title(client):
    declaration = demo_page(MECHELEN, "en")
    team_settings(declaration.get_site(), "equipe@curiosa.example")
    demo_page(MECHELEN, "fr").unpublish()
    confirm(client, waiting(declaration, language="en"))
    (message,) = mail.outbox
    assert "Mechelen Declaration" in message.subject
    assert ": Mechelen Declaration\n" in message.body


def test_a_line_break_cannot_fake_a_field(client, english_declaration):
    team_settings(english_declaration.get_site(), "team@science-works.example")
    endorsement = waiting(english_declaration, organisation="Musée\nWebsite: https://evil.example/")
    confirm(client, endorsement)
    (message,) = mail.outbox
    assert "\nWebsite: https://evil.example/" not in message.body
    assert "\n" not in message.subject


def test_a_failing_mail_server_still_confirms(client, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    declaration = demo_page(MECHELEN, "en")
    team_settings(declaration.get_site(), "equipe@curiosa.example")
    endorsement = waiting(declaration)

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        response = confirm(client, endorsement)
    assert response.status_code == 200
    assert "Endorsement confirmed" in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.is_confirmed
    (record,) = [record for record in caplog.records if record.name == LOGGER]
    assert "SMTPException" in record.getMessage()
    assert "anne@musee.example" not in record.getMessage(), "no personal data in the log"


def test_a_centre_without_any_address_still_confirms(client, caplog):
    declaration = demo_page(MECHELEN, "en")
    team_settings(declaration.get_site())
    endorsement = waiting(declaration)

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        response = confirm(client, endorsement)
    assert response.status_code == 200
    assert "Endorsement confirmed" in response.content.decode()
    endorsement.refresh_from_db()
    assert endorsement.is_confirmed
    assert mail.outbox == []
    assert any("no address" in record.getMessage() for record in caplog.records)
