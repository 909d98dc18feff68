"""The public pages print hours as each language writes them: "9 h 30 – 17 h" on a French
page, "9.30–17 uur" on a Dutch one, as the demo's own prose does, not "09:30"."""

import re
from datetime import date, time

import pytest
from freezegun import freeze_time

from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

from .helpers import replace_opening_hours

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def visible_text(html):
    """What a reader sees: no tags, attributes (``<time datetime>``) nor scripts (JSON-LD)."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize(
    ("language", "weekdays", "weekends"),
    [
        ("fr", f"9{NBSP}h{NBSP}30{NBSP}– 17{NBSP}h", f"10{NBSP}h{NBSP}– 18{NBSP}h"),
        ("nl", f"9.30–17{NBSP}uur", f"10–18{NBSP}uur"),
        ("en", "9:30–17:00", "10:00–18:00"),
    ],
)
def test_the_practical_page_writes_hours_as_its_language_does(client, language, weekdays, weekends):
    replace_opening_hours()
    with freeze_time("2026-03-10T09:00:00Z"):  # a Tuesday, open
        html = client.get(demo_page("practical-info", language).url).content.decode()
    text = visible_text(html)
    assert weekdays in text
    assert weekends in text
    if language != "en":
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text), "a clock time is left in the page"


def test_quiet_hours_read_like_the_french_prose(client):
    page = demo_page("practical-info", "fr")
    assert page.quiet_hours.exists(), "the demo has quiet hours"
    html = client.get(page.url).content.decode()
    assert f"de 10{NBSP}h à 12{NBSP}h" in visible_text(html)


@freeze_time("2026-03-20T09:00:00Z")
def test_an_event_shows_its_hours_and_the_first_of_the_month_in_french(client):
    event = publish_event(start_date=date(2026, 4, 1), start_time=time(14), end_time=time(15, 30))
    html = client.get(event.url).content.decode()
    assert f"mercredi 1er avril, 14{NBSP}h{NBSP}– 15{NBSP}h{NBSP}30" in visible_text(html)
    # Machines still read ISO 8601.
    assert 'datetime="2026-04-01T14:00:00+02:00"' in html
