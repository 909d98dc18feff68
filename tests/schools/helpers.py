"""Building school activities in tests: published like an editor would, under the demo listing."""

import itertools
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.schools.models import SchoolActivityPage
from tests.conftest import demo_page

_numbers = itertools.count(1)


def publish_activity(listing=None, **fields):
    """A published activity under ``listing`` (default: the French demo listing)."""
    listing = listing or demo_page("school-activities", "fr")
    number = next(_numbers)
    fields.setdefault("title", f"Atelier test {number}")
    fields.setdefault("slug", f"atelier-test-{number}")
    fields.setdefault("introduction", "Des expériences à faire soi-même, en classe entière.")
    fields.setdefault("languages", ["fr", "nl"])
    fields.setdefault("max_pupils", 25)
    related = {name: fields.pop(name) for name in ("levels", "subjects") if name in fields}
    page = SchoolActivityPage(**fields)
    for name, value in related.items():
        setattr(page, name, value)
    listing.add_child(instance=page)
    page.full_clean()
    page.save_revision().publish()
    return SchoolActivityPage.objects.get(pk=page.pk)


def new_activity_form(slug, **fields):
    """What the admin's "add activity" form posts to publish a sensible activity at ``slug``.

    ``fields`` override the form's values; list-valued choices (levels, languages, days) are
    passed as lists, which ``nested_form_data`` would otherwise number.
    """
    choices = {
        "languages": ["fr"],
        "days_offered": ["mon", "tue", "wed", "thu", "fri"],
        "for_schools": "on",
    }
    choices.update({name: fields.pop(name) for name in ("levels", *choices) if name in fields})
    data = nested_form_data(
        {
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
            **fields,
        }
    )
    data.update(choices)
    return data


def post_new_activity(client, slug, listing=None, **fields):
    """Post the admin's "add activity" form under ``listing`` (default: the French demo one)."""
    listing = listing or demo_page("school-activities", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_schools", "schoolactivitypage", listing.pk])
    return client.post(url, new_activity_form(slug, **fields))


def form_errors(response):
    """The errors of the page form a response shows again, read in English."""
    with translation.override("en"):
        return {
            name: [str(message) for message in messages]
            for name, messages in response.context["form"].errors.items()
        }


def next_weekday(days=14):
    """A date ``days`` ahead, moved to a Tuesday so no weekend rule gets in the way."""
    day = timezone.localdate() + timedelta(days=days)
    return day + timedelta(days=(1 - day.weekday()) % 7)
