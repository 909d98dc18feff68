"""The privacy policy stays linked, in every language that has it, when an editor deletes
the translation the centre's settings name."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Site

from csti_cms.core.models import ContactSettings
from tests.conftest import demo_page
from tests.core.test_legal_pages import html_of, legal_links
from tests.schools.helpers import booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db

PRIVACY = {"fr": "Politique de confidentialité", "nl": "Privacybeleid", "en": "Privacy policy"}


def contact_settings():
    return ContactSettings.for_site(Site.objects.get(is_default_site=True))


def privacy_link(client, language):
    return legal_links(html_of(client, demo_page("about", language).url)).get(PRIVACY[language])


def test_the_demo_names_the_french_policy():
    """The tests below delete the page the setting names: the French one."""
    assert contact_settings().privacy_page_id == demo_page("privacy", "fr").pk


def test_deleting_the_chosen_policy_keeps_the_other_languages_links(client):
    demo_page("privacy", "fr").delete()
    for language in ("nl", "en"):
        assert privacy_link(client, language) == demo_page("privacy", language).url


def test_french_pages_link_to_a_surviving_translation_of_a_deleted_policy(client):
    """Better in Dutch than not at all, as for an unpublished translation."""
    demo_page("privacy", "fr").delete()
    assert privacy_link(client, "fr") == demo_page("privacy", "nl").url


def test_the_setting_moves_to_a_live_translation_of_a_deleted_page():
    demo_page("privacy", "nl").unpublish()
    legal_notice = demo_page("legal-notice", "fr").pk
    demo_page("privacy", "fr").delete()
    contact = contact_settings()
    assert contact.privacy_page_id == demo_page("privacy", "en").pk
    assert contact.legal_notice_page_id == legal_notice


def test_a_translation_deleted_at_the_same_time_is_not_chosen():
    both = [demo_page("privacy", "fr").pk, demo_page("privacy", "nl").pk]
    Page.objects.filter(pk__in=both).delete()
    assert contact_settings().privacy_page_id == demo_page("privacy", "en").pk


def test_the_setting_is_emptied_with_the_last_translation(client):
    for language in ("fr", "nl", "en"):
        demo_page("privacy", language).delete()
    assert contact_settings().privacy_page_id is None
    links = legal_links(html_of(client, demo_page("about", "nl").url))
    assert links == {
        "Wettelijke vermeldingen": demo_page("legal-notice", "nl").url,
        "Ecodesignverklaring": demo_page("ecodesign-statement", "nl").url,
    }


def test_the_forms_link_to_the_policy_in_the_visitors_language_after_a_deletion(client):
    demo_page("privacy", "fr").delete()
    booking = html_of(client, booking_url(demo_page("activity-colour-chemistry", "nl")))
    privacy = demo_page("privacy", "nl").url
    assert f'<a href="{privacy}">Hoe we je persoonsgegevens beschermen</a>' in booking
    quote = html_of(client, quote_url("en"))
    privacy = demo_page("privacy", "en").url
    assert f'<a href="{privacy}">How we protect your personal data</a>' in quote


def test_pages_link_to_a_live_translation_of_an_unpublished_chosen_policy(client):
    """The French policy withdrawn, French pages lead to the Dutch one rather than nowhere."""
    demo_page("privacy", "fr").unpublish()
    assert privacy_link(client, "fr") == demo_page("privacy", "nl").url
    assert privacy_link(client, "en") == demo_page("privacy", "en").url


def test_an_editor_deleting_the_policy_in_the_admin_sees_its_translation_in_the_settings(
    admin_client, client
):
    french = demo_page("privacy", "fr")
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[french.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=french.pk).exists()
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_core", "contactsettings", site.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["form"]["privacy_page"].value() == demo_page("privacy", "nl").pk
    assert demo_page("privacy", "nl").title in response.content.decode()
    assert privacy_link(client, "en") == demo_page("privacy", "en").url
