"""Ages, group sizes, durations and prices stay within what a school visit can be.

Without bounds an editor could save an age of 250 or a group of 99999999999 pupils,
or meet PostgreSQL's column limit, worded for programmers ("32767").
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.schools.models import SchoolActivityPage
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def activity_form(slug, **numbers):
    """The admin's form for a new activity, published, with sensible numbers unless given."""
    fields = {
        "title": f"Atelier {slug}",
        "slug": slug,
        "activity_type": "workshop",
        "introduction": "Attirer, repousser, mesurer.",
        "image_alt_text": "",
        "body": streamfield([]),
        "curriculum_links": streamfield([]),
        "age_min": "8",
        "age_max": "12",
        "duration_minutes": "75",
        "min_pupils": "10",
        "max_pupils": "24",
        "price": "5.00",
        "price_basis": "pupil",
        "resources": streamfield([]),
        "action-publish": "publish",
    }
    fields.update(numbers)
    data = nested_form_data(fields)
    data.update(
        languages=["fr"], days_offered=["mon", "tue", "wed", "thu", "fri"], for_schools="on"
    )
    return data


def post_activity(client, slug, **numbers):
    listing = demo_page("school-activities", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_schools", "schoolactivitypage", listing.pk])
    return client.post(url, activity_form(slug, **numbers))


def field_errors(response):
    with translation.override("en"):
        return {
            name: [str(message) for message in messages]
            for name, messages in response.context["form"].errors.items()
        }


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("age_min", "250", "Give an age in years, at most 99."),
        ("age_max", "250", "Give an age in years, at most 99."),
        ("min_pupils", "0", "A group has at least one pupil."),
        ("max_pupils", "99999999999", "At most 500 pupils: a larger group books several sessions."),
        ("max_pupils", "501", "At most 500 pupils: a larger group books several sessions."),
        ("duration_minutes", "0", "Give the duration in minutes."),
        ("max_pupils", "0", "A group has at least one pupil."),
        ("duration_minutes", "6000", "At most 600 minutes, a full day: describe longer stays."),
        ("price", "12000", "Enter a price of at most 10000 euros."),
    ],
)
def test_an_absurd_number_is_refused_in_plain_words(english_admin_client, field, value, message):
    slug = f"atelier-{field.replace('_', '-')}-{value[:6]}"
    response = post_activity(english_admin_client, slug, **{field: value})
    assert response.status_code == 200, "the activity was published"
    assert field_errors(response)[field] == [message]
    assert not SchoolActivityPage.objects.filter(slug=slug).exists()


def test_numbers_at_the_bounds_are_published(english_admin_client):
    response = post_activity(
        english_admin_client,
        "atelier-aux-limites",
        age_min="0",
        age_max="99",
        min_pupils="1",
        max_pupils="500",
        duration_minutes="600",
        price="10000",
    )
    assert response.status_code == 302, field_errors(response)
    page = SchoolActivityPage.objects.get(slug="atelier-aux-limites")
    assert (page.age_max, page.max_pupils, page.duration_minutes) == (99, 500, 600)


def test_every_demo_activity_stays_valid():
    activities = SchoolActivityPage.objects.all()
    assert activities.exists()
    for activity in activities:
        activity.full_clean()
