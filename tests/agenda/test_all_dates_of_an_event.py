"""A long series lists every upcoming date on a page of its own, month by month: a teacher
looking for a date in May finds it without a calendar program."""

import re
from datetime import date, time

import pytest
from freezegun import freeze_time
from wagtail.models import Locale

from csti_cms.agenda.models import EventPage, OccurrenceChange
from csti_cms.agenda.presentation import DATES_PER_PAGE, MAX_DATES
from tests.agenda.helpers import publish_event
from tests.conftest import LANGUAGES, demo_page
from tests.core.helpers import absolute, head_links

pytestmark = pytest.mark.django_db

#: Five Wednesdays of December 2026 are past; the 52 of 2027 are ahead.
PAST_DATES, UPCOMING_DATES = 5, 52
#: The most queries the list may take, caches warm (site, menu, settings, translations).
QUERY_BOUND = 10
MONTHS = {
    "fr": ["Janvier 2027", "Mai 2027", "Décembre 2027"],
    "nl": ["Januari 2027", "Mei 2027", "December 2027"],
    "en": ["January 2027", "May 2027", "December 2027"],
}


@pytest.fixture(autouse=True)
def monday_4_january_2027():
    with freeze_time("2027-01-04 09:00:00"):
        yield


def weekly_workshop(count=PAST_DATES + UPCOMING_DATES):
    """Wednesday workshops from 2 December 2026, on the English agenda: the 12 May 2027 one
    cancelled, the 19 May one full."""
    return publish_event(
        agenda=demo_page("agenda", "en"),
        title="Little chemists",
        start_date=date(2026, 12, 2),
        start_time=time(14),
        end_time=time(15, 30),
        recurrence=f"FREQ=WEEKLY;COUNT={count}",
        occurrence_changes=[
            OccurrenceChange(original_date=date(2027, 5, 12), status="cancelled"),
            OccurrenceChange(original_date=date(2027, 5, 19), status="full"),
        ],
    )


def translated(event):
    """``event`` in each language, its translations published."""
    versions = {"en": event}
    for language in ("fr", "nl"):
        copy = event.copy_for_translation(Locale.objects.get(language_code=language))
        copy.save_revision().publish()
        versions[language] = EventPage.objects.get(pk=copy.pk)
    return versions


def dates_url(event, number=None):
    url = event.url + event.reverse_subpage("dates")
    return f"{url}?page={number}" if number else url


def listed(html):
    """The ``datetime`` of each date listed, in order."""
    return re.findall(r'<li(?: class="is-cancelled")?>\s*<time datetime="([^"]+)"', html)


def test_the_event_page_links_to_all_its_dates_when_it_lists_only_some(client):
    event = weekly_workshop()
    html = client.get(event.url).content.decode()
    assert len(listed(html)) == MAX_DATES
    assert f'<a href="{dates_url(event)}">See all {UPCOMING_DATES} upcoming dates</a>' in html


def test_an_event_whose_dates_all_show_has_no_such_link(client):
    event = weekly_workshop(count=PAST_DATES + MAX_DATES)
    html = client.get(event.url).content.decode()
    assert len(listed(html)) == MAX_DATES
    assert dates_url(event) not in html


def test_the_list_shows_the_upcoming_dates_only_with_their_times_and_states(client):
    event = weekly_workshop()
    first = client.get(dates_url(event)).content.decode()
    second = client.get(dates_url(event, 2)).content.decode()
    dates = listed(first) + listed(second)
    assert len(listed(first)) == DATES_PER_PAGE
    assert len(dates) == UPCOMING_DATES
    assert dates[0] == "2027-01-06T14:00:00+01:00"
    assert dates[-1] == "2027-12-29T14:00:00+01:00"
    assert "Wednesday 6 January, 14:00–15:30" in first
    may = first.split("May 2027")[1].split("June 2027")[0]
    assert '<li class="is-cancelled">' in may
    assert '<strong class="status status--cancelled">Cancelled</strong>' in may
    assert '<strong class="status status--full">Full</strong>' in may


def test_the_list_is_grouped_by_month_in_each_language(client):
    versions = translated(weekly_workshop())
    for language, (january, may, december) in MONTHS.items():
        event = versions[language]
        html = client.get(dates_url(event)).content.decode()
        headings = re.findall(
            r'<h2 class="event-dates__month"><time datetime="[\d-]+">([^<]+)<', html
        )
        assert len(headings) == 12, language
        assert headings[0] == january
        assert may in headings
        assert december in client.get(dates_url(event, 2)).content.decode()


def test_the_list_names_the_event_for_visitors_and_search_engines(client):
    versions = translated(weekly_workshop())
    event = versions["en"]
    links = head_links(client, dates_url(event))
    html = links["html"]
    assert "<title>Upcoming dates: Little chemists · " in html
    assert "<h1>Upcoming dates: Little chemists</h1>" in html
    assert f'<li><a href="{event.url}">Little chemists</a></li>' in html
    assert (
        '<meta name="description" content="All the upcoming dates of Little chemists, '
        'month by month, with their times.">'
    ) in html
    assert links["canonical"] == absolute(dates_url(event))
    assert links["alternates"] == {
        **{language: absolute(dates_url(versions[language])) for language in LANGUAGES},
        "x-default": absolute(dates_url(versions["fr"])),
    }


def test_the_event_page_keeps_its_own_description(client):
    event = weekly_workshop()
    client.get(dates_url(event))
    html = client.get(event.url).content.decode()
    assert f'<meta name="description" content="{event.introduction}">' in html


def test_only_the_first_page_is_offered_to_search_engines(client):
    event = weekly_workshop()
    assert "noindex" not in client.get(dates_url(event)).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in (
        client.get(dates_url(event, 2)).content.decode()
    )


def test_the_list_is_not_in_the_sitemap(client):
    event = weekly_workshop()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{event.url}</loc>" in sitemap
    assert event.url + event.reverse_subpage("dates") not in sitemap


@pytest.mark.parametrize("number", ["abc", "0", "-1", "3", "999999999999999999999999", "1.5"])
def test_a_page_number_out_of_reach_shows_a_page_of_dates(client, number):
    event = weekly_workshop()
    response = client.get(dates_url(event, number))
    assert response.status_code == 200
    assert response.context["page_of_dates"].number in (1, 2)
    assert listed(response.content.decode())


def test_the_queries_do_not_grow_with_the_number_of_dates(client, django_assert_max_num_queries):
    short = weekly_workshop(count=PAST_DATES + MAX_DATES + 1)
    long = weekly_workshop(count=PAST_DATES + UPCOMING_DATES)
    for event in (short, long):
        client.get(dates_url(event))  # warm the site's caches, as in production
    with django_assert_max_num_queries(QUERY_BOUND):
        assert len(listed(client.get(dates_url(short)).content.decode())) == MAX_DATES + 1
    with django_assert_max_num_queries(QUERY_BOUND):
        assert len(listed(client.get(dates_url(long)).content.decode())) == DATES_PER_PAGE
