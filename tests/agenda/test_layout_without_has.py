"""The agenda's layout in browsers without CSS :has() (Firefox ESR 115, Safari 15.3): the
templates mark what the style sheet lays out differently, so no layout rests on :has()."""

from datetime import timedelta

import lxml.html
import pytest
from django.utils import timezone

from tests.agenda.helpers import publish_event
from tests.conftest import demo_page
from tests.helpers import text_without_style_sheet

pytestmark = pytest.mark.django_db


def agenda_items(client, agenda):
    html = lxml.html.fromstring(client.get(agenda.url).content.decode())
    return {
        item.xpath('string(.//*[@class="agenda-item__title"])').strip(): item
        for item in html.xpath('//li[contains(concat(" ", @class, " "), " agenda-item ")]')
    }


def test_only_dates_with_a_picture_get_the_pictures_column(client):
    agenda = demo_page("agenda", "en")
    soon = timezone.localdate() + timedelta(days=1)
    pictured = publish_event(
        agenda,
        title="Stargazing with a picture",
        start_date=soon,
        image=demo_page("space-atrium").image,
        image_alt_text="The atrium",
    )
    plain = publish_event(agenda, title="Stargazing without a picture", start_date=soon)
    items = agenda_items(client, agenda)
    assert "agenda-item--with-image" in items[pictured.title].get("class").split()
    assert items[plain.title].xpath('.//img[contains(@class, "agenda-item__image")]') == []
    assert "agenda-item--with-image" not in items[plain.title].get("class").split()


def test_a_phone_hides_the_calendars_empty_days_by_their_class(client):
    agenda = demo_page("agenda", "en")
    html = lxml.html.fromstring(client.get(agenda.url + "calendar/").content.decode())
    cells = html.xpath('//table[@class="agenda-calendar"]//td')
    empty = [cell for cell in cells if "agenda-calendar__cell--empty" in cell.get("class")]
    busy = [cell for cell in cells if cell.xpath(".//li")]
    assert busy, "the demo has dates this month"
    assert empty and all(not cell.xpath(".//li | .//a") for cell in empty)
    assert all("agenda-calendar__cell--empty" not in cell.get("class") for cell in busy)


def test_a_calendar_days_number_reads_apart_from_its_date_without_style_sheet(client):
    agenda = demo_page("agenda", "en")
    html = lxml.html.fromstring(client.get(agenda.url + "calendar/").content.decode())
    day = html.xpath('//time[@class="agenda-calendar__day"]')[0]
    number, *date_words = " ".join(text_without_style_sheet(day)).split()
    assert number.isdigit() and not date_words[0][0].isdigit()
