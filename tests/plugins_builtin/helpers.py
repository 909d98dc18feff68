"""Builders for the built-in plugins' tests: networks, memberships, declarations."""

import datetime
import re
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from csti_cms.core.models import ContentPage
from csti_cms.plugins.declarations.models import (
    DeclarationIndexPage,
    DeclarationPage,
    Endorsement,
    EndorsementStatus,
)
from csti_cms.plugins.memberships.models import (
    Membership,
    MembershipsPage,
    Organisation,
    Role,
)


def make_organisation(name="Ecsite", scope="europe", **fields):
    return Organisation.objects.create(name=name, scope=scope, **fields)


def make_membership(site, organisation, since=2001, until=None, level="full", roles=()):
    membership = Membership(
        site=site, organisation=organisation, since=since, until=until, level=level
    )
    membership.roles = [Role(sort_order=index, **role) for index, role in enumerate(roles)]
    membership.full_clean()
    membership.save()
    return membership


def board_role(start=2003, end=2011, role="Board member"):
    return {
        "person_name": "Élise Marchal",
        "person_function": "managing director",
        "role": role,
        "start_year": start,
        "end_year": end,
    }


def publish(page):
    page.save_revision().publish()
    return page


def make_content_page(parent, slug="about"):
    return publish(parent.add_child(instance=ContentPage(title=slug.title(), slug=slug)))


def make_memberships_page(parent, slug="networks"):
    return publish(parent.add_child(instance=MembershipsPage(title="Our networks", slug=slug)))


def make_declaration_index(parent, slug="declarations"):
    return publish(parent.add_child(instance=DeclarationIndexPage(title="Declarations", slug=slug)))


def make_declaration(index, title="Mechelen Declaration", slug=None, date=None, **fields):
    page = DeclarationPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        date=date or datetime.date(2014, 3, 19),
        place="Mechelen, Belgium",
        event_name="First Science Centre World Summit",
        introduction=f"What {title} says.",
        commitments=[
            {"type": "commitment", "value": {"title": "Act", "text": "Take concrete steps."}}
        ],
        **fields,
    )
    return publish(index.add_child(instance=page))


def make_endorsement(declaration, organisation, confirmed=True, status="approved", **fields):
    endorsement = Endorsement(
        declaration=declaration,
        organisation=organisation,
        country=fields.pop("country", "Belgium"),
        contact_name="Contact",
        email="contact@example.org",
        consent=True,
        language=fields.pop("language", "en"),
        status=EndorsementStatus(status),
        confirmed_at=datetime.datetime.now(datetime.UTC) if confirmed else None,
        **fields,
    )
    endorsement.save()
    return endorsement


def count_queries(client, page, site, path=""):
    """Queries of a second visit (caches warm, as in production), and the response."""
    url = page.specific.get_url_parts()[2] + path
    client.get(url, HTTP_HOST=site.hostname)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HOST=site.hostname)
    assert response.status_code == 200, url
    return len(queries), response


#: The demo declaration open to endorsements.
MECHELEN = "declarations-mechelen-2014"

#: What an organisation fills in to endorse a declaration (the robot trap left empty).
FORM = {
    "organisation": "Musée des Sciences",
    "country": "Belgique",
    "contact_name": "Anne Lambert",
    "email": "anne@musee.example",
    "website": "https://musee.example/",
    "consent": "on",
    "extra_info": "",
}


def endorse(client, page, **changes):
    """Send the endorsement form of ``page`` with :data:`FORM`, changed by ``changes``."""
    return client.post(page.url + "endorse/", {**FORM, **changes})


#: What a centre's team may do with the plugins' data of its site.
TEAM_PERMISSIONS = [
    *(f"{action}_membership" for action in ("add", "change", "delete", "view")),
    *(f"{action}_endorsement" for action in ("change", "delete", "view")),
]


def moderate(admin_client, endorsement, status="approved", **changes):
    """Post the admin's edit form of ``endorsement`` with its details, ``status`` and
    ``changes``."""
    data = {
        "status": status,
        "organisation": endorsement.organisation,
        "country": endorsement.country,
        "website": endorsement.website,
        "contact_name": endorsement.contact_name,
        "email": endorsement.email,
        **changes,
    }
    return admin_client.post(reverse("endorsements:edit", args=[endorsement.pk]), data)


def link_in(message):
    """The confirmation link of an endorsement e-mail, in any language."""
    return re.search(r"https?://\S+/(?:confirm|confirmer|bevestigen)/\?token=\S+", message.body)[0]


def path_of(url):
    """A link's path and query, for the test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
