"""What the admin logs about a membership or an endorsement stays with its centre.

Wagtail logs each change under the object's title: an endorsement's organisation,
maybe of a request pending or rejected, never public. Its site history report lists
every model's log together and cannot tell which centre a team member works on, so
these entries appear there for superusers only; a team reads each of its objects'
history on the object.
"""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from csti_cms.plugins import label_history_by_number
from csti_cms.plugins.declarations.models import Endorsement, EndorsementLogEntry
from csti_cms.plugins.memberships.models import MembershipLogEntry
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

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")
MEMBERSHIPS = "wagtailsnippets_memberships_membership"
ENDORSEMENTS = "endorsements"
#: What each centre's log entries are labelled with, centre A's then centre B's.
ENDORSERS = ("Science Museum Namur", "Techniek Leuven")
NETWORKS = ("Namur Science Network", "Brabant Science Network")
EDITOR = "Claire Dubois"


@pytest.fixture
def centre_b(other_site, enable_plugin):
    """A second centre, with both plugins on."""
    enable_plugin("memberships", other_site)
    enable_plugin("declarations", other_site)
    return other_site


@pytest.fixture
def team_member(client):
    """A member of a centre's team: every permission on the plugins' data, no superuser."""
    return sign_in_team_member(client, TEAM_PERMISSIONS, ["memberships", "declarations"])


@pytest.fixture
def changed_in_admin(centre_a, centre_b):
    """A pending endorsement and a membership of each centre, changed on its own host name."""
    declaration_b = make_declaration(
        make_declaration_index(centre_b.root_page.specific), title="Brabant Declaration"
    )
    declarations = (demo_page("declarations-mechelen-2014"), declaration_b)
    editor = get_user_model().objects.create_superuser(
        "claire", "claire@example.org", "pw", first_name="Claire", last_name="Dubois"
    )
    browser = Client()
    browser.force_login(editor)
    endorsements, memberships = [], []
    for site, declaration, endorser, network in zip(
        (centre_a, centre_b), declarations, ENDORSERS, NETWORKS, strict=True
    ):
        endorsement = make_endorsement(declaration, endorser, status="pending")
        response = browser.post(
            reverse(f"{ENDORSEMENTS}:edit", args=[endorsement.pk]),
            {
                "status": "rejected",
                "organisation": endorser,
                "country": "Belgium",
                "website": "",
                "contact_name": "Contact",
                "email": "contact@example.org",
            },
            HTTP_HOST=site.hostname,
        )
        assert response.status_code == 302, endorser
        membership = make_membership(site, make_organisation(network, "regional"))
        response = browser.post(
            reverse(f"{MEMBERSHIPS}:edit", args=[membership.pk]),
            {
                "site": site.pk,
                "organisation": membership.organisation_id,
                "level": "active",
                "since": 2005,
                "until": "",
                "notes": "",
                "roles-TOTAL_FORMS": 0,
                "roles-INITIAL_FORMS": 0,
                "roles-MIN_NUM_FORMS": 0,
                "roles-MAX_NUM_FORMS": 1000,
            },
            HTTP_HOST=site.hostname,
        )
        assert response.status_code == 302, network
        endorsements.append(endorsement)
        memberships.append(membership)
    return endorsements, memberships


def site_history(client, site):
    response = client.get(SITE_HISTORY, HTTP_HOST=site.hostname)
    assert response.status_code == 200
    return response.content.decode()


def test_changes_are_logged_apart_from_other_models(changed_in_admin):
    assert EndorsementLogEntry.objects.filter(action="wagtail.edit").count() == 2
    assert MembershipLogEntry.objects.filter(action="wagtail.edit").count() == 2
    for title in ENDORSERS + NETWORKS:
        assert not ModelLogEntry.objects.filter(label__contains=title).exists(), title


def test_a_team_finds_no_centres_endorsements_or_memberships_in_the_site_history(
    team_member, changed_in_admin, centre_a, centre_b
):
    for site in (centre_a, centre_b):
        html = site_history(team_member, site)
        for title in ENDORSERS + NETWORKS:
            assert title not in html, (site, title)
        # Nor, in the report's user filter, who changed them.
        assert EDITOR not in html


def test_a_team_reads_its_own_centres_history_on_each_object(
    team_member, changed_in_admin, centre_b
):
    endorsements, memberships = changed_in_admin
    for namespace, obj in ((ENDORSEMENTS, endorsements[1]), (MEMBERSHIPS, memberships[1])):
        url = reverse(f"{namespace}:history", args=[obj.pk])
        response = team_member.get(url, HTTP_HOST=centre_b.hostname)
        assert response.status_code == 200, namespace
        html = response.content.decode()
        assert EDITOR in html and "Edited" in html, namespace


def test_superusers_find_every_centres_entries_in_the_site_history(
    superuser, changed_in_admin, centre_b
):
    html = site_history(superuser, centre_b)
    for title in ENDORSERS + NETWORKS:
        assert title in html, title


def endorsement_of(site):
    declaration = make_declaration(make_declaration_index(site.root_page.specific))
    return make_endorsement(declaration, ENDORSERS[1], status="rejected")


def membership_of(site):
    return make_membership(site, make_organisation(NETWORKS[1], "regional"))


@pytest.mark.parametrize(
    ("make", "migration_name", "forwards", "namespace"),
    [
        pytest.param(
            endorsement_of,
            "csti_cms.plugins.declarations.migrations."
            "0009_move_endorsement_history_out_of_model_log_entries",
            "to_endorsement_log",
            ENDORSEMENTS,
            id="endorsements",
        ),
        pytest.param(
            membership_of,
            "csti_cms.plugins.memberships.migrations."
            "0004_move_membership_history_out_of_model_log_entries",
            "to_membership_log",
            MEMBERSHIPS,
            id="memberships",
        ),
    ],
)
def test_entries_logged_before_the_upgrade_leave_the_site_history_too(
    team_member, centre_a, centre_b, make, migration_name, forwards, namespace
):
    """Entries Wagtail's own log holds from before are moved, and read on the object."""
    obj = make(centre_b)
    ModelLogEntry.objects.log_action(obj, "wagtail.edit", title=str(obj))
    assert str(obj) in site_history(team_member, centre_a)

    getattr(importlib.import_module(migration_name), forwards)(apps, schema_editor=None)

    logged_types = ModelLogEntry.objects.values_list("content_type", flat=True)
    assert ContentType.objects.get_for_model(obj).pk not in logged_types
    assert str(obj) not in site_history(team_member, centre_a)
    history = team_member.get(
        reverse(f"{namespace}:history", args=[obj.pk]), HTTP_HOST=centre_b.hostname
    )
    assert "Edited" in history.content.decode()


def test_the_retention_job_still_renames_an_endorsements_entries(centre_a):
    """Erasure renames the entries of the log registered for endorsements: now their own."""
    endorsement = make_endorsement(demo_page("declarations-mechelen-2014"), ENDORSERS[0])
    log(endorsement, "wagtail.edit")
    label_history_by_number(Endorsement, Endorsement.objects.filter(pk=endorsement.pk))
    entry = EndorsementLogEntry.objects.for_instance(endorsement).get()
    assert entry.label.endswith(f" #{endorsement.pk}") and ENDORSERS[0] not in entry.label
