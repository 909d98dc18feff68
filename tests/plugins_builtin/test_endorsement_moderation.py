"""Editors moderating endorsements keep one approved endorsement per organisation.

The moderation form edits the status and the organisation's name, while the database
compares keys computed from them (the declaration's translation key, the name without
case or accents): a change that would give an organisation two approved endorsements
of one declaration is answered next to the organisation's name, never with a 500.
Requests waiting for moderation may be several (see ``forms.blocking_endorsements``).
"""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from csti_cms.plugins.declarations.models import Endorsement, EndorsementStatus
from tests.conftest import demo_page

from .helpers import make_endorsement

pytestmark = pytest.mark.django_db

MECHELEN = "declarations-mechelen-2014"
TAKEN = "already has an approved endorsement of this declaration"


def moderate(client, endorsement, **changes):
    data = {
        "status": endorsement.status,
        "organisation": endorsement.organisation,
        "country": endorsement.country,
        "website": endorsement.website,
        "contact_name": endorsement.contact_name,
        "email": endorsement.email,
        **changes,
    }
    return client.post(reverse("endorsements:edit", args=[endorsement.pk]), data)


def organisation_errors(response):
    """The form's messages, in English: they are translated when read, and the request
    leaves the language of the declaration's site active."""
    assert response.status_code == 200, "the endorsement was saved"
    with translation.override("en"):
        errors = response.context["form"].errors.get("organisation", [])
        return [str(message) for message in errors]


@pytest.fixture
def endorsements():
    """An approved endorsement, and a rejected one by the same organisation in French."""
    declaration = demo_page(MECHELEN, "fr")
    approved = make_endorsement(declaration, "Musée des Sciences")
    rejected = make_endorsement(demo_page(MECHELEN, "en"), "musee des  sciences", status="rejected")
    return approved, rejected


def test_approving_a_rejected_duplicate_is_refused(english_admin_client, endorsements):
    approved, rejected = endorsements
    assert moderate(english_admin_client, rejected, status="pending").status_code == 302, (
        "waiting beside the approved one takes nothing from it"
    )
    rejected.refresh_from_db()
    response = moderate(english_admin_client, rejected, status="approved")
    assert any(TAKEN in message for message in organisation_errors(response))
    assert "musee des  sciences already has an approved endorsement" in response.content.decode()
    rejected.refresh_from_db()
    assert rejected.status == EndorsementStatus.PENDING


def test_renaming_to_an_organisation_that_endorses_already_is_refused(
    english_admin_client, endorsements
):
    approved, _ = endorsements
    other = make_endorsement(demo_page(MECHELEN, "fr"), "Planétarium de Namur")
    response = moderate(english_admin_client, other, organisation="MUSÉE des Sciences")
    assert any(TAKEN in message for message in organisation_errors(response))
    assert Endorsement.objects.get(pk=other.pk).organisation == "Planétarium de Namur"


def test_moderating_keeps_working_for_an_endorsement_that_is_alone(
    english_admin_client, endorsements
):
    approved, rejected = endorsements
    response = moderate(english_admin_client, approved, website="https://musee.example/")
    assert response.status_code == 302
    assert moderate(english_admin_client, rejected, country="Belgique").status_code == 302
    response = moderate(english_admin_client, approved, status="rejected")
    assert response.status_code == 302
    assert moderate(english_admin_client, rejected, status="approved").status_code == 302, (
        "once the other one is rejected, the organisation may be approved again"
    )


def test_model_validation_compares_the_keys_it_will_store(endorsements):
    approved, rejected = endorsements
    rejected.status = EndorsementStatus.APPROVED
    with pytest.raises(ValidationError) as error:
        rejected.full_clean()
    assert list(error.value.message_dict) == ["organisation"]
