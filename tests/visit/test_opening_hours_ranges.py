"""Opening hours are ranges written the way the agenda writes its events' hours: "9.30–17 uur"
with "uur" once, days "tot en met" the last one, not "9.30 uur tot 17 uur"."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from csti_cms.visit.models import OpeningHours
from csti_cms.visit.opening import OpeningCalendar, week_summary

from .helpers import REGULAR, replace_opening_hours

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def week_table(language):
    """The table of the next seven days from Monday 14 December 2026, closed on Mondays."""
    hours = replace_opening_hours()
    days = OpeningCalendar.read(hours.site, date(2026, 12, 14), date(2026, 12, 20)).days(
        date(2026, 12, 14), 7
    )
    with translation.override(language):
        return render_to_string("csti_visit/includes/opening_week.html", {"days": days})


@pytest.mark.parametrize(
    ("language", "weekday", "weekend"),
    [
        ("nl", f"9.30–17{NBSP}uur", f"10–18{NBSP}uur"),
        ("fr", f"9{NBSP}h{NBSP}30{NBSP}– 17{NBSP}h", f"10{NBSP}h{NBSP}– 18{NBSP}h"),
        ("en", "9:30–17:00", "10:00–18:00"),
    ],
)
def test_the_weeks_table_writes_each_days_hours_as_a_range(language, weekday, weekend):
    html = week_table(language)
    assert html.count(weekday) == 4 and html.count(weekend) == 2


def test_the_dutch_summary_reads_like_the_agenda_and_the_schools_days():
    with translation.override("nl"):
        lines = [(r.days_label, r.hours_label) for r in week_summary(OpeningHours(**REGULAR))]
    assert lines[1:] == [
        ("Van dinsdag tot en met vrijdag", f"9.30–17{NBSP}uur"),
        ("Zaterdag en zondag", f"10–18{NBSP}uur"),
    ]


@pytest.mark.parametrize(
    ("language", "maintenance", "holiday"),
    [
        ("fr", "Fermé pour maintenance", f"Fermé{NBSP}: Jour férié"),
        ("nl", "Gesloten voor onderhoud", "Gesloten: Feestdag"),
        ("en", "Closed for maintenance", "Closed: Public holiday"),
    ],
)
def test_a_closed_day_says_closed_once(language, maintenance, holiday):
    """A reason that says "closed" is not prefixed with it again ("Closed: Closed for
    maintenance"); other reasons are."""
    hours = replace_opening_hours(
        closures=[
            {"start_date": date(2026, 12, 15), "reason": "maintenance"},
            {"start_date": date(2026, 12, 16), "reason": "public-holiday"},
        ]
    )
    days = OpeningCalendar.read(hours.site, date(2026, 12, 14), date(2026, 12, 20)).days(
        date(2026, 12, 14), 7
    )
    with translation.override(language):
        html = render_to_string("csti_visit/includes/opening_week.html", {"days": days})
    cells = [cell.strip() for cell in html.split("<td>")[1:]]
    assert cells[1].startswith(maintenance + "\n") or cells[1].startswith(maintenance + "<")
    assert cells[2].startswith(holiday)
