"""An event page lists its next dates and says how many more follow, so a weekly series does
not look as if it ended after the twelfth date."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from csti_cms.agenda.presentation import MAX_DATES
from tests.agenda.helpers import publish_event

pytestmark = pytest.mark.django_db


def next_wednesday():
    day = timezone.localdate() + timedelta(days=7)
    return day + timedelta(days=(2 - day.weekday()) % 7)


def test_a_long_series_says_how_many_more_dates_follow(client):
    page = publish_event(start_date=next_wednesday(), recurrence="FREQ=WEEKLY;BYDAY=WE;COUNT=20")
    response = client.get(page.url)
    assert len(response.context["upcoming_dates"]) == MAX_DATES
    assert response.context["more_dates"] == 20 - MAX_DATES
    with translation.override("fr"):
        assert (
            'Et 8 autres dates. <a href="{}">Voir les 20 prochaines dates</a>'.format(
                page.url + "dates/"
            )
            in response.content.decode()
        )


def test_one_more_date_is_said_in_the_singular(client):
    count = MAX_DATES + 1
    page = publish_event(
        start_date=next_wednesday(), recurrence=f"FREQ=WEEKLY;BYDAY=WE;COUNT={count}"
    )
    assert client.get(page.url).context["more_dates"] == 1


def test_a_short_series_says_nothing_more(client):
    page = publish_event(
        start_date=next_wednesday(), recurrence=f"FREQ=WEEKLY;BYDAY=WE;COUNT={MAX_DATES}"
    )
    response = client.get(page.url)
    assert len(response.context["upcoming_dates"]) == MAX_DATES
    assert response.context["more_dates"] == 0
    assert "event-dates__more" not in response.content.decode()
