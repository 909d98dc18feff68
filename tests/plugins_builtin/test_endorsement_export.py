"""The endorsements' CSV export reads as the editor's admin does, and names each row's centre.

A Dutch-speaking editor gets Dutch headings, labels rather than codes, languages by their
names, times in the admin's time zone (named in the heading) without microseconds, and each
declaration under one name, whichever translation was endorsed. A superuser, who sees every
centre's endorsements, tells them apart by a Site column and filter; a centre's team, who
sees its own only, gets neither.
"""

import csv
import io
import re
from datetime import UTC, datetime

import pytest
from wagtail.users.models import UserProfile

from csti_cms.plugins.declarations.models import Endorsement
from tests.conftest import demo_page
from tests.helpers import sign_in_team_member

from .helpers import MECHELEN, make_declaration, make_declaration_index, make_endorsement

pytestmark = pytest.mark.django_db

LISTING = "/admin/endorsements/"
TEAM_PERMISSIONS = [f"{action}_endorsement" for action in ("change", "delete", "view")]


def exported_rows(client, query=None, **headers):
    response = client.get(LISTING, {"export": "csv", **(query or {})}, **headers)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def endorsed_at(endorsement, moment):
    """``endorsement`` as sent at ``moment``; ``submitted_at`` is set when it is stored."""
    Endorsement.objects.filter(pk=endorsement.pk).update(submitted_at=moment)


@pytest.fixture
def dutch_admin_client(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "nl"
    profile.save()
    return admin_client


@pytest.fixture
def centre_b(other_site, enable_plugin):
    """A second centre with a declaration of its own, endorsed by Techniek Leuven."""
    other_site.site_name = "Sciences en Brabant"
    other_site.save()
    enable_plugin("declarations", other_site)
    index = make_declaration_index(other_site.root_page.specific)
    make_endorsement(make_declaration(index, title="Brabant Declaration"), "Techniek Leuven")
    return other_site


def test_a_dutch_editor_exports_in_dutch_and_local_time(dutch_admin_client):
    liege = make_endorsement(
        demo_page(MECHELEN, "fr"),
        "Musée des Sciences de Liège",
        confirmed=False,
        status="pending",
        language="fr",
    )
    endorsed_at(liege, datetime(2026, 12, 7, 3, 25, 1, 517444, tzinfo=UTC))
    make_endorsement(demo_page(MECHELEN, "en"), "Science Museum Group", language="en")
    rows = {row["Organisatie"]: row for row in exported_rows(dutch_admin_client)}
    row = rows["Musée des Sciences de Liège"]
    assert row["Moderatie"] == "Wacht op moderatie"
    assert row["Taal"] == "Frans"
    assert row["Ingediend op (Europe/Brussels)"] == "2026-12-07T04:25:01+01:00"
    dutch_title = demo_page(MECHELEN, "nl").title
    assert row["Verklaring"] == rows["Science Museum Group"]["Verklaring"] == dutch_title
    assert "Site" not in row, "one centre's endorsements need no site"


def test_a_superuser_tells_the_centres_apart(english_admin_client, centre_b):
    make_endorsement(demo_page(MECHELEN), "Musée de Namur")
    sites = {row["Organisation"]: row["Site"] for row in exported_rows(english_admin_client)}
    assert sites["Techniek Leuven"] == "Sciences en Brabant"
    assert sites["Musée de Namur"] == "Curiosa"

    html = english_admin_client.get(LISTING).content.decode()
    assert 'name="site"' in html and f'value="{centre_b.pk}"' in html
    assert re.search(r"<td[^>]*>\s*Sciences en Brabant\s*</td>", html)
    chosen = english_admin_client.get(LISTING, {"site": centre_b.pk}).content.decode()
    assert "Techniek Leuven" in chosen and "Musée de Namur" not in chosen
    only_b = exported_rows(english_admin_client, {"site": centre_b.pk})
    assert [row["Organisation"] for row in only_b] == ["Techniek Leuven"]


def test_a_centres_team_gets_no_site_column_or_filter(client, centre_b):
    sign_in_team_member(client, TEAM_PERMISSIONS, ["declarations"])
    (row,) = exported_rows(client, HTTP_HOST=centre_b.hostname)
    assert row["Organisation"] == "Techniek Leuven" and "Site" not in row
    html = client.get(LISTING, HTTP_HOST=centre_b.hostname).content.decode()
    assert 'name="site"' not in html
