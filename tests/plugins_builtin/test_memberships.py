"""Memberships: what visitors see, the rules editors are held to, the switch, query bounds."""

import json
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import admin_menu
from wagtail.models import Site

from csti_cms.plugins import disable, enable, prefer_language
from csti_cms.plugins.memberships.listing import site_memberships
from csti_cms.plugins.memberships.models import Membership, Organisation, Role
from csti_cms.plugins.memberships.validation import role_years_errors
from csti_cms.plugins.testing import get_page, render_body_on
from tests.conftest import demo_page

from .helpers import (
    board_role,
    count_queries,
    make_content_page,
    make_membership,
    make_memberships_page,
    make_organisation,
)

pytestmark = pytest.mark.django_db

MEMBERSHIPS_PAGE = "memberships-page"
#: The most queries the memberships page, its past memberships and a page with the
#: "Our networks" block may take, caches warm.
QUERY_BOUND = 18


def demo_site():
    return Site.objects.get(is_default_site=True)


# What visitors see --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        ("fr", ["ASTC", "Pas moins de 600 membres dans plus de 40 pays", "2003–2011"]),
        ("nl", ["Ecsite", "Meer dan 370 leden", "Lid van het Executive Committee"]),
        ("en", ["EUSEA", "Member of the Global Committee", "2011–today"]),
    ],
)
def test_each_language_reaches_the_memberships_page_from_home(client, language, facts):
    home = client.get(demo_page("home", language).url).content.decode()
    page = demo_page(MEMBERSHIPS_PAGE, language)
    assert f'href="{page.url}"' in home, "the memberships page is in the main menu"
    html = client.get(page.url).content.decode()
    for fact in facts:
        assert fact in html
    assert "Élise Marchal" in html


def test_memberships_are_grouped_by_scope_in_a_fixed_order(client):
    html = client.get(demo_page(MEMBERSHIPS_PAGE, "en").url).content.decode()
    headings = re.findall(r'<h2 id="scope-(\w+)"', html)
    assert headings == ["world", "europe", "linguistic"]


def test_roles_are_a_timeline_oldest_first(client):
    html = client.get(demo_page(MEMBERSHIPS_PAGE, "en").url).content.decode()
    astc = html[html.index(">ASTC</h3>") : html.index(">Ecsite</h3>")]
    years = re.findall(r'role-timeline__years">([^<]+)<', astc)
    assert years == ["2003–2011", "2009–2011", "2011–today"]


def test_past_memberships_are_shown_on_request(client, site, enable_plugin):
    enable_plugin("memberships", site)
    make_membership(site, make_organisation("Ecsite"), since=1999)
    make_membership(site, make_organisation("Old network", scope="national"), 1990, 2005)
    page = make_memberships_page(site.root_page)
    html = get_page(client, page, site).content.decode()
    assert "Ecsite" in html and "Old network" not in html
    assert "Afficher 1 adhésion passée" in html  # the French page
    past = client.get(page.url + "past/", HTTP_HOST=site.hostname).content.decode()
    assert "Old network" in past and "de 1990 à 2005" in past and ">Ecsite<" not in past


def test_a_translation_is_preferred_and_the_source_is_the_fallback():
    fr, nl = SimpleNamespace(language_code="fr"), SimpleNamespace(language_code="nl")
    rows = [
        SimpleNamespace(translation_key=1, locale=fr, name="fr 1"),
        SimpleNamespace(translation_key=1, locale=nl, name="nl 1"),
        SimpleNamespace(translation_key=2, locale=fr, name="fr 2"),
    ]
    assert [row.name for row in prefer_language(rows, "nl")] == ["nl 1", "fr 2"]


def test_the_centre_is_a_schema_org_organization_member_of_its_networks(client):
    html = client.get(demo_page("home", "en").url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    organization = next(d for d in map(json.loads, scripts) if d.get("@type") == "Organization")
    names = {member["name"] for member in organization["memberOf"]}
    assert names == {"ASTC", "Ecsite", "EUSEA", "Vereniging Science Centra"}


def test_an_ended_membership_is_not_in_member_of(rf, site, enable_plugin):
    enable_plugin("memberships", site)
    make_membership(site, make_organisation("Ecsite"))
    make_membership(site, make_organisation("Old network"), 1990, 2005)
    request = rf.get("/", HTTP_HOST=site.hostname)
    from csti_cms.plugins.memberships.listing import organization_jsonld

    assert [m["name"] for m in organization_jsonld(request, site)["memberOf"]] == ["Ecsite"]


def test_our_networks_block_links_each_logo_to_the_memberships_page(client, site, enable_plugin):
    enable_plugin("memberships", site)
    organisation = make_organisation("Ecsite", acronym="Ecsite")
    make_membership(site, organisation)
    target = make_memberships_page(make_content_page(site.root_page))
    value = {"heading": "Our networks", "page": target.pk}
    _page, html = render_body_on(client, site, "memberships_networks", value)
    path = target.get_url_parts()[2]
    assert f'href="{path}#network-{organisation.translation_key}"' in html


# Rules editors are held to ------------------------------------------------------------------


def test_until_cannot_be_before_since(site):
    membership = Membership(site=site, organisation=make_organisation(), since=2010, until=2001)
    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    assert "“until” (2001) is before “since” (2010)" in str(error.value.message_dict["until"])


@pytest.mark.parametrize(
    ("start", "end", "until", "field", "message"),
    [
        (1999, 2003, None, "start_year", "starts in 1999, before the membership began (2001)"),
        (2003, 2001, None, "end_year", "cannot end (2001) before it starts (2003)"),
        (2003, 2012, 2010, "end_year", "ends in 2012, after the membership ended (2010)"),
        (2003, None, 2010, "end_year", "ended in 2010: give the year this role ended"),
        (2011, 2012, 2010, "start_year", "starts in 2011, after the membership ended (2010)"),
    ],
)
def test_a_role_must_fit_its_membership(start, end, until, field, message):
    errors = role_years_errors(start, end, 2001, until)
    assert message in errors[field]


def test_open_ended_roles_fit_open_ended_memberships():
    assert role_years_errors(2011, None, 2001, None) == {}


def test_a_membership_saved_from_code_checks_its_roles(site):
    with pytest.raises(ValidationError, match="before the membership began"):
        make_membership(site, make_organisation(), since=2005, roles=[board_role(2003, 2011)])


def _membership_form_data(site, organisation, since, until, role):
    return {
        "site": site.pk,
        "organisation": organisation.pk,
        "level": "full",
        "since": since,
        "until": until or "",
        "notes": "",
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
        "roles-0-id": "",
        "roles-0-ORDER": "1",
        "roles-0-DELETE": "",
        "roles-0-person_name": "Élise Marchal",
        "roles-0-person_function": "managing director",
        "roles-0-role": role["role"],
        "roles-0-start_year": role["start_year"],
        "roles-0-end_year": role["end_year"] or "",
    }


def test_the_admin_form_puts_a_clear_error_on_the_role(admin_client):
    site, organisation = demo_site(), make_organisation("New network")
    url = reverse("wagtailsnippets_memberships_membership:add") + "?locale=fr"
    data = _membership_form_data(site, organisation, 2010, 2015, board_role(2008, 2016))
    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Le rôle commence en 2008, avant le début de l’adhésion (2010)" in html
    assert "Le rôle se termine en 2016, après la fin de l’adhésion (2015)" in html
    assert not Membership.objects.filter(organisation=organisation).exists()

    data = _membership_form_data(site, organisation, 2010, 2015, board_role(2011, 2014))
    response = admin_client.post(url, data)
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation)
    assert [(r.start_year, r.end_year) for r in membership.roles.all()] == [(2011, 2014)]


# The per-site switch --------------------------------------------------------------------------


def _menu_names(hostname, user):
    request = RequestFactory().get("/admin/", HTTP_HOST=hostname)
    request.user = user
    return {item.name for item in admin_menu.menu_items_for_request(request)}


def test_switching_off_hides_everything_and_deletes_nothing(client, admin_user):
    site = demo_site()
    page = demo_page(MEMBERSHIPS_PAGE, "en")
    counts = (Organisation.objects.count(), Membership.objects.count(), Role.objects.count())
    assert "memberships" in _menu_names(site.hostname, admin_user)

    disable("memberships", site)
    assert client.get(page.url).status_code == 404
    assert client.get(page.url + "past/").status_code == 404
    home = client.get(demo_page("home", "en").url).content.decode()
    assert "memberOf" not in home and f'href="{page.url}"' not in home
    assert "memberships" not in _menu_names(site.hostname, admin_user)
    client.force_login(admin_user)
    snippets = reverse("wagtailsnippets_memberships_organisation:list")
    assert client.get(snippets, HTTP_HOST=site.hostname, follow=True).status_code == 404
    assert (Organisation.objects.count(), Membership.objects.count(), Role.objects.count()) == (
        counts
    )

    enable("memberships", site)
    assert client.get(page.url).status_code == 200
    assert client.get(snippets, HTTP_HOST=site.hostname).status_code == 200


def test_memberships_belong_to_their_site(rf, site, other_site, enable_plugin):
    for each in (site, other_site):
        enable_plugin("memberships", each)
    make_membership(site, make_organisation("Ecsite"))
    request = rf.get("/", HTTP_HOST=other_site.hostname)
    assert site_memberships(request, other_site).current == []


# Query bounds ---------------------------------------------------------------------------------


def _add_memberships(site, count):
    for number in range(count):
        organisation = make_organisation(f"Network {number}", scope=["world", "europe"][number % 2])
        roles = [board_role(2003 + r, 2004 + r, f"Role {r}") for r in range(3)]
        make_membership(site, organisation, since=2001, roles=roles)
        make_membership(site, make_organisation(f"Old {number}"), since=1990, until=2000)


def test_the_memberships_page_costs_the_same_queries_with_few_or_many(client, site, enable_plugin):
    enable_plugin("memberships", site)
    page = make_memberships_page(site.root_page)
    block_target = make_memberships_page(make_content_page(site.root_page), slug="target")
    _add_memberships(site, 1)
    networks_page, _html = render_body_on(
        client, site, "memberships_networks", {"heading": "Networks", "page": block_target.pk}
    )
    few = [count_queries(client, page, site)[0], count_queries(client, page, site, "past/")[0]]
    few.append(count_queries(client, networks_page, site)[0])

    _add_memberships(site, 30)
    many = [count_queries(client, page, site)[0], count_queries(client, page, site, "past/")[0]]
    many.append(count_queries(client, networks_page, site)[0])
    assert many == few, f"{few} queries with one membership, {many} with thirty-one"
    assert max(many) <= QUERY_BOUND
