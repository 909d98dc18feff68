"""Without a script, the period chosen and the dates typed never disagree silently.

Dates typed while the period is still "All upcoming dates" mean "between two dates", and
the form shows that choice. With another period chosen, the dates are not used and the
boxes are shown empty, with a word on when dates apply: before, "?when=month&start=..."
listed this month under a "From" box still showing the ignored day.
"""

import re
from datetime import date

import pytest
from freezegun import freeze_time

from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page
from tests.core.test_typed_dates import date_not_read

pytestmark = pytest.mark.django_db

NOTE = "The dates you typed apply only with “Between two dates”."


def shown(client, query):
    """``(checked period, From box, Until box, note shown, titles listed)``."""
    html = client.get(demo_page("agenda", "en").url + query).content.decode()
    (checked,) = re.findall(r'<input type="radio" name="when" value="([^"]*)"[^>]*checked', html)

    def box(name):
        (tag,) = re.findall(rf'<input type="date" name="{name}"[^>]*>', html)
        found = re.search(r'value="([^"]*)"', tag)
        return found.group(1) if found else ""

    listed = {page.title for page in EventPage.objects.all() if page.title in html}
    return checked, box("start"), box("end"), NOTE in html, listed


@pytest.fixture
def march_and_june():
    """An event in June 2026, "this month", and one in March 2027."""
    agenda = demo_page("agenda", "en")
    june = publish_event(agenda, title="June workshop", start_date=date(2026, 6, 20))
    march = publish_event(agenda, title="March lecture", start_date=date(2027, 3, 2))
    return june.title, march.title


@freeze_time("2026-06-03 09:00:00")
def test_dates_typed_with_the_default_period_search_between_them(client, march_and_june):
    june, march = march_and_june
    checked, start, end, note, listed = shown(client, "?when=&start=2027-03-01&end=2027-03-31")
    assert (checked, start, end, note) == ("dates", "2027-03-01", "2027-03-31", False)
    assert march in listed and june not in listed
    # Chosen periods, and dates with "Between two dates", are shown as they came.
    assert shown(client, "?when=dates&start=2027-03-01")[:4] == ("dates", "2027-03-01", "", False)
    assert shown(client, "?when=month")[:4] == ("month", "", "", False)
    assert shown(client, "")[:4] == ("", "", "", False)


@freeze_time("2026-06-03 09:00:00")
def test_dates_left_with_another_period_are_shown_empty_and_not_used(client, march_and_june):
    june, march = march_and_june
    checked, start, end, note, listed = shown(client, "?when=month&start=2027-03-01")
    assert (checked, start, end, note) == ("month", "", "", True)
    assert june in listed and march not in listed


@freeze_time("2026-06-03 09:00:00")
def test_a_date_the_agenda_cannot_read_says_what_to_type(client, march_and_june):
    html = client.get(demo_page("agenda", "en").url + "?start=03/31/2027").content.decode()
    assert date_not_read() in html
    checked, start, *_ = shown(client, "?start=31.03.2027")
    assert (checked, start) == ("dates", "2027-03-31")


@freeze_time("2026-06-03 09:00:00")
def test_dates_written_as_people_write_them_fill_the_date_boxes(client, march_and_june):
    """A date box shows ISO dates only: "15/01/2027" from a link left it empty, and the
    next filter chosen sent the range away."""
    june, march = march_and_june
    checked, start, end, _note, listed = shown(client, "?start=01/03/2027&end=31.03.2027")
    assert (checked, start, end) == ("dates", "2027-03-01", "2027-03-31")
    assert march in listed and june not in listed
