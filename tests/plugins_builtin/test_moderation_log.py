"""An endorsement's history says who approved or rejected it, not merely who edited it."""

import pytest
from django.urls import reverse

from csti_cms.plugins.declarations.models import EndorsementLogEntry
from tests.conftest import demo_page

from .helpers import make_endorsement
from .helpers import moderate as post_moderation

pytestmark = pytest.mark.django_db


def moderate(client, endorsement, status, **changes):
    response = post_moderation(client, endorsement, status, **changes)
    assert response.status_code == 302, response.context["form"].errors


def decisions(endorsement):
    """The moderation decisions logged for ``endorsement``, oldest first."""
    entries = EndorsementLogEntry.objects.for_instance(endorsement).exclude(action="wagtail.edit")
    return [
        (entry.action, entry.user.username, entry.data)
        for entry in entries.order_by("timestamp", "pk")
    ]


@pytest.fixture
def endorsement(db):
    return make_endorsement(demo_page("declarations-mechelen-2014"), "Musée", status="pending")


def test_approving_then_rejecting_logs_each_decision_with_its_moderator(
    english_admin_client, admin_user, endorsement
):
    moderate(english_admin_client, endorsement, "approved")
    moderate(english_admin_client, endorsement, "rejected")
    moderate(english_admin_client, endorsement, "pending")
    moderator = admin_user.username
    assert decisions(endorsement) == [
        ("declarations.approve", moderator, {"previous_status": "pending", "status": "approved"}),
        ("declarations.reject", moderator, {"previous_status": "approved", "status": "rejected"}),
        (
            "declarations.await_moderation",
            moderator,
            {"previous_status": "rejected", "status": "pending"},
        ),
    ]
    history = english_admin_client.get(reverse("endorsements:history", args=[endorsement.pk]))
    html = history.content.decode()
    assert "Approved" in html and "Rejected" in html and "Sent back to moderation" in html


def test_an_edit_that_keeps_the_status_logs_no_decision(english_admin_client, endorsement):
    moderate(english_admin_client, endorsement, "pending", country="France")
    assert decisions(endorsement) == []
    assert EndorsementLogEntry.objects.for_instance(endorsement).get().action == "wagtail.edit"
