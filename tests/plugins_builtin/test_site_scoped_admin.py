"""Centres sharing one install each see only their own memberships and endorsements.

The demo site (the default one) and a second centre, ``site-b.test``, both have
memberships and a declaration with an endorsement. A member of centre B's team,
with every permission on them but no superuser powers, reaches the admin on B's
host name: the listings and exports show B's rows only, every view of one of A's
answers 404, and a membership can be given to B only. Superusers see both centres'.
"""

import pytest
from django.urls import reverse

import csti_cms.plugins
from csti_cms.plugins.declarations.models import Endorsement
from csti_cms.plugins.memberships.models import Membership
from tests.conftest import demo_page
from tests.helpers import sign_in_team_member

from .helpers import (
    TEAM_PERMISSIONS,
    make_declaration,
    make_declaration_index,
    make_endorsement,
    make_membership,
    make_organisation,
)

pytestmark = pytest.mark.django_db

MEMBERSHIPS = "wagtailsnippets_memberships_membership"
ENDORSEMENTS = "endorsements"
#: The name of each listing's URL: snippets call theirs "list".
LISTING = {MEMBERSHIPS: "list", ENDORSEMENTS: "index"}
#: The memberships are listed in one language at a time; the demo's and B's are in French.
IN_FRENCH = {"locale": "fr"}


@pytest.fixture
def centre_b(other_site, enable_plugin):
    """A second centre, with both plugins on."""
    other_site.site_name = "Sciences en Brabant"
    other_site.save()
    enable_plugin("memberships", other_site)
    enable_plugin("declarations", other_site)
    return other_site


@pytest.fixture
def memberships(centre_a, centre_b):
    """One membership of each centre."""
    membership_a = Membership.objects.filter(site=centre_a, locale__language_code="fr").first()
    membership_b = make_membership(centre_b, make_organisation("Réseau Brabançon", "regional"))
    return membership_a, membership_b


@pytest.fixture
def endorsements(centre_a, centre_b):
    """One endorsement of each centre's declaration; B's declaration is in B's page tree."""
    declaration_a = demo_page("declarations-mechelen-2014")
    declaration_b = make_declaration(
        make_declaration_index(centre_b.root_page.specific), title="Brabant Declaration"
    )
    return (
        make_endorsement(declaration_a, "Musée de Namur"),
        make_endorsement(declaration_b, "Techniek Leuven"),
    )


@pytest.fixture
def team_member(client):
    """A member of a centre's team: every permission on the plugins' data, no superuser."""
    return sign_in_team_member(client, TEAM_PERMISSIONS, ["memberships", "declarations"])


def listing(namespace):
    return reverse(f"{namespace}:{LISTING[namespace]}")


def listed(client, namespace, site, **query):
    """The primary keys of the objects the listing shows on ``site``'s host name."""
    response = client.get(listing(namespace), query, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return {obj.pk for obj in response.context["object_list"]}


def exported(client, namespace, site, **query):
    """The CSV export's lines after the heading, read on ``site``'s host name."""
    query = {"export": "csv", **query}
    response = client.get(listing(namespace), query, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[1:]


def status_of(client, url, site, data=None):
    """The final status of a GET (or a POST with ``data``) on ``site``'s host name.

    Redirects are followed: Django's locale middleware answers a 404 in the admin
    with a redirect to the same path under a language prefix, which then answers 404.
    """
    send = client.post if data is not None else client.get
    return send(url, data, HTTP_HOST=site.hostname, follow=True).status_code


def membership_data(membership, site):
    """What the membership form sends for ``membership``, given to ``site``."""
    return {
        "site": site.pk,
        "organisation": membership.organisation_id,
        "level": "full",
        "since": 2010,
        "until": "",
        "notes": "",
        "roles-TOTAL_FORMS": 0,
        "roles-INITIAL_FORMS": 0,
        "roles-MIN_NUM_FORMS": 0,
        "roles-MAX_NUM_FORMS": 1000,
    }


def test_a_team_lists_only_its_own_centres_memberships(team_member, memberships, centre_b):
    """Memberships have no export: the listing is all a team reads of them at once."""
    _membership_a, membership_b = memberships
    assert listed(team_member, MEMBERSHIPS, centre_b, **IN_FRENCH) == {membership_b.pk}


def test_a_team_lists_and_exports_only_its_own_centres_endorsements(
    team_member, endorsements, centre_b
):
    _endorsement_a, endorsement_b = endorsements
    assert listed(team_member, ENDORSEMENTS, centre_b) == {endorsement_b.pk}
    rows = exported(team_member, ENDORSEMENTS, centre_b)
    assert len(rows) == 1 and "Techniek Leuven" in rows[0]


def test_a_declarations_translations_are_its_centres(team_member, endorsements, centre_a):
    """An endorsement sent from the Dutch version of A's declaration is A's too."""
    dutch = demo_page("declarations-mechelen-2014", "nl")
    endorsement = make_endorsement(dutch, "Technopolis")
    assert endorsement.pk in listed(team_member, ENDORSEMENTS, centre_a)


@pytest.mark.parametrize("view", ["edit", "copy", "delete", "history", "usage"])
def test_another_centres_membership_answers_not_found(team_member, memberships, centre_b, view):
    membership_a, membership_b = memberships
    url = reverse(f"{MEMBERSHIPS}:{view}", args=[membership_b.pk])
    assert status_of(team_member, url, centre_b) == 200
    url = reverse(f"{MEMBERSHIPS}:{view}", args=[membership_a.pk])
    assert status_of(team_member, url, centre_b) == 404


@pytest.mark.parametrize("view", ["edit", "inspect", "delete", "history", "usage"])
def test_another_centres_endorsement_answers_not_found(team_member, endorsements, centre_b, view):
    endorsement_a, endorsement_b = endorsements
    url = reverse(f"{ENDORSEMENTS}:{view}", args=[endorsement_b.pk])
    assert status_of(team_member, url, centre_b) == 200
    url = reverse(f"{ENDORSEMENTS}:{view}", args=[endorsement_a.pk])
    assert status_of(team_member, url, centre_b) == 404


def test_another_centres_data_cannot_be_changed_or_deleted(
    team_member, memberships, endorsements, centre_a, centre_b
):
    membership_a, _membership_b = memberships
    endorsement_a, _endorsement_b = endorsements
    edit = reverse(f"{MEMBERSHIPS}:edit", args=[membership_a.pk])
    assert status_of(team_member, edit, centre_b, membership_data(membership_a, centre_a)) == 404
    delete = reverse(f"{MEMBERSHIPS}:delete", args=[membership_a.pk])
    assert status_of(team_member, delete, centre_b, {}) == 404
    delete = reverse(f"{ENDORSEMENTS}:delete", args=[endorsement_a.pk])
    assert status_of(team_member, delete, centre_b, {}) == 404
    assert Membership.objects.filter(pk=membership_a.pk, since=membership_a.since).exists()
    assert Endorsement.objects.filter(pk=endorsement_a.pk).exists()


def test_a_team_can_give_a_membership_to_its_own_centre_only(
    team_member, memberships, centre_a, centre_b
):
    _membership_a, membership_b = memberships
    add = reverse(f"{MEMBERSHIPS}:add")
    form = team_member.get(add, HTTP_HOST=centre_b.hostname).context["form"]
    assert list(form.fields["site"].queryset) == [centre_b]
    assert form["site"].value() == centre_b.pk
    response = team_member.post(
        add, membership_data(membership_b, centre_a), HTTP_HOST=centre_b.hostname
    )
    assert response.status_code == 200 and "site" in response.context["form"].errors
    assert not Membership.objects.filter(site=centre_a, since=2010).exists()
    team_member.post(add, membership_data(membership_b, centre_b), HTTP_HOST=centre_b.hostname)
    assert Membership.objects.filter(site=centre_b, since=2010).exists()


def test_a_team_cannot_move_its_membership_to_another_centre(
    team_member, memberships, centre_a, centre_b
):
    _membership_a, membership_b = memberships
    edit = reverse(f"{MEMBERSHIPS}:edit", args=[membership_b.pk])
    response = team_member.post(
        edit, membership_data(membership_b, centre_a), HTTP_HOST=centre_b.hostname
    )
    assert response.status_code == 200 and "site" in response.context["form"].errors
    membership_b.refresh_from_db()
    assert membership_b.site == centre_b


def test_a_teams_membership_listing_offers_no_site_filter(team_member, memberships, centre_b):
    response = team_member.get(listing(MEMBERSHIPS), HTTP_HOST=centre_b.hostname)
    assert "site" not in response.context["filters"].form.fields


def test_superusers_see_every_centres_memberships_and_endorsements(
    superuser, memberships, endorsements, centre_a, centre_b
):
    assert set(memberships) <= set(
        Membership.objects.filter(pk__in=listed(superuser, MEMBERSHIPS, centre_b, **IN_FRENCH))
    )
    assert listed(superuser, ENDORSEMENTS, centre_b) >= {e.pk for e in endorsements}
    assert any("Musée de Namur" in row for row in exported(superuser, ENDORSEMENTS, centre_b))
    membership_a, _membership_b = memberships
    edit = reverse(f"{MEMBERSHIPS}:edit", args=[membership_a.pk])
    response = superuser.get(edit, HTTP_HOST=centre_b.hostname)
    assert set(response.context["form"].fields["site"].queryset) == {centre_a, centre_b}
    index = superuser.get(listing(MEMBERSHIPS), HTTP_HOST=centre_b.hostname)
    assert "site" in index.context["filters"].form.fields


def test_plugins_find_the_mixin_in_the_public_api():
    assert "SiteScopedViewSetMixin" in csti_cms.plugins.__all__
    assert csti_cms.plugins.SiteScopedViewSetMixin.__module__ == "csti_cms.core.site_scope"


def test_a_bulk_action_on_another_centres_membership_answers_not_found(
    team_member, memberships, centre_b
):
    """Bulk actions take ids in their address, outside the viewset's own views."""
    membership_a, membership_b = memberships
    url = reverse("wagtail_bulk_action", args=["memberships", "membership", "delete"])
    both = f"{url}?id={membership_a.pk}&id={membership_b.pk}"
    assert status_of(team_member, both, centre_b) == 404
    assert status_of(team_member, both, centre_b, {}) == 404
    assert Membership.objects.filter(pk__in=[membership_a.pk, membership_b.pk]).count() == 2
    listing = reverse(f"{MEMBERSHIPS}:list")
    own = f"{url}?id={membership_b.pk}&next={listing}"
    response = team_member.post(own, {}, HTTP_HOST=centre_b.hostname)
    assert response.status_code == 302, response
    assert not Membership.objects.filter(pk=membership_b.pk).exists()


def test_the_membership_chooser_offers_and_accepts_the_team_s_centre_only(
    team_member, memberships, centre_b
):
    """The page editor's chooser is a viewset of its own, beside the snippet's views."""
    membership_a, membership_b = memberships
    chooser = "wagtailsnippetchoosers_memberships_membership"
    for name in ("choose", "choose_results"):
        response = team_member.get(reverse(f"{chooser}:{name}"), HTTP_HOST=centre_b.hostname)
        assert response.status_code == 200
        html = response.json()["html"] if name == "choose" else response.content.decode()
        assert f"/chosen/{membership_b.pk}/" in html
        assert f"/chosen/{membership_a.pk}/" not in html
    chosen = reverse(f"{chooser}:chosen", args=[membership_a.pk])
    assert status_of(team_member, chosen, centre_b) == 404
    own = reverse(f"{chooser}:chosen", args=[membership_b.pk])
    assert status_of(team_member, own, centre_b) == 200


def test_the_endorsements_filter_names_the_team_s_declarations_only(
    team_member, endorsements, centre_b
):
    endorsement_a, endorsement_b = endorsements
    response = team_member.get(reverse(f"{ENDORSEMENTS}:index"), HTTP_HOST=centre_b.hostname)
    choices = dict(response.context["filters"].form.fields["declaration"].choices)
    assert str(endorsement_b.declaration_key) in choices
    assert str(endorsement_a.declaration_key) not in choices
