"""An export costs the same queries however many school levels its rows name.

Each level is a translated snippet, shown in the admin's language: read one by one, every
distinct level of a network's bookings cost two more queries (90 for the demo's levels).
They are read together before the first row.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from csti_cms.schools.models import SchoolLevel
from tests.enquiries.helpers import BOOKINGS, csv_rows, exported, stored_booking

pytestmark = pytest.mark.django_db


def export_queries(client, export_format):
    """How many queries the bookings' export in ``export_format`` made, rows written."""
    with CaptureQueriesContext(connection) as queries:
        exported(client, BOOKINGS, export_format)
    return len(queries)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_more_school_levels_cost_no_more_queries(english_admin_client, export_format):
    dutch_levels = list(SchoolLevel.objects.filter(locale__language_code="nl").order_by("pk"))
    assert len(dutch_levels) >= 10, "the demo's levels"
    for level in dutch_levels[:2]:
        stored_booking(level=level)
    export_queries(english_admin_client, export_format)  # the admin's caches filled
    with_two_levels = export_queries(english_admin_client, export_format)
    for level in dutch_levels[2:10]:
        stored_booking(level=level)
    assert export_queries(english_admin_client, export_format) == with_two_levels


def test_every_level_is_exported_in_the_admin_s_language(english_admin_client):
    dutch_levels = SchoolLevel.objects.filter(locale__language_code="nl").order_by("pk")[:10]
    for level in dutch_levels:
        stored_booking(level=level)
    english = SchoolLevel.objects.filter(
        locale__language_code="en",
        translation_key__in=[level.translation_key for level in dutch_levels],
    )
    rows = csv_rows(english_admin_client, BOOKINGS)
    assert sorted(row["Class level"] for row in rows) == sorted(level.name for level in english)
