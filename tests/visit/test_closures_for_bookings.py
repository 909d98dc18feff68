"""School bookings ask the opening calendar which days the centre is closed to groups."""

from datetime import date

import pytest
from wagtail.models import Site

from csti_cms.enquiries.closures import closed_dates
from tests.visit.helpers import replace_opening_hours

pytestmark = pytest.mark.django_db


def test_closed_days_come_from_the_opening_calendar():
    site = Site.objects.get(is_default_site=True)
    replace_opening_hours(
        closures=[
            {"start_date": date(2026, 9, 1), "end_date": date(2026, 9, 4), "reason": "maintenance"},
            {
                "start_date": date(2026, 9, 10),
                "end_date": date(2026, 9, 10),
                "reason": "school-groups",
            },
        ]
    )
    closed = closed_dates(site, date(2026, 8, 31), date(2026, 9, 11))
    # Monday 31 August and Monday 7 September are regular closing days; 1-4 September
    # is maintenance; 10 September is closed to the public but reserved for groups.
    assert closed == {
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
        date(2026, 9, 3),
        date(2026, 9, 4),
        date(2026, 9, 7),
    }
