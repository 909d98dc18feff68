"""Postal and country codes are copied to translations, never edited there."""

import pytest
from wagtail_localize.fields import get_translatable_fields

from csti_cms.agenda.models import EventPage, Venue

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [EventPage, Venue])
@pytest.mark.parametrize("name", ["postal_code", "country"])
def test_the_translation_editor_offers_no_edit_of_a_code(model, name):
    fields = {field.field_name: field for field in get_translatable_fields(model)}
    assert fields[name].is_synchronized(model())
    assert not fields[name].is_overridable(model())
