"""The agenda page in every language: dates, filters without JavaScript, calendar, archive, JSON."""

import json
import re
from datetime import date, time, timedelta
from urllib.parse import parse_qs

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from freezegun import freeze_time
from wagtail.models import Page, PageViewRestriction, Site

from csti_cms.agenda.models import (
    AgendaPage,
    EventCategory,
    EventPage,
    Occurrence,
    OccurrenceChange,
)
from csti_cms.core.models import HomePage
from tests.agenda.helpers import json_ld, publish_event
from tests.conftest import LANGUAGES, demo_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_lists_upcoming_dates_and_advertises_its_feeds(client, language):
    agenda = demo_page("agenda", language)
    response = client.get(agenda.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    title = agenda.title.replace("'", "&#x27;")
    assert f'type="text/calendar" title="{title} (iCalendar)" href="http://' in html
    assert 'rel="alternate" type="application/json"' in html
    for key in ("little-chemists", "family-sunday", "science-festival", "museum-night"):
        assert demo_page(key, language).title.replace("'", "&#x27;") in html, key
    assert "webcal://" in html


def test_demo_agenda_has_every_kind_of_event():
    events = {
        key: demo_page(key)
        for key in (
            "little-chemists",
            "family-sunday",
            "science-festival",
            "museum-night",
            "climate-talk",
            "teachers-webinar",
            "stargazing",
        )
    }
    assert events["little-chemists"].recurrence == "FREQ=WEEKLY;BYDAY=WE"
    assert events["family-sunday"].recurrence == "FREQ=MONTHLY;BYDAY=1SU"
    festival = events["science-festival"]
    assert festival.all_day and (festival.end_date - festival.start_date).days == 2
    assert events["climate-talk"].status == "cancelled"
    assert events["teachers-webinar"].attendance_mode == "online"
    assert events["stargazing"].venue is None and events["stargazing"].latitude
    statuses = set(events["little-chemists"].occurrences.values_list("status", flat=True))
    assert {"cancelled", "rescheduled", "scheduled"} <= statuses
    for language in LANGUAGES:
        page = demo_page("little-chemists", language)
        assert page.occurrences.filter(end__gt=timezone.now()).count() > 20, language


def titles(client, url):
    html = client.get(url).content.decode()
    return {page.title for page in EventPage.objects.all() if page.title in html}


@freeze_time("2026-06-03 09:00:00")  # a Wednesday
def test_filters_work_as_plain_links(client):
    agenda = demo_page("agenda")
    today = publish_event(
        title="Atelier du jour",
        start_date=date(2026, 6, 3),
        start_time=time(15),
        end_time=time(16),
        for_visitors=True,
        is_free=True,
        age_min=6,
        age_max=12,
    )
    weekend = publish_event(
        title="Spectacle du samedi",
        start_date=date(2026, 6, 6),
        for_schools=True,
        price="5.00",
        age_min=14,
    )
    later = publish_event(title="Conférence de juillet", start_date=date(2026, 7, 2))
    url = agenda.url

    assert {today.title, weekend.title} <= titles(client, url + "?when=today") | {weekend.title}
    assert weekend.title not in titles(client, url + "?when=today")
    assert titles(client, url + "?when=weekend") >= {weekend.title}
    # "Today" chosen after a search between two dates the form still shows: today's dates.
    leftover = "&start=2026-07-01&end=2026-07-31"
    assert titles(client, url + "?when=today" + leftover) == titles(client, url + "?when=today")
    assert later.title in titles(client, url + "?when=dates" + leftover)
    assert today.title not in titles(client, url + "?when=weekend")
    assert later.title not in titles(client, url + "?when=month")
    assert later.title in titles(client, url + "?start=2026-07-01&end=2026-07-31")
    assert titles(client, url + "?audience=schools") >= {weekend.title}
    assert today.title not in titles(client, url + "?audience=schools")
    assert today.title in titles(client, url + "?free=on")
    assert weekend.title not in titles(client, url + "?free=on")
    assert today.title in titles(client, url + "?age=8")
    assert weekend.title not in titles(client, url + "?age=8")
    assert titles(client, url + "?q=spectacle+samedi") == {weekend.title}
    # A wrong value is reported and ignored, never an error page.
    response = client.get(url + "?age=old&start=yesterday")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    # Dates the wrong way round: the visitor is told, and the start still applies.
    reversed_dates = client.get(url + "?start=2026-07-01&end=2026-06-01").content.decode()
    assert "La date de fin précède la date de début." in reversed_dates
    assert titles(client, url + "?start=2026-07-01&end=2026-06-01") == titles(
        client, url + "?start=2026-07-01"
    )
    assert today.title not in titles(client, url + "?start=2026-07-01&end=2026-06-01")


def test_category_filter_works_in_every_language(client):
    for language in LANGUAGES:
        agenda = demo_page("agenda", language)
        category = demo_page("little-chemists", language).categories.first()
        found = titles(client, f"{agenda.url}?category={category.slug}")
        if language == "fr":
            assert demo_page("little-chemists", language).title in found
        html = client.get(agenda.url).content.decode()
        assert f'value="{category.slug}"' in html or language != "fr"
    nl = demo_page("agenda", "nl")
    html = client.get(f"{nl.url}?category=workshops").content.decode()
    assert demo_page("little-chemists", "nl").title in html
    assert demo_page("museum-night", "nl").title not in html


def test_pagination_keeps_the_filters(client):
    agenda = demo_page("agenda")
    html = client.get(agenda.url + "?audience=visitors").content.decode()
    assert 'rel="next" href="?audience=visitors&amp;page=2"' in html
    assert client.get(agenda.url + "?audience=visitors&page=2").status_code == 200
    assert client.get(agenda.url + "?page=999").status_code == 200


def test_calendar_month_and_archive(client):
    agenda = demo_page("agenda", "en")
    today = timezone.localdate()
    response = client.get(agenda.url + "calendar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>" in html and 'aria-current="date"' in html
    assert demo_page("little-chemists", "en").title.replace("'", "&#x27;") in html
    assert client.get(agenda.url + f"calendar/{today.year}/13/").status_code == 404
    archive = client.get(agenda.url + "archive/").content.decode()
    assert demo_page("little-chemists", "en").title.replace("'", "&#x27;") in archive


def test_event_pages_render_in_every_language_with_structured_data(client):
    for language in LANGUAGES:
        page = demo_page("museum-night", language)
        html = client.get(page.url).content.decode()
        assert f'<html lang="{language}">' in html
        (item,) = json_ld(html)
        assert item["offers"]["price"] == "12.00" and item["offers"]["priceCurrency"] == "EUR"
        assert item["image"][0].startswith("http")
        assert item["location"]["address"]["postalCode"] == "5000"
        assert item["organizer"]["name"] == "Curiosa"
        assert item["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    webinar = json_ld(client.get(demo_page("teachers-webinar", "nl").url).content.decode())[0]
    assert webinar["location"]["@type"] == "VirtualLocation"


def test_unpublishing_removes_dates_and_republishing_brings_them_back():
    page = demo_page("museum-night")
    assert page.occurrences.exists()
    page.unpublish()
    assert not Occurrence.objects.filter(page=page).exists()
    page.get_latest_revision().publish()
    assert Occurrence.objects.filter(page=page).count() == 1


def test_events_only_live_under_an_agenda_and_agendas_under_home():
    assert EventPage.parent_page_types == ["csti_agenda.AgendaPage"]
    assert AgendaPage.can_create_at(demo_page("home")) is False  # one agenda per home
    assert AgendaPage in demo_page("home").specific_class.clean_subpage_models()


def test_validation_speaks_to_editors():
    from django.core.exceptions import ValidationError

    page = EventPage(
        title="x",
        slug="x",
        start_date=date(2026, 1, 2),
        start_time=time(10),
        recurrence="FREQ=SECONDLY",
        attendance_mode="mixed",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"end_time", "recurrence", "venue", "online_url"}


def map_markers(html):
    match = re.search(
        r'<script id="agenda-map-points" type="application/json">(.*?)</script>', html
    )
    return json.loads(match.group(1)) if match else []


def map_points(html):
    """Every event on the map, with the position of the marker that lists it."""
    return [
        {**event, "lat": marker["lat"], "lon": marker["lon"]}
        for marker in map_markers(html)
        for event in marker["events"]
    ]


def test_the_map_shows_each_placed_event_once_at_its_next_date(client):
    agenda = demo_page("agenda", "nl")
    soon = timezone.localdate() + timedelta(days=3)
    event = publish_event(
        agenda, title="Sterrenkijken op het dak", start_date=soon, recurrence="FREQ=DAILY;COUNT=5"
    )
    points = map_points(client.get(agenda.url).content.decode())
    mine = [point for point in points if point["title"] == event.title]
    assert len(mine) == 1, "once, whatever its number of dates"
    with translation.override("nl"):
        assert mine[0]["when"] == date_format(soon, "j F")
    assert mine[0]["url"] == f"{agenda.url}{event.slug}/"
    assert (mine[0]["place"], mine[0]["lat"]) == ("Salle des essais", 50.46)
    chemists = next(p for p in points if p["title"] == demo_page("little-chemists", "nl").title)
    assert chemists["place"] == "Het Labo", "a venue is named in the visitor's language"
    titles = {point["title"] for point in points}
    assert demo_page("teachers-webinar", "nl").title not in titles, "online: not on the map"


def test_an_event_restricted_to_some_visitors_leaves_the_agenda_at_once(client):
    agenda = demo_page("agenda", "fr")
    event = publish_event(
        title="Visite réservée aux membres", start_date=timezone.localdate() + timedelta(days=2)
    )
    assert event.title in client.get(agenda.url).content.decode()
    PageViewRestriction.objects.create(page=event, restriction_type="password", password="x")
    html = client.get(agenda.url).content.decode()
    assert event.title not in html
    assert event.title not in {point["title"] for point in map_points(html)}
    titles = [e["title"] for e in client.get(agenda.url + "json/?page_size=100").json()["results"]]
    assert event.title not in titles


# JSON ---------------------------------------------------------------------------------


def test_json_endpoint_lists_events_with_their_dates(client):
    agenda = demo_page("agenda", "nl")
    response = client.get(agenda.url + "json/?page_size=3")
    assert response.status_code == 200
    data = response.json()
    assert data["language"] == "nl" and data["time_zone"] == "Europe/Brussels"
    # The agenda's live, public events with a date not over yet.
    upcoming = (
        EventPage.objects.live()
        .public()
        .descendant_of(agenda)
        .filter(occurrences__end__gt=timezone.now())
        .distinct()
        .count()
    )
    assert upcoming > 3, "the demo fills more than one page of three"
    assert data["count"] == upcoming and data["pages"] == -(-upcoming // 3)
    assert len(data["results"]) == 3
    assert data["next"].endswith("json/?page_size=3&page=2")
    event = next(
        e
        for e in client.get(agenda.url + "json/?page_size=100").json()["results"]
        if e["title"] == demo_page("little-chemists", "nl").title
    )
    assert set(event["translations"]) == {"fr", "en"}
    assert event["categories"][0]["name"] == "Workshops"
    assert event["location"]["name"] == "Het Labo"
    assert event["audiences"] == ["visitors"]
    first = event["occurrences"][0]
    assert first["start"].endswith("Z") and first["start_local"][-6:] in {"+01:00", "+02:00"}
    assert {o["status"] for o in event["occurrences"]} >= {"cancelled", "rescheduled"}
    assert client.get(agenda.url + "json/?page=99").status_code == 400
    assert client.get(agenda.url + "json/?updated_since=yesterday").status_code == 400


def test_json_lists_the_first_hundred_dates_of_an_event(client):
    agenda = demo_page("agenda", "fr")
    first = timezone.localdate() + timedelta(days=1)
    event = publish_event(
        title="Atelier quotidien", start_date=first, recurrence="FREQ=DAILY;COUNT=150"
    )
    results = client.get(agenda.url + "json/?page_size=100&q=quotidien").json()["results"]
    dates = next(e for e in results if e["page_id"] == event.pk)["occurrences"]
    assert len(dates) == 100
    assert dates[0]["start_local"].startswith(first.isoformat())
    assert dates[-1]["start_local"].startswith((first + timedelta(days=99)).isoformat())


def test_json_updated_since_gives_what_changed(client):
    agenda = demo_page("agenda")
    since = timezone.now()
    url = agenda.url + "json/?updated_since=" + since.isoformat().replace("+", "%2B")
    assert client.get(url).json()["count"] == 0
    page = demo_page("museum-night")
    page.title = "Nuit au musée (complet)"
    page.save_revision().publish()
    data = client.get(url).json()
    assert [e["title"] for e in data["results"]] == ["Nuit au musée (complet)"]
    assert data["results"][0]["updated"] >= since.isoformat()[:19]
    day = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert client.get(agenda.url + f"json/?updated_since={day}").json()["count"] >= 1


def test_each_centre_s_agenda_offers_only_the_categories_of_its_own_events(client):
    """Categories are shared by the sites of an install; filters are not."""
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Autre centre", slug="autre-centre", locale=demo_page("home").locale
        )
    )
    Site.objects.create(hostname="autre-centre.test", root_page=other_home)
    other_agenda = other_home.add_child(instance=AgendaPage(title="Agenda", slug="agenda"))
    festival = EventCategory.objects.create(
        name="Festival des sciences", slug="festival-des-sciences", locale=other_home.locale
    )
    publish_event(agenda=other_agenda, categories=[festival])
    ours = demo_page("agenda", "fr")
    our_category = demo_page("little-chemists", "fr").categories.first()

    html = client.get(ours.url).content.decode()
    assert f'value="{our_category.slug}"' in html
    assert 'value="festival-des-sciences"' not in html
    theirs = client.get("/fr/agenda/", HTTP_HOST="autre-centre.test").content.decode()
    assert 'value="festival-des-sciences"' in theirs
    assert f'value="{our_category.slug}"' not in theirs


# Map, keywords and languages on the agenda's own routes ---------------------------------


def test_the_map_shows_the_next_date_that_takes_place_and_skips_cancelled_events(client):
    agenda = demo_page("agenda", "fr")
    soon = timezone.localdate() + timedelta(days=2)
    workshop = publish_event(
        title="Atelier des fusées",
        start_date=soon,
        recurrence="FREQ=DAILY;COUNT=3",
        occurrence_changes=[OccurrenceChange(original_date=soon, status="cancelled")],
    )
    talk = publish_event(title="Conférence annulée", start_date=soon, status="cancelled")
    events = {
        event["title"]: event for event in map_points(client.get(agenda.url).content.decode())
    }
    with translation.override("fr"):
        assert events[workshop.title]["when"] == date_format(soon + timedelta(days=1), "j F")
    assert talk.title not in events, "no date of it takes place: nothing to go to"
    cancelled_talk = demo_page("climate-talk", "fr")
    assert cancelled_talk.title not in events


def test_events_at_the_same_place_share_one_marker_that_lists_them_all(client):
    agenda = demo_page("agenda", "fr")
    soon = timezone.localdate() + timedelta(days=2)
    first = publish_event(title="Robots en folie", start_date=soon)
    second = publish_event(title="Volcans en bouteille", start_date=soon + timedelta(days=1))
    markers = map_markers(client.get(agenda.url).content.decode())
    positions = [(marker["lat"], marker["lon"]) for marker in markers]
    assert len(positions) == len(set(positions)), "one marker per place"
    ours = next(marker for marker in markers if (marker["lat"], marker["lon"]) == (50.46, 4.86))
    assert [event["title"] for event in ours["events"]] == [first.title, second.title]
    venue_marker = next(m for m in markers if any(e["place"] == "Le Labo" for e in m["events"]))
    assert len(venue_marker["events"]) > 1, "the demo's events at the centre share its marker"


@pytest.mark.parametrize(
    ("title", "typed"),
    [
        ("La nuit des étoiles filantes", "etoiles"),
        ("Atelier Energie solaire", "ÉNERGIE"),
        ("Cœur de comète", "COMETE"),
    ],
)
def test_the_keyword_filter_ignores_accents_and_case(client, title, typed):
    agenda = demo_page("agenda", "fr")
    event = publish_event(title=title, start_date=timezone.localdate() + timedelta(days=2))
    html = client.get(agenda.url, {"q": typed}).content.decode()
    assert event.title.replace("'", "&#x27;") in html
    assert demo_page("little-chemists", "fr").title not in html


def test_the_keyword_filter_finds_an_event_by_its_venues_new_name(client):
    agenda = demo_page("agenda", "fr")
    workshop = demo_page("little-chemists", "fr")
    venue = workshop.venue
    venue.name = "Salle Éole"
    venue.save()
    html = client.get(agenda.url, {"q": "eole"}).content.decode()
    assert workshop.title.replace("'", "&#x27;") in html


def switcher_links(html):
    """The language switcher's addresses and the hreflang alternates, by language."""
    switcher = re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', html)
    alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', html)
    return {code: url for url, code in switcher}, dict(alternates)


def test_switching_language_on_a_calendar_month_stays_on_that_month(client):
    french = demo_page("agenda", "fr")
    html = client.get(f"{french.url}calendrier/2027/1/").content.decode()
    switcher, alternates = switcher_links(html)
    for language, calendar in (("nl", "kalender"), ("en", "calendar")):
        month = f"{demo_page('agenda', language).url}{calendar}/2027/1/"
        assert switcher[language] == month
        assert alternates[language] == f"http://testserver{month}"
        assert client.get(month).status_code == 200
    archive = client.get(f"{french.url}archives/").content.decode()
    assert switcher_links(archive)[0]["nl"] == f"{demo_page('agenda', 'nl').url}archief/"


def test_switching_language_keeps_the_filters_with_the_categorys_own_slug(client):
    french = demo_page("agenda", "fr")
    html = client.get(french.url, {"category": "conferences", "q": "climat", "page": "2"})
    switcher, _alternates = switcher_links(html.content.decode().replace("&amp;", "&"))
    dutch = switcher["nl"]
    assert dutch.startswith(demo_page("agenda", "nl").url + "?")
    assert parse_qs(dutch.split("?", 1)[1]) == {"category": ["lezingen"], "q": ["climat"]}
    english = parse_qs(switcher["en"].split("?", 1)[1])
    assert english["category"] == ["talks"]


def test_a_category_the_other_agenda_does_not_offer_is_left_out_of_the_switch(client):
    french = demo_page("agenda", "fr")
    local = EventCategory.objects.create(
        name="Spécial Namur", slug="special-namur", locale=french.locale
    )
    publish_event(start_date=timezone.localdate() + timedelta(days=2), categories=[local])
    html = client.get(french.url, {"category": "special-namur", "free": "on"}).content.decode()
    switcher, _alternates = switcher_links(html.replace("&amp;", "&"))
    assert switcher["nl"] == demo_page("agenda", "nl").url + "?free=on"


def test_the_free_only_box_has_no_colon_after_its_label(client):
    """The label follows the box: "[ ] Free only", not "[ ] Free only:"."""
    html = client.get(demo_page("agenda", "en").url).content.decode()
    label = html.split('for="id_free"')[1].split("</label>")[0]
    assert label.endswith(">Free only"), label
