"""The endorsement form and the confirmation page are never kept by a cache.

Both carry a CSRF token; the form shows what the visitor typed, the confirmation page
the state of one endorsement, which confirming changes.
"""

import pytest
from django.utils.cache import get_max_age

from csti_cms.plugins.declarations.endorsements import confirmation_token
from tests.conftest import demo_page

from .helpers import FORM, MECHELEN, make_endorsement

pytestmark = pytest.mark.django_db


def assert_never_cached(response):
    assert get_max_age(response) == 0
    assert "no-store" in response["Cache-Control"]


def test_the_form_is_never_cached_blank_or_refused(client):
    page = demo_page(MECHELEN, "en")
    assert_never_cached(client.get(page.url + "endorse/"))
    refused = client.post(page.url + "endorse/", {**FORM, "consent": ""})
    assert refused.status_code == 200
    assert_never_cached(refused)


def test_the_confirmation_page_is_never_cached(client):
    page = demo_page(MECHELEN, "en")
    endorsement = make_endorsement(page, "Muséum de Namur", confirmed=False)
    response = client.get(page.url + "confirm/?token=" + confirmation_token(endorsement))
    assert response.status_code == 200
    assert_never_cached(response)
