"""Wagtail's usage counts and delete warnings name the site settings that point at a page or
an image: the footer's legal pages, the logo and the default sharing picture."""

import pytest
from django.urls import reverse
from wagtail.models import ReferenceIndex, Site

from csti_cms.core.models import BrandingSettings, ContactSettings
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def default_site():
    return Site.objects.get(is_default_site=True)


def referenced_by(target, model):
    """Whether the reference index records a row of ``model`` pointing at ``target``."""
    return (
        ReferenceIndex.get_references_to(target)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(model))
        .exists()
    )


def test_the_legal_pages_are_used_by_the_contact_settings():
    contact = ContactSettings.for_site(default_site())
    for page in (
        contact.privacy_page,
        contact.legal_notice_page,
        contact.accessibility_statement_page,
        contact.ecodesign_statement_page,
    ):
        assert referenced_by(page, ContactSettings)


def test_the_logo_is_used_by_the_branding_settings():
    branding = BrandingSettings.for_site(default_site())
    assert branding.logo is not None, "the demo has a logo"
    assert referenced_by(branding.logo, BrandingSettings)


def test_choosing_another_page_moves_the_reference():
    contact = ContactSettings.for_site(default_site())
    before = contact.legal_notice_page
    contact.legal_notice_page = demo_page("about", "fr")
    contact.save()
    assert not referenced_by(before, ContactSettings)
    assert referenced_by(demo_page("about", "fr"), ContactSettings)


def test_the_delete_warning_counts_the_footer_link(english_admin_client):
    legal_notice = ContactSettings.for_site(default_site()).legal_notice_page
    response = english_admin_client.get(
        reverse("wagtailadmin_pages:delete", args=[legal_notice.pk])
    )
    assert response.status_code == 200
    assert "referenced 0 times" not in response.content.decode()
    assert "referenced 1 time" in response.content.decode()


def test_the_usage_screen_lists_the_settings(english_admin_client):
    legal_notice = ContactSettings.for_site(default_site()).legal_notice_page
    response = english_admin_client.get(reverse("wagtailadmin_pages:usage", args=[legal_notice.pk]))
    assert response.status_code == 200
    assert "Legal notice" in response.content.decode()
