"""Building school activities in tests: published like an editor would, under the demo listing,
and booked like a teacher would."""

import itertools
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from csti_cms.schools.models import SchoolActivityPage, SchoolLevel
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


def booking_url(activity):
    """The address of ``activity``'s booking form, in the activity's language."""
    return activity.url + activity.reverse_subpage("book")


def booking_data(activity, **overrides):
    """What a teacher sends to book ``activity``: a sensible request, in the activity's
    language, with ``overrides`` changed."""
    source = activity.levels.first()
    level = SchoolLevel.objects.get(translation_key=source.translation_key, locale=activity.locale)
    data = {
        "school_name": "École communale des Tilleuls",
        "school_postal_code": "5000",
        "school_locality": "Namur",
        "contact_name": "Claire Dubois",
        "email": "claire.dubois@ecole.example",
        "phone": "+32 81 11 22 33",
        "level": str(level.pk),
        "pupils": "22",
        "adults": "2",
        "activity_language": activity.locale.language_code,
        "preferred_date": next_weekday(14).isoformat(),
        "alternative_date": next_weekday(21).isoformat(),
        "needs": "Un élève en fauteuil roulant.",
        "website": "",
    }
    data.update(overrides)
    return data
