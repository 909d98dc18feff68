"""The endorsement form is protected as every public form is, with the plugin's own allowance."""

import pytest
from django.utils import translation
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.plugins import SpamProtectedFormMixin
from csti_cms.plugins.declarations.forms import EndorsementForm
from tests.conftest import demo_page

from .helpers import MECHELEN, endorse

pytestmark = pytest.mark.django_db


def set_contact(phone, email):
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone, contact.email = phone, email
    contact.save()


def refusal(client, page):
    """The error of a second endorsement, once the allowance (one) is used up."""
    assert endorse(client, page, organisation="Lab 1").status_code == 302
    response = endorse(client, page, organisation="Lab 2")
    assert response.status_code == 429
    (error,) = response.context["form"].non_field_errors().as_data()
    assert error.code == "rate"
    with translation.override("en"):
        return " ".join(error.messages)


def test_the_endorsement_form_is_a_public_form_of_the_plugin_api():
    assert issubclass(EndorsementForm, SpamProtectedFormMixin)


def test_the_refusal_names_the_real_wait_and_the_centres_phone_and_email(client, settings):
    settings.DECLARATIONS_ENDORSEMENT_RATE_LIMIT = 1
    settings.DECLARATIONS_ENDORSEMENT_RATE_PERIOD = 600
    set_contact("+32 81 00 11 22", "info@curiosa.example")
    message = refusal(client, demo_page(MECHELEN, "en"))
    assert "Please try again in 10 minutes." in message
    assert "hour" not in message
    assert "You can also call us at +32 81 00 11 22 or write to info@curiosa.example." in message


def test_endorsements_follow_the_plugins_settings_not_the_enquiries(client, settings):
    settings.CSTI_ENQUIRY_RATE_LIMIT = 1
    settings.DECLARATIONS_ENDORSEMENT_RATE_LIMIT = 3
    page = demo_page(MECHELEN, "en")
    for number in range(3):
        assert endorse(client, page, organisation=f"Lab {number}").status_code == 302
    assert endorse(client, page, organisation="Lab 3").status_code == 429


def test_the_website_is_a_real_field_and_the_trap_is_hidden(client):
    html = client.get(demo_page(MECHELEN, "en").url + "endorse/").content.decode()
    assert 'name="website"' in html and "Website (optional)" in html
    trap = html[html.index('class="endorse__trap"') :]
    assert 'name="extra_info"' in trap.split("</div>")[0]
    assert 'tabindex="-1"' in trap.split("</div>")[0]
