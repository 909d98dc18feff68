"""Practical information read without the style sheet (reader mode, a text browser): what
CSS sets on lines of their own must not run together ("AdultAged 18 and over")."""

from datetime import date

import lxml.html
import pytest
from freezegun import freeze_time

from csti_cms.visit.models import ClosureReason
from tests.conftest import demo_page
from tests.helpers import text_without_style_sheet

from .helpers import replace_opening_hours

pytestmark = pytest.mark.django_db


def practical_info(client):
    html = client.get(demo_page("practical-info", "en").url).content.decode()
    return lxml.html.fromstring(html)


def test_a_tickets_conditions_are_parted_from_its_name(client):
    rows = practical_info(client).xpath('//table[@class="prices"]/tbody//th')
    names = [" ".join(text_without_style_sheet(row)) for row in rows]
    assert "Adult: Aged 18 and over" in names
    assert "Child: Aged 3 to 17" in names


def test_closed_today_its_reason_and_the_next_opening_are_lines_of_their_own(client):
    replace_opening_hours(
        closures=[
            {
                "start_date": date(2026, 9, 1),
                "end_date": date(2026, 9, 6),
                "reason": ClosureReason.MAINTENANCE,
            }
        ]
    )
    with freeze_time("2026-09-02T10:00:00Z"):
        status = practical_info(client).xpath('//p[contains(@class, "opening-status ")]')[0]
    assert text_without_style_sheet(status) == [
        "Closed today",
        str(ClosureReason.MAINTENANCE.label),
        "Next opening: Tuesday 8 September, from 9:30 to 17:00",
    ]
