"""The activity list: filters by level, subject, type, language and duration, in every language."""

import pytest
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from csti_cms.core.demo_content import stable_uuid
from csti_cms.core.models import AudienceHubPage, ContentPage, HomePage
from csti_cms.schools.models import (
    SchoolActivityIndexPage,
    SchoolActivityPage,
    SchoolLevel,
    Subject,
)
from tests.conftest import LANGUAGES, demo_page
from tests.schools.helpers import publish_activity

pytestmark = pytest.mark.django_db

DEMO_ACTIVITIES = {
    "activity-colour-chemistry",
    "activity-solar-system-show",
    "activity-energy-tour",
    "activity-robot-coding",
    "activity-climate-talk",
    "activity-little-explorers",
}


def listed(client, page_language="fr", **params):
    language = page_language
    listing = demo_page("school-activities", language)
    response = client.get(listing.url, params)
    assert response.status_code == 200
    return response, {
        key
        for key in DEMO_ACTIVITIES
        if f'href="{demo_page(key, language).url}"' in response.content.decode()
    }


def level(key, language="fr"):
    return SchoolLevel.objects.get(
        translation_key=stable_uuid("snippet", key), locale__language_code=language
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_listing_shows_every_activity_in_every_language(client, language):
    response, keys = listed(client, language)
    assert keys == DEMO_ACTIVITIES
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'method="get"' in html and "<optgroup" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_filter_by_level_uses_the_visitor_language_levels(client, language):
    p3 = level("level-be-p3", language)
    _, keys = listed(client, language, level=p3.pk)
    assert keys == {"activity-colour-chemistry", "activity-solar-system-show"}
    with translation.override(language):
        html = listed(client, language)[0].content.decode()
    assert f'<option value="{p3.pk}">{p3.name}</option>' in html


def test_filter_by_french_level(client):
    _, keys = listed(client, "en", level=level("level-fr-lycee", "en").pk)
    assert keys == {"activity-energy-tour", "activity-climate-talk"}


def test_filter_by_subject_type_language_and_duration(client):
    chemistry = demo_page("activity-colour-chemistry", "nl").subjects.get(name="Chimie")
    chemistry_nl = Subject.objects.get(
        translation_key=chemistry.translation_key, locale__language_code="nl"
    )
    assert listed(client, "nl", subject=chemistry_nl.pk)[1] == {"activity-colour-chemistry"}
    assert listed(client, "fr", type="show")[1] == {"activity-solar-system-show"}
    assert listed(client, "fr", type="guided-visit")[1] == {"activity-energy-tour"}
    assert listed(client, "fr", language="de")[1] == {"activity-energy-tour"}
    assert listed(client, "fr", language="en")[1] == {
        "activity-colour-chemistry",
        "activity-energy-tour",
        "activity-robot-coding",
    }
    assert listed(client, "fr", duration="short")[1] == {
        "activity-solar-system-show",
        "activity-climate-talk",
        "activity-little-explorers",
    }
    assert listed(client, "fr", duration="half-day")[1] == {"activity-robot-coding"}
    assert listed(client, "fr", duration="day")[1] == set()


def test_filters_combine_and_unknown_values_are_ignored(client):
    p5 = level("level-be-p5")
    assert listed(client, "fr", level=p5.pk, language="nl")[1] == {
        "activity-colour-chemistry",
        "activity-solar-system-show",
    }
    assert listed(client, "fr", level=p5.pk, type="workshop", duration="medium")[1] == {
        "activity-colour-chemistry"
    }
    response, keys = listed(client, "fr", level="99999", type="juggling", language="xx")
    assert keys == DEMO_ACTIVITIES
    filtered = listed(client, "fr", type="show")[0].content.decode()
    assert '<meta name="robots" content="noindex, follow">' in filtered
    listing = demo_page("school-activities")
    assert f'<link rel="canonical" href="http://testserver{listing.url}">' in filtered


def test_only_levels_and_languages_in_use_are_offered(client):
    html = listed(client, "en")[0].content.decode()
    assert '<option value="de">German</option>' in html
    assert 'value="sfb"' not in html
    unused = SchoolLevel.objects.create(
        name="Special needs", system="be", locale=level("level-be-p1", "en").locale
    )
    assert f'value="{unused.pk}"' not in listed(client, "en")[0].content.decode()


def test_draft_activities_are_not_listed(client):
    draft = publish_activity(title="Atelier brouillon")
    draft.unpublish()
    html = listed(client, "fr")[0].content.decode()
    assert "Atelier brouillon" not in html


def test_the_activity_page_shows_what_a_teacher_needs(client):
    activity = demo_page("activity-colour-chemistry", "nl")
    html = client.get(activity.url).content.decode()
    assert "3e leerjaar (lager onderwijs) – 6e leerjaar (lager onderwijs)" in html
    assert "CE2 (3e leerjaar) – CM2 (5e leerjaar)" in html
    assert "Chemie" in html and "Wetenschappen" in html  # subjects in Dutch
    assert "Cycle 3 (CM1-CM2, Frankrijk)" in html  # curriculum links, translated
    assert f'href="{activity.url}{activity.reverse_subpage("book")}"' in html
    assert "Gratis voor begeleiders." in html


class TestPageTree(WagtailPageTestCase):
    def test_listings_go_under_hubs_home_or_content_pages_and_hold_activities(self):
        self.assertAllowedParentPageTypes(
            SchoolActivityIndexPage, {AudienceHubPage, HomePage, ContentPage}
        )
        self.assertAllowedSubpageTypes(SchoolActivityIndexPage, {SchoolActivityPage})
        self.assertAllowedParentPageTypes(SchoolActivityPage, {SchoolActivityIndexPage})
        self.assertAllowedSubpageTypes(SchoolActivityPage, set())

    def test_activities_and_listings_serve_schools_by_default(self):
        assert SchoolActivityPage().for_schools and SchoolActivityIndexPage().for_schools
