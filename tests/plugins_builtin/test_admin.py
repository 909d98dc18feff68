"""The built-in plugins in the admin: their screens open, and what switching off would mean."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from csti_cms.plugins.memberships.models import Membership, MembershipsPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def test_editors_find_memberships_and_organisations(admin_client):
    organisations = admin_client.get(reverse("wagtailsnippets_memberships_organisation:list"))
    assert organisations.status_code == 200 and "Vereniging Science Centra" in (
        organisations.content.decode()
    )
    memberships = admin_client.get(reverse("wagtailsnippets_memberships_membership:list"))
    assert memberships.status_code == 200 and "ASTC" in memberships.content.decode()


def test_a_declaration_is_edited_with_the_memberships_organisations_to_choose_from(admin_client):
    page = demo_page("declarations-mechelen-2014")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    astc = str(
        apps.get_model("memberships", "Organisation")
        .objects.get(name="ASTC", locale=page.locale)
        .translation_key
    )
    assert f'<option value="{astc}" selected>ASTC</option>' in html


def test_plugin_pages_are_offered_under_core_pages(admin_client):
    home = demo_page("home")
    response = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    html = response.content.decode()
    assert "memberships/membershipspage" in html and "declarations/declarationindexpage" in html
    assert "declarations/declarationpage/" not in html, "declarations go under their timeline"


def test_switching_off_warns_what_will_be_hidden():
    site = Site.objects.get(is_default_site=True)
    memberships = apps.get_app_config("memberships").can_disable(site)
    declarations = apps.get_app_config("declarations").can_disable(site)
    assert any("memberships pages will answer 404" in str(w) for w in memberships)
    assert any("4 memberships" in str(w) for w in memberships)
    assert any("12 published declaration pages" in str(w) for w in declarations)


def test_one_page_or_membership_is_told_in_the_singular():
    site = Site.objects.get(is_default_site=True)
    for page in MembershipsPage.objects.live().order_by("pk")[1:]:
        page.unpublish()
    keys = Membership.objects.filter(site=site).values_list("translation_key", flat=True)
    kept = keys.order_by("pk").first()
    Membership.objects.filter(site=site).exclude(translation_key=kept).delete()
    with translation.override("en"):
        warnings = [str(w) for w in apps.get_app_config("memberships").can_disable(site)]
    assert warnings == [
        "1 published memberships page will answer 404 on this site.",
        "1 membership will no longer be shown on this site (it is kept).",
    ]
