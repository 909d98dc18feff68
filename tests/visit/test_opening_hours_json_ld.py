"""Search engines read the centre's hours from its home page: the week, seasons and closures.

They are the ``location`` of the centre's ``Organization`` (schema.org gives hours to a
place), with the dates each season and closure holds, for the coming months only.
"""

import json
from datetime import date

import pytest
from freezegun import freeze_time
from wagtail.models import Site

from csti_cms.core.models import ContactSettings
from csti_cms.visit.models import ClosureReason, OpeningHours
from tests.conftest import LANGUAGES

from .helpers import SPRING_HOLIDAYS, replace_opening_hours

pytestmark = pytest.mark.django_db

EVERY_DAY = [
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
]
STEM_DAY = {"start_date": date(2026, 4, 9), "reason": ClosureReason.SCHOOL_GROUPS}
#: Further away than the data looks (120 days from 10 March 2026).
AUTUMN_MAINTENANCE = {"start_date": date(2026, 9, 1), "end_date": date(2026, 9, 6)}
SUMMER_MAINTENANCE = {"start_date": date(2026, 7, 1), "end_date": date(2026, 7, 3)}
WINTER_HOLIDAYS = {**SPRING_HOLIDAYS, "start_date": date(2026, 2, 14), "end_date": date(2026, 3, 1)}


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


def organisation(client, language="fr"):
    html = client.get(f"/{language}/").content.decode()
    scripts = html.split('<script type="application/ld+json">')[1:]
    data = [json.loads(script.split("</script>")[0]) for script in scripts]
    return next(item for item in data if item["@type"] == "Organization")


def hours_of(client, language="fr"):
    return organisation(client, language)["location"]["openingHoursSpecification"]


@freeze_time("2026-03-10 09:00")
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_tells_the_week_seasons_and_closures_ahead(client, site, language):
    replace_opening_hours(
        site,
        periods=[WINTER_HOLIDAYS, SPRING_HOLIDAYS],
        closures=[STEM_DAY, SUMMER_MAINTENANCE, AUTUMN_MAINTENANCE],
    )
    place = organisation(client, language)["location"]
    assert place["@type"] == "Place" and place["address"]["addressLocality"]
    assert place["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "09:30",
            "closes": "17:00",
            "dayOfWeek": EVERY_DAY[1:5],
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "10:00",
            "closes": "18:00",
            "dayOfWeek": EVERY_DAY[5:],
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "10:00",
            "closes": "18:00",
            "validFrom": "2026-04-06",
            "validThrough": "2026-04-19",
            "dayOfWeek": EVERY_DAY,
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2026-04-09",
            "validThrough": "2026-04-09",
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2026-07-01",
            "validThrough": "2026-07-03",
        },
    ], "Mondays closed; the winter holidays are over; September is too far ahead"


@freeze_time("2026-04-10 09:00")
def test_a_season_or_closure_underway_holds_from_today(client, site):
    replace_opening_hours(
        site,
        periods=[SPRING_HOLIDAYS],
        closures=[{"start_date": date(2026, 4, 8), "end_date": date(2026, 4, 12)}],
    )
    dated = [(item["validFrom"], item["validThrough"]) for item in hours_of(client)[2:]]
    assert dated == [("2026-04-10", "2026-04-19"), ("2026-04-10", "2026-04-12")]


def test_without_opening_hours_the_centre_has_no_place_with_hours(client, site):
    OpeningHours.objects.filter(site=site).delete()
    assert "location" not in organisation(client)


def test_without_an_address_the_hours_are_not_given_to_a_place_nowhere(client, site):
    """Search engines refuse a place without an address: better no hours than an error."""
    replace_opening_hours(site)
    contact = ContactSettings.for_site(site)
    contact.street_address = contact.postal_code = contact.locality = ""
    contact.save()
    assert "location" not in organisation(client)


def test_new_hours_reach_the_data_at_once(client, site):
    replace_opening_hours(site)
    assert hours_of(client)[0]["opens"] == "09:30"
    hours = OpeningHours.objects.get(site=site)
    for day in ("tuesday", "wednesday", "thursday", "friday"):
        setattr(hours, f"{day}_opens", hours.saturday_opens)
    hours.save()
    assert hours_of(client)[0]["opens"] == "10:00"


@freeze_time("2026-03-10 09:00")
def test_a_season_says_which_days_it_closes(client, site):
    """The regular week's items hold all year: a season closing Mondays must say so."""
    tuesdays_only = {
        "start_date": date(2026, 4, 6),
        "end_date": date(2026, 4, 19),
        "tuesday_opens": SPRING_HOLIDAYS["tuesday_opens"],
        "tuesday_closes": SPRING_HOLIDAYS["tuesday_closes"],
    }
    replace_opening_hours(site, periods=[tuesdays_only])
    season = [item for item in hours_of(client) if item.get("validFrom") == "2026-04-06"]
    assert season == [
        {
            "@type": "OpeningHoursSpecification",
            "opens": "00:00",
            "closes": "00:00",
            "validFrom": "2026-04-06",
            "validThrough": "2026-04-19",
            "dayOfWeek": [EVERY_DAY[0], *EVERY_DAY[2:]],
        },
        {
            "@type": "OpeningHoursSpecification",
            "opens": "10:00",
            "closes": "18:00",
            "validFrom": "2026-04-06",
            "validThrough": "2026-04-19",
            "dayOfWeek": [EVERY_DAY[1]],
        },
    ]
