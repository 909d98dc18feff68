"""The dashboard lists what a centre's site still lacks before it goes live, each gap with
a link to the setting that closes it, and nothing once nothing is missing."""

import lxml.html
import pytest
from django.urls import reverse
from wagtail.models import Site

from csti_cms.core.models import BrandingSettings, ContactSettings
from csti_cms.enquiries.models import EnquiryNotificationSettings
from tests.conftest import demo_page
from tests.helpers import sign_in_team_member

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")


def the_site():
    return Site.objects.get(is_default_site=True)


def checklist(client):
    """``[(text, link)]`` of the dashboard's launch checklist, empty without one."""
    tree = lxml.html.fromstring(client.get(DASHBOARD).content)
    items = tree.xpath("//*[@id='launch-checklist-content']//li")
    return [(item.text_content().strip(), item.xpath(".//a/@href")[0]) for item in items]


def settings_address(model):
    meta = model._meta
    return reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name, the_site().pk])


def change(model, **fields):
    instance = model.for_site(the_site())
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()


def no_team_address():
    lists = ("recipients", "school_booking_recipients", "venue_quote_recipients")
    change(EnquiryNotificationSettings, **dict.fromkeys(lists, ""))


def test_a_site_with_everything_set_shows_no_checklist(english_admin_client):
    html = english_admin_client.get(DASHBOARD).content.decode()
    assert "launch-checklist" not in html


def test_each_gap_links_to_the_setting_that_closes_it(english_admin_client):
    change(ContactSettings, privacy_page=None, email="")
    no_team_address()
    contact, notifications = (
        settings_address(ContactSettings),
        settings_address(EnquiryNotificationSettings),
    )
    gaps = checklist(english_admin_client)
    assert [link for _text, link in gaps] == [contact, contact, notifications]
    assert gaps[0][0].startswith("No published privacy policy is chosen")
    assert gaps[1][0].startswith("No contact e-mail address")
    assert gaps[2][0].startswith("Booking requests and quote requests reach nobody by e-mail")
    assert gaps[2][0].endswith("Enquiry notifications")


def test_a_policy_unpublished_in_every_language_is_a_gap(english_admin_client):
    for language in ("fr", "nl", "en"):
        demo_page("privacy", language).unpublish()
    [(text, _link)] = checklist(english_admin_client)
    assert text.startswith("No published privacy policy")


def test_a_policy_published_in_one_language_is_enough(english_admin_client):
    """The forms and footer link to another language's translation (with its name)."""
    for language in ("nl", "en"):
        demo_page("privacy", language).unpublish()
    assert checklist(english_admin_client) == []


def test_without_logo_or_sharing_image_both_are_listed(english_admin_client):
    change(BrandingSettings, logo=None, default_sharing_image=None)
    texts = [text for text, _link in checklist(english_admin_client)]
    assert [text.split(":")[0] for text in texts] == ["No logo", "No default sharing image"]


def test_requests_reach_the_contact_address_when_no_team_list_is_set(english_admin_client):
    no_team_address()
    assert checklist(english_admin_client) == []


def test_a_team_member_sees_only_what_they_may_set(client):
    """An editor without the contact settings permission is not sent to a page that
    would refuse them."""
    change(ContactSettings, email="")
    no_team_address()
    sign_in_team_member(client, ["change_enquirynotificationsettings"], ["csti_enquiries"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    gaps = checklist(client)
    assert [link for _text, link in gaps] == [settings_address(EnquiryNotificationSettings)]


def test_the_checklist_is_in_the_editor_s_language(admin_client):
    change(ContactSettings, email="")
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    html = admin_client.get(DASHBOARD).content.decode()
    assert "Avant la mise en ligne de" in html
    assert "Aucune adresse e-mail de contact" in html


def test_a_kind_of_request_without_a_team_is_named(english_admin_client):
    """The education team's list reaches bookings only: quotes would reach nobody."""
    change(ContactSettings, email="")
    no_team_address()
    change(EnquiryNotificationSettings, school_booking_recipients="ecoles@curiosa.example")
    [(text, _link)] = [gap for gap in checklist(english_admin_client) if "reach" in gap[0]]
    assert text.startswith("Quote requests reach nobody by e-mail")
