"""The plugins' demo content: enabled on the demo site, in three languages, loaded once."""

import pytest
from django.core.management import call_command
from wagtail.models import Site

from csti_cms.plugins import is_enabled
from csti_cms.plugins.declarations.models import (
    DeclarationPage,
    Endorsement,
    RelatedDeclaration,
    Signatory,
)
from csti_cms.plugins.memberships.models import Membership, Organisation, Role

pytestmark = pytest.mark.django_db

MODELS = (Organisation, Membership, Role, DeclarationPage, Signatory, RelatedDeclaration)


def test_both_plugins_are_on_for_the_demo_site():
    site = Site.objects.get(is_default_site=True)
    assert is_enabled("memberships", site) and is_enabled("declarations", site)


def test_everything_exists_in_three_languages():
    for model in (Organisation, Membership, Role, DeclarationPage):
        codes = set(model.objects.values_list("locale__language_code", flat=True))
        assert codes == {"fr", "nl", "en"}, model
    assert Organisation.objects.filter(locale__language_code="nl").count() == 4
    assert DeclarationPage.objects.filter(locale__language_code="en").count() == 3


def test_loading_the_demo_again_changes_nothing():
    counts = [model.objects.count() for model in (*MODELS, Endorsement)]
    call_command("load_demo_content", verbosity=0)
    assert [model.objects.count() for model in (*MODELS, Endorsement)] == counts
