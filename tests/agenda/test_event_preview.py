"""The preview of an event shows the dates publishing it would give.

Visitors' pages read the dates materialised on publish; the preview read them too, so
a new event's preview said "No date is planned at the moment." and a changed rule
previewed the dates of the last publication.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset

from csti_cms.agenda.models import EventCategory, EventPage
from tests.agenda.helpers import event_form, field_errors, post_event, publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db


def next_wednesday(weeks_ahead=4):
    today = timezone.localdate()
    return today + timedelta(days=(2 - today.weekday()) % 7 + 7 * weeks_ahead)


def weekly(first, count):
    return {
        "start_date": first.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "recurrence": f"FREQ=WEEKLY;BYDAY=WE;COUNT={count}",
    }


def wednesdays(first, count):
    return [first + timedelta(weeks=week) for week in range(count)]


def listed(html, day: date):
    return f'<time datetime="{day.isoformat()}T14:00:00' in html


def preview(client, url, data):
    """What Wagtail's preview panel does: post the form, then load the preview."""
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def save_draft(client, slug, **fields):
    data = event_form(slug, **fields)
    del data["action-publish"]
    agenda = demo_page("agenda", "fr")
    url = reverse("wagtailadmin_pages:add", args=["csti_agenda", "eventpage", agenda.pk])
    response = client.post(url, data)
    assert response.status_code == 302, field_errors(response)
    return EventPage.objects.get(slug=slug)


def test_the_preview_of_a_draft_lists_its_dates(english_admin_client):
    first = next_wednesday()
    fields = {**weekly(first, 6), "price": "5"}
    page = save_draft(english_admin_client, "apercu-brouillon", **fields)
    assert not page.live and not page.occurrences.exists()

    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    html = preview(english_admin_client, url, event_form(page.slug, **fields))

    assert all(listed(html, day) for day in wednesdays(first, 6))
    assert not listed(html, first + timedelta(weeks=6))


def test_the_preview_of_a_new_page_lists_its_dates(english_admin_client):
    first = next_wednesday()
    agenda = demo_page("agenda", "fr")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["csti_agenda", "eventpage", agenda.pk])
    added = inline_formset([{"date": (first + timedelta(days=1)).isoformat(), "start_time": ""}])
    data = event_form("apercu-nouveau", **weekly(first, 2), added_dates=added)

    html = preview(english_admin_client, url, data)

    assert all(listed(html, day) for day in [*wednesdays(first, 2), first + timedelta(days=1)])


def test_the_preview_of_a_changed_rule_shows_the_new_dates_the_page_the_published_ones(
    english_admin_client, client
):
    first = next_wednesday()
    response = post_event(english_admin_client, "apercu-publie", **weekly(first, 6))
    assert response.status_code == 302, field_errors(response)
    page = EventPage.objects.get(slug="apercu-publie")

    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    html = preview(english_admin_client, url, event_form(page.slug, **weekly(first, 3)))
    assert all(listed(html, day) for day in wednesdays(first, 3))
    assert not listed(html, first + timedelta(weeks=3))

    public = client.get(page.url).content.decode()
    assert all(listed(public, day) for day in wednesdays(first, 6))


# Categories ------------------------------------------------------------------------------
# The page read its categories from the database: the preview showed the last save's (none
# for a new page) rather than those ticked in the form.


def _categories(*slugs):
    return [
        EventCategory.objects.create(name=f"Cat {slug}", slug=slug, locale=demo_locale())
        for slug in slugs
    ]


def demo_locale():
    return demo_page("agenda", "fr").locale


def shows_category(html, category):
    return f'?category={category.slug}">{category.name}</a>' in html


def test_the_preview_of_a_new_page_shows_the_categories_ticked(english_admin_client):
    (ticked, other) = _categories("apercu-coche", "apercu-autre")
    agenda = demo_page("agenda", "fr")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["csti_agenda", "eventpage", agenda.pk])
    data = event_form("apercu-categorie", start_date=next_wednesday().isoformat())
    data["categories"] = [str(ticked.pk)]

    html = preview(english_admin_client, url, data)

    assert shows_category(html, ticked)
    assert not shows_category(html, other)


def test_the_preview_of_a_published_page_shows_the_categories_being_edited(
    english_admin_client, client
):
    (saved, ticked) = _categories("apercu-publiee", "apercu-nouvelle")
    page = publish_event(slug="apercu-categories", start_date=next_wednesday(), categories=[saved])
    fields = {"start_date": page.start_date.isoformat()}

    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = event_form(page.slug, **fields)
    data["categories"] = [str(ticked.pk)]
    html = preview(english_admin_client, url, data)
    assert shows_category(html, ticked)
    assert not shows_category(html, saved)

    public = client.get(page.url).content.decode()
    assert shows_category(public, saved) and not shows_category(public, ticked)
