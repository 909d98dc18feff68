"""Editors manage the visitor path in the admin: pages, opening hours, ticket categories."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from csti_cms.visit.models import OpeningHours, TicketingSettings
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

VISIT_KEYS = ["hub-visitors", "exhibitions", "expo-chemistry", "practical-info"]


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("visit", "visit@curiosa.example", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("key", VISIT_KEYS)
def test_visitor_pages_open_in_the_editor(editor_client, key):
    page = demo_page(key, "fr")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("setting", ["openinghours", "ticketingsettings"])
def test_visit_settings_open_per_site(editor_client, setting):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_visit", setting, site.pk])
    assert editor_client.get(url).status_code == 200


def week_data(**overrides):
    data = {}
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"):
        data[f"{day}_opens"], data[f"{day}_closes"] = "", ""
    data.update(overrides)
    return data


def test_opening_hours_are_saved_with_their_periods_and_closures(editor_client):
    site = Site.objects.get(is_default_site=True)
    OpeningHours.objects.filter(site=site).delete()
    url = reverse("wagtailsettings:edit", args=["csti_visit", "openinghours", site.pk])
    data = nested_form_data(
        {
            **week_data(tuesday_opens="09:30", tuesday_closes="17:00"),
            "seasonal_periods": inline_formset(
                [
                    {
                        "start_date": "2026-07-01",
                        "end_date": "2026-08-31",
                        **week_data(monday_opens="10:00", monday_closes="18:00"),
                    }
                ]
            ),
            "closures": inline_formset([{"start_date": "2026-12-25", "reason": "public-holiday"}]),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    hours = OpeningHours.objects.get(site=site)
    assert hours.monday_opens is None
    assert hours.seasonal_periods.get().monday_closes.hour == 18
    closure = hours.closures.get()
    assert closure.end_date == closure.start_date


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("en", ["Opens on Monday", "Closes on Sunday"]),
        ("fr", ["Ouverture le lundi", "Fermeture le dimanche"]),
    ],
)
def test_screen_readers_hear_the_day_of_each_opening_time(editor_client, language, names):
    """Under each day's heading the fields read "Opens" and "Closes"; a screen reader reads
    the field's name alone, so the name carries the day, in the week as in each season."""
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_visit", "openinghours", site.pk])
    html = editor_client.get(url, headers={"accept-language": language}).content.decode()
    monday_opens = re.search(r'<input[^>]*id="id_monday_opens"[^>]*>', html).group()
    assert f'aria-label="{names[0]}"' in monday_opens
    for name in names:
        # The week's fields and the empty seasonal period's template alike.
        assert html.count(f'aria-label="{name}"') >= 2


def test_an_editor_gets_a_clear_error_for_a_closing_time_before_opening(editor_client):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["csti_visit", "openinghours", site.pk])
    data = nested_form_data(
        {
            **week_data(tuesday_opens="17:00", tuesday_closes="09:00"),
            "seasonal_periods": inline_formset([]),
            "closures": inline_formset([]),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Closing time must be after opening time." in response.content.decode()


def test_ticket_categories_are_listed_in_the_snippets(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_csti_visit_ticketcategory:list"))
    assert response.status_code == 200
    assert "Adulte" in response.content.decode()


def test_loading_the_demo_twice_keeps_the_editors_changes():
    site = Site.objects.get(is_default_site=True)
    hours = OpeningHours.objects.get(site=site)
    hours.monday_opens, hours.monday_closes = None, None
    hours.wednesday_closes = hours.wednesday_opens.replace(hour=20)
    hours.save()
    call_command("load_demo_content", verbosity=0)
    assert OpeningHours.objects.filter(site=site).count() == 1
    assert OpeningHours.objects.get(site=site).wednesday_closes.hour == 20
    assert TicketingSettings.objects.filter(site=site).count() == 1


class TestVisitorPagesRoundTrip(WagtailPageTestCase):
    def test_exhibition_saves_and_previews(self):
        page = demo_page("expo-chemistry", "fr")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "introduction": page.introduction,
                "image": page.image_id,
                "image_alt_text": page.image_alt_text,
                "kind": "temporary",
                "start_date": "2026-01-10",
                "end_date": "2026-06-30",
                "age_min": "10",
                "age_max": "",
                "location": page.location,
                "body": streamfield([]),
            }
        )
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)

    def test_practical_info_saves_and_previews(self):
        page = demo_page("practical-info", "fr")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "introduction": page.introduction,
                "body": streamfield(
                    [("opening_hours", {"heading": "Horaires", "show_week": True})]
                ),
                "wheelchair_access": "partial",
                "accessibility_aids": ["lift", "tactile"],
                "accessibility_notes": "",
                "quiet_hours": inline_formset(
                    [{"weekday": "6", "starts": "10:00", "ends": "12:00"}]
                ),
            }
        )
        self.assertPageIsEditable(page, post_data=data)
        self.assertPageIsPreviewable(page, post_data=data)
