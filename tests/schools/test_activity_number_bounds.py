"""Ages, group sizes, durations and prices stay within what a school visit can be.

Without bounds an editor could save an age of 250 or a group of 99999999999 pupils,
or meet PostgreSQL's column limit, worded for programmers ("32767").
"""

import pytest

from csti_cms.schools.models import SchoolActivityPage

from .helpers import form_errors, post_new_activity

pytestmark = pytest.mark.django_db


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
    response = post_new_activity(english_admin_client, slug, **{field: value})
    assert response.status_code == 200, "the activity was published"
    assert form_errors(response)[field] == [message]
    assert not SchoolActivityPage.objects.filter(slug=slug).exists()


def test_numbers_at_the_bounds_are_published(english_admin_client):
    response = post_new_activity(
        english_admin_client,
        "atelier-aux-limites",
        age_min="0",
        age_max="99",
        min_pupils="1",
        max_pupils="500",
        duration_minutes="600",
        price="10000",
    )
    assert response.status_code == 302, form_errors(response)
    page = SchoolActivityPage.objects.get(slug="atelier-aux-limites")
    assert (page.age_max, page.max_pupils, page.duration_minutes) == (99, 500, 600)


def test_every_demo_activity_stays_valid():
    activities = SchoolActivityPage.objects.all()
    assert activities.exists()
    for activity in activities:
        activity.full_clean()
