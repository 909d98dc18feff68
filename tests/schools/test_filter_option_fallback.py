"""A subject not yet translated into the listing's language is offered in the default language."""

import uuid

import pytest

from csti_cms.schools.models import Subject
from tests.conftest import demo_page
from tests.schools.helpers import publish_activity

pytestmark = pytest.mark.django_db


def test_an_untranslated_subject_is_offered_in_the_default_language(client, locales):
    key = uuid.uuid4()
    # The English name comes first by name: the filter must not offer whichever comes first.
    Subject.objects.create(name="Acoustics", locale=locales["en"], translation_key=key)
    acoustique = Subject.objects.create(
        name="Acoustique", locale=locales["fr"], translation_key=key
    )
    listing = demo_page("school-activities", "nl")
    publish_activity(listing, subjects=[acoustique])
    html = client.get(listing.url).content.decode()
    assert f'<option value="{acoustique.pk}">Acoustique</option>' in html
    assert "Acoustics" not in html
