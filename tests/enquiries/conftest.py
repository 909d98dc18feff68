"""Fixtures of the requests' tests: two centres sharing one install, their requests, and
the people who read them in the admin."""

import socket
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import Site

from csti_cms.venues.models import QuoteRequest
from tests.enquiries.fixtures import no_notification_lists, notifications  # noqa: F401 - fixtures
from tests.enquiries.helpers import stored_booking
from tests.helpers import sign_in_team_member

REQUEST_PERMISSIONS = [
    f"{action}_{model}"
    for action in ("view", "change", "delete")
    for model in ("bookingrequest", "quoterequest")
]


@pytest.fixture
def centre_a(db):
    """The demo centre, the default site."""
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def centre_b(other_site):
    """A second centre, named so that its name shows only where its site is named."""
    other_site.site_name = "Sciences en Brabant"
    other_site.save()
    return other_site


@pytest.fixture
def bookings(centre_a, centre_b):
    """One booking request from each centre's website."""
    return (
        stored_booking(site=centre_a, school_name="École des Tilleuls"),
        stored_booking(site=centre_b, school_name="Basisschool De Regenboog"),
    )


@pytest.fixture
def quotes(centre_a, centre_b):
    """One quote request from each centre's website."""
    return (_quote_from(centre_a, "Biotech Namur SA"), _quote_from(centre_b, "Gentse Haven NV"))


def _quote_from(site, organisation):
    """A quote request ``organisation`` sent from ``site``, its e-mail named after it."""
    return QuoteRequest.objects.create(
        site=site,
        language="fr",
        organisation=organisation,
        event_type="conference",
        event_date=timezone.localdate() + timedelta(days=60),
        guests=80,
        contact_name="Sophie Lambert",
        email=f"contact@{organisation.split()[0].lower()}.example",
        phone="+32 81 44 55 66",
    )


@pytest.fixture
def team_member(client):
    """A member of a centre's team: every request permission, no superuser powers."""
    return sign_in_team_member(client, REQUEST_PERMISSIONS, ["csti_schools", "csti_venues"])


@pytest.fixture
def silent_mail_server(settings):
    """A mail server that accepts connections and never answers, as a hung one does.

    The system completes the connection from the listening socket's queue, so the client
    waits for a greeting that never comes, for ``EMAIL_TIMEOUT`` seconds.
    """
    with socket.create_server(("127.0.0.1", 0)) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = server.getsockname()
        settings.EMAIL_TIMEOUT = 1
        yield SimpleNamespace(timeout=settings.EMAIL_TIMEOUT)
