"""An exhibition page tells visitors when they can see it, not just when the centre is open."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from csti_cms.visit.models import ExhibitionKind, ExhibitionPage
from tests.conftest import demo_page
from tests.visit.helpers import replace_opening_hours

pytestmark = pytest.mark.django_db


def status_lines(html):
    """The text of each opening status on the page."""
    return [
        part.split(">", 1)[1].split("</strong>")[0].strip()
        for part in html.split('class="opening-status__now"')[1:]
    ]


def test_an_exhibition_not_open_yet_gives_its_opening_day_not_todays_hours(client):
    replace_opening_hours()
    exhibition = demo_page("expo-networks", "en")
    assert exhibition.start_date > timezone.localdate()
    html = client.get(exhibition.url).content.decode()
    assert status_lines(html) == [f"Opens on {date_format(exhibition.start_date, 'j F Y')}"]
    assert "Open today" not in html and "Closed today" not in html


def test_the_opening_day_reads_in_the_language_of_the_page(client):
    exhibition = demo_page("expo-networks", "fr")
    with translation.override("fr"):
        day = date_format(exhibition.start_date, "j F Y")
        expected = translation.gettext("Opens on %(day)s") % {"day": day}
    (line,) = status_lines(client.get(exhibition.url).content.decode())
    assert line == expected
    with translation.override("en"):
        # French month names differ from English ones, every month.
        assert day != date_format(exhibition.start_date, "j F Y")


def test_an_exhibition_on_now_gives_the_centres_hours_today(client):
    replace_opening_hours()
    (line,) = status_lines(client.get(demo_page("expo-matter", "en").url).content.decode())
    assert not line.startswith("Opens on")
    assert "today" in line


def test_an_exhibition_that_is_over_says_so_and_gives_no_hours(client):
    replace_opening_hours()
    today = timezone.localdate()
    past = demo_page("exhibitions", "en").add_child(
        instance=ExhibitionPage(
            title="Volcanoes",
            slug="volcanoes",
            kind=ExhibitionKind.TEMPORARY,
            start_date=today - timedelta(days=400),
            end_date=today - timedelta(days=100),
        )
    )
    past.save_revision().publish()
    html = client.get(past.url).content.decode()
    assert "This exhibition is over." in html
    assert status_lines(html) == []
