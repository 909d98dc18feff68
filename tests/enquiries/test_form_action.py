"""A request form posts to its own address, never to the ``#fragment`` the visitor followed."""

import re

import pytest

from tests.conftest import demo_page
from tests.schools.helpers import booking_url
from tests.venues.helpers import quote_url

pytestmark = pytest.mark.django_db


def form_action(html):
    (action,) = re.findall(r'<form class="enquiry-form" method="post" action="([^"]*)"', html)
    return action


def test_the_booking_form_posts_to_its_own_path(client):
    address = booking_url(demo_page("activity-colour-chemistry", "fr"))
    assert form_action(client.get(address).content.decode()) == address


def test_the_quote_form_posts_to_its_own_path_without_the_preselected_space(client):
    """The space a page asks for only fills the form in; what is posted says which spaces."""
    atrium = demo_page("space-atrium", "fr")
    html = client.get(quote_url(), {"space": atrium.pk}).content.decode()
    assert form_action(html) == quote_url()
