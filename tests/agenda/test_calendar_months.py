"""The month calendar links only to months on the way to a date: no endless empty months.

Its months used to link to the next and previous ones from 1901 to 2999, so a crawler (or a
curious visitor) could page through centuries of empty months. A month now offers
"Next month" only when the agenda has a date after it, "Previous month" only when it has
one before it, with the visitor's filters; an empty month still answers, says so, and
leads back to the current month.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Max, Min
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from csti_cms.agenda.models import Occurrence
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

NOTHING_PLANNED = "No event is planned this month."
BACK = "Back to the current month"


def month_after(day, months=1):
    for _ in range(months):
        day = (day.replace(day=1) + timedelta(days=31)).replace(day=1)
    return day.replace(day=1)


def month_before(day):
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)


def calendar_html(client, agenda, month, query=""):
    url = f"{agenda.url}calendar/{month.year}/{month.month}/" + (f"?{query}" if query else "")
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def agenda_span(agenda):
    """The local days of the agenda's first start and last end."""
    span = Occurrence.objects.filter(page__path__startswith=agenda.path).aggregate(
        first=Min("start"), last=Max("end")
    )
    return timezone.localtime(span["first"]).date(), timezone.localtime(span["last"]).date()


def test_no_month_links_beyond_the_agendas_first_and_last_dates(client):
    agenda = demo_page("agenda", "en")
    publish_event(agenda=agenda, start_date=timezone.localdate() + timedelta(days=70))
    first, last = agenda_span(agenda)

    after = month_after(last)
    html = calendar_html(client, agenda, after)
    assert 'rel="next"' not in html
    assert f'rel="prev" href="{agenda.url}calendar/{last.year}/{last.month}/"' in html
    assert '<meta name="robots" content="noindex, follow">' in html
    assert NOTHING_PLANNED in html
    assert f'<a href="{agenda.url}calendar/">{BACK}</a>' in html
    # Months further on still answer, for links people kept, and lead back too.
    far = calendar_html(client, agenda, date(2999, 12, 1))
    assert 'rel="next"' not in far and NOTHING_PLANNED in far and BACK in far

    before = month_before(first)
    html = calendar_html(client, agenda, before)
    assert 'rel="prev"' not in html
    assert f'rel="next" href="{agenda.url}calendar/{first.year}/{first.month}/"' in html
    assert NOTHING_PLANNED in html

    last_month = calendar_html(client, agenda, last)
    assert 'rel="next"' not in last_month and 'rel="prev"' in last_month
    assert NOTHING_PLANNED not in last_month


def test_the_current_month_leads_to_the_next_when_later_dates_exist(client):
    agenda = demo_page("agenda", "en")
    today = timezone.localdate()
    publish_event(agenda=agenda, start_date=today + timedelta(days=70))
    html = client.get(f"{agenda.url}calendar/").content.decode()
    following = month_after(today)
    assert f'rel="next" href="{agenda.url}calendar/{following.year}/{following.month}/"' in html
    assert BACK not in html


def test_month_links_follow_the_visitors_filters(client):
    agenda = demo_page("agenda", "en")
    today = timezone.localdate()
    in_three_months = month_after(today, 3)
    publish_event(agenda=agenda, title="Planétarium nomade", start_date=in_three_months)
    query = "q=nomade"

    current = calendar_html(client, agenda, today.replace(day=1), query)
    following = month_after(today)
    expected = f'rel="next" href="{agenda.url}calendar/{following.year}/{following.month}/?{query}"'
    assert expected in current
    assert 'rel="prev"' not in current, "no matching event before this month"

    html = calendar_html(client, agenda, in_three_months, query)
    assert "Planétarium nomade" in html
    assert 'rel="next"' not in html and 'rel="prev"' not in html, "its only matching date"

    empty = calendar_html(client, agenda, month_after(today, 4), query)
    assert "No dates match your choice." in empty
    assert f'<a href="{agenda.url}calendar/?{query}">{BACK}</a>' in empty
    assert f'<a href="{agenda.url}calendar/?{query}">This month</a>' in empty


def test_month_links_cost_the_same_queries_for_an_empty_or_a_full_month(client):
    agenda = demo_page("agenda", "en")
    _first, last = agenda_span(agenda)
    counts = []
    for month in (last, month_after(last, 6)):
        url = f"{agenda.url}calendar/{month.year}/{month.month}/"
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
