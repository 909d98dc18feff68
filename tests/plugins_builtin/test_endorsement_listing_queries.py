"""The endorsements' listing reads each declaration once, not every endorsement.

A network collects thousands of endorsements of a handful of declarations. The listing asks
which declarations (for its filter) and which centres (for superusers' site column) they
are; asked in the listing's order, by time sent, every endorsement was a distinct row, all
of them read on each view of the listing.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import demo_page

from .helpers import MECHELEN, make_endorsement

pytestmark = pytest.mark.django_db

LISTING = "/admin/endorsements/"


def test_the_listing_asks_the_database_for_each_declaration_once(english_admin_client):
    for number in range(5):
        make_endorsement(demo_page(MECHELEN, "fr"), f"Musée n°{number}")
    with CaptureQueriesContext(connection) as queries:
        response = english_admin_client.get(LISTING)
    assert response.status_code == 200
    distinct = [query["sql"] for query in queries if "SELECT DISTINCT" in query["sql"]]
    columns_read = [sql.split(" FROM ")[0] for sql in distinct]
    assert any('"declaration_key"' in columns for columns in columns_read), distinct
    assert any('"declaration_id"' in columns for columns in columns_read), distinct
    assert not [sql for sql in distinct if "submitted_at" in sql], "one row per endorsement"
