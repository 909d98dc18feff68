"""Events, exhibitions and school activities take, check, filter and show ages one way.

An open bound means no limit: a workshop "from 6" suits an 8-year-old, and so does an
exhibition "up to 10" or one that gives no age at all.
"""

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation
from freezegun import freeze_time

from csti_cms.agenda.models import EventPage
from csti_cms.schools.models import SchoolActivityPage
from csti_cms.visit.models import ExhibitionPage
from tests.agenda.helpers import publish_event
from tests.conftest import demo_page
from tests.visit.helpers import listed

pytestmark = pytest.mark.django_db

PLAIN_LIMIT = "Give an age in years, at most 99."
OPEN_RANGES = [(6, None), (None, 10), (None, None), (8, 8)]


@pytest.mark.parametrize("page_type", [EventPage, ExhibitionPage, SchoolActivityPage])
@pytest.mark.parametrize("field", ["age_min", "age_max"])
def test_an_age_of_250_is_refused_in_plain_words(page_type, field):
    page = page_type(title="Pour les centenaires", slug="centenaires", **{field: 250})
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict[field] == [PLAIN_LIMIT]


@pytest.mark.parametrize("page_type", [EventPage, ExhibitionPage, SchoolActivityPage])
def test_ages_the_wrong_way_round_are_refused(page_type):
    page = page_type(title="À l'envers", slug="a-l-envers", age_min=12, age_max=6)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["age_max"] == ["The maximum age cannot be below the minimum."]


@pytest.mark.parametrize("page_type", [EventPage, ExhibitionPage])
def test_every_demo_page_keeps_ages_within_the_bounds(page_type):
    pages = page_type.objects.all()
    assert pages.exists()
    for page in pages:
        assert page.age_min is None or page.age_min <= 99, page.title
        assert page.age_max is None or page.age_max <= 99, page.title
        assert not page.age_range_errors(), page.title


@freeze_time("2026-03-01 09:00:00")
def test_the_agenda_finds_events_with_open_ranges_for_a_child_of_8(client):
    suited = [
        publish_event(title=f"Atelier ouvert {low}-{high}", age_min=low, age_max=high)
        for low, high in OPEN_RANGES
    ]
    too_old = publish_event(title="Conférence pour les grands", age_min=14)
    html = client.get(demo_page("agenda").url, {"age": "8"}).content.decode()
    assert all(event.title in html for event in suited)
    assert too_old.title not in html


def test_the_exhibitions_filter_finds_open_ranges_for_a_child_of_8(client):
    index = demo_page("exhibitions", "en")
    for low, high in OPEN_RANGES:
        index.add_child(
            instance=ExhibitionPage(
                title=f"Open ages {low}-{high}",
                slug=f"open-ages-{low}-{high}",
                age_min=low,
                age_max=high,
                for_visitors=True,
            )
        ).save_revision().publish()
    html = client.get(index.url, {"age": "8"}).content.decode()
    titles = listed(html)
    assert {f"Open ages {low}-{high}" for low, high in OPEN_RANGES} <= set(titles)


@pytest.mark.parametrize(
    ("language", "age_min", "age_max", "label"),
    [
        ("en", 6, 12, "6 to 12 years"),
        ("en", 14, None, "From 14 years"),
        ("en", None, 10, "Up to 10 years"),
        ("fr", 1, None, "À partir de 1 an"),
        ("fr", 6, 12, "De 6 à 12 ans"),
        ("nl", None, 10, "Tot 10 jaar"),
    ],
)
def test_every_page_type_words_its_ages_alike(language, age_min, age_max, label):
    with translation.override(language):
        for page_type in (EventPage, ExhibitionPage, SchoolActivityPage):
            assert page_type(age_min=age_min, age_max=age_max).age_label == label


def test_a_page_without_ages_shows_all_ages():
    with translation.override("fr"):
        html = render_to_string("csti_core/includes/ages.html", {"ages": ExhibitionPage()})
    assert html.strip() == "Tous les âges"


def test_an_activity_page_shows_its_ages_like_the_agenda(client):
    activity = SchoolActivityPage.objects.live().filter(age_min__isnull=False).first()
    with translation.override(activity.locale.language_code):
        expected = activity.age_label
    assert expected in client.get(activity.url).content.decode()
