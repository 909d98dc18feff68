"""The confirmation e-mail of an endorsement comes from the centre, and a reply reaches it.

The install's sending address is often a no-reply one: an organisation answering with a
question must reach the contact address the e-mail quotes.
"""

from email import message_from_bytes, policy

import pytest
from django.core import mail

from csti_cms.core.models import BrandingSettings, ContactSettings
from tests.conftest import demo_page

from .helpers import MECHELEN, endorse

pytestmark = pytest.mark.django_db


def contact_settings(site, email):
    contact = ContactSettings.for_site(site)
    contact.email = email
    contact.save()


def test_the_centre_writes_and_a_reply_reaches_its_contact_address(client, settings):
    settings.DEFAULT_FROM_EMAIL = "no-reply@install.example"
    declaration = demo_page(MECHELEN, "en")
    site = declaration.get_site()
    branding = BrandingSettings.for_site(site)
    branding.centre_name = "Cité des sciences, Namur"
    branding.save()
    contact_settings(site, "info@cite.example")
    assert endorse(client, declaration).status_code == 302
    (message,) = mail.outbox
    assert message.reply_to == ["info@cite.example"]
    parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
    (sender,) = parsed["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (
        "Cité des sciences, Namur",
        "no-reply@install.example",
    )


def test_without_a_contact_address_there_is_no_reply_to(client):
    declaration = demo_page(MECHELEN, "en")
    contact_settings(declaration.get_site(), "")
    assert endorse(client, declaration).status_code == 302
    assert mail.outbox[0].reply_to == []
