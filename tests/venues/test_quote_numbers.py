"""Guests and budget out of range: a plain message, never the database's limits."""

import re

import pytest
from django.utils import translation

from csti_cms.venues.forms import MAX_BUDGET, MAX_GUESTS
from csti_cms.venues.models import QuoteRequest
from tests.venues.helpers import quote_data, quote_url

pytestmark = pytest.mark.django_db

DATABASE_LIMITS = ("9223372036854775807", "2147483647")
BUDGET_MESSAGE = "Enter a budget between 0 and %(max)s euros, or leave the field empty."


def number_input(html, name):
    return re.search(rf'<input type="number" name="{name}"[^>]*>', html).group(0)


def errors_for(client, language="en", **data):
    response = client.post(quote_url(language), quote_data(spaces=[], **data))
    assert response.status_code == 200
    assert not QuoteRequest.objects.exists()
    html = response.content.decode()
    assert not any(limit in html for limit in DATABASE_LIMITS)
    return response.context["form"].errors


@pytest.mark.parametrize("guests", ["0", "-3", "-99999999999999999999"])
def test_any_number_of_guests_below_one_gets_the_same_message(client, guests):
    errors = errors_for(client, guests=guests)
    with translation.override("en"):
        assert errors["guests"] == [translation.gettext("Give the number of guests you expect.")]


@pytest.mark.parametrize("guests", [str(MAX_GUESTS + 1), "99999999999999999999"])
def test_more_guests_than_a_science_centre_holds_is_refused(client, guests):
    errors = errors_for(client, guests=guests)
    with translation.override("en"):
        expected = translation.gettext("That is more guests than any space can hold.")
    assert errors["guests"] == [expected]


@pytest.mark.parametrize("budget", ["-1", str(MAX_BUDGET + 1), "99999999999999999999"])
def test_a_budget_out_of_range_gets_one_plain_message(client, budget):
    errors = errors_for(client, budget=budget)
    with translation.override("en"):
        expected = translation.gettext(BUDGET_MESSAGE) % {"max": "1,000,000"}
    assert errors["budget"] == [expected]
    assert expected == "Enter a budget between 0 and 1,000,000 euros, or leave the field empty."


def test_the_budget_limit_is_written_the_visitors_way(client):
    (message,) = errors_for(client, "fr", budget="99999999999999999999")["budget"]
    assert "1\u00a0000\u00a0000" in message


@pytest.mark.parametrize("budget", ["0", str(MAX_BUDGET), ""])
def test_a_budget_within_range_or_none_is_accepted(client, budget):
    response = client.post(quote_url("en"), quote_data(spaces=[], budget=budget))
    assert response.status_code == 302
    assert QuoteRequest.objects.get().budget == (int(budget) if budget else None)


def test_the_inputs_ask_for_what_the_server_accepts(client):
    html = client.get(quote_url("en")).content.decode()
    guests = number_input(html, "guests")
    assert 'min="1"' in guests and f'max="{MAX_GUESTS}"' in guests
    budget = number_input(html, "budget")
    assert 'min="0"' in budget and f'max="{MAX_BUDGET}"' in budget
