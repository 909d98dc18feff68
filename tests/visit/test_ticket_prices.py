"""A ticket costs nothing at the least: a negative price is refused in the admin."""

import pytest
from django.urls import reverse

from csti_cms.visit.models import TicketCategory

pytestmark = pytest.mark.django_db


def test_a_negative_ticket_price_is_refused(english_admin_client):
    url = reverse("wagtailsnippets_csti_visit_ticketcategory:add") + "?locale=fr"
    data = {"name": "Tarif étudiant", "conditions": "", "price": "-4", "sort_order": "0"}
    response = english_admin_client.post(url, data)
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert not TicketCategory.objects.filter(name="Tarif étudiant").exists()
    response = english_admin_client.post(url, {**data, "price": "0"})
    assert response.status_code == 302
    assert TicketCategory.objects.get(name="Tarif étudiant").price == 0
