"""One event over several spaces may use the chosen layout in some of them only."""

import pytest
from django.utils import translation

from csti_cms.venues.models import Layout, QuoteRequest
from tests.conftest import demo_page
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db


def spaces(*keys, language="en"):
    return [str(demo_page(key, language).pk) for key in keys]


def test_a_banquet_in_the_atrium_with_the_lab_beside_it_is_accepted_and_noted(client):
    """120 guests: a banquet in the atrium (220 seats), a team building in the lab, which has
    no banquet layout and counts at its largest (50 standing)."""
    data = quote_data(spaces=spaces("space-atrium", "space-lab"), layout="banquet", guests="120")
    assert client.post(quote_url("en"), data).status_code == 302
    quote = QuoteRequest.objects.get()
    with translation.override("fr"):
        lab = translation.gettext("%(space)s (no “%(layout)s” layout)") % {
            "space": "Laboratoire Lavoisier",
            "layout": Layout.BANQUET.label,
        }
    assert quote.requested_spaces == ["Atrium des découvertes", lab]


def test_a_layout_none_of_the_spaces_offers_is_refused(client):
    data = quote_data(spaces=spaces("space-lab"), layout="banquet", guests="20")
    response = client.post(quote_url("en"), data)
    assert list(response.context["form"].errors) == ["spaces"]
    assert "Lavoisier lab" in response.context["form"].errors["spaces"][0]


def test_too_many_guests_names_the_spaces_counted_in_their_largest_layout(client):
    data = quote_data(spaces=spaces("space-atrium", "space-lab"), layout="banquet", guests="300")
    errors = client.post(quote_url("en"), data).context["form"].errors
    assert list(errors) == ["guests"]
    assert "at most 270 guests" in errors["guests"][0]  # 220 at banquet + 50 standing
    assert "(Lavoisier lab)" in errors["guests"][0]
    assert not QuoteRequest.objects.exists()
