"""An event's wheelchair access has three answers, and "nobody said" is not "no".

The JSON gave partners ``false`` for events nobody had checked, which aggregators show
as "not accessible"; the migration turns those unticked boxes into ``null``.
"""

import importlib
import json

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail_localize.models import TranslationSource

from csti_cms.agenda.models import EventPage
from tests.agenda.helpers import post_event, publish_event
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("csti_cms.agenda.migrations.0008_wheelchair_access_not_stated")
ANSWERS = {True: "Wheelchair accessible.", False: "Not wheelchair accessible.", None: ""}


def accessibility_entry(client, event_page):
    """What the event's facts say under "Accessibility", or None without that entry."""
    html = client.get(event_page.url).content.decode()
    if "<dt>Accessibility</dt>" not in html:
        return None
    entry = html.split("<dt>Accessibility</dt>", 1)[1].split("</dd>", 1)[0]
    return " ".join(entry.replace("<dd>", "").split())


def read_since(client, moment):
    """The events the JSON gives an incremental reader who last read at ``moment``."""
    since = moment.isoformat().replace("+", "%2B")
    answer = client.get(f"{demo_page('agenda').url}json/?updated_since={since}").json()
    return {event["page_id"]: event for event in answer["results"]}


@pytest.mark.parametrize("answer", [True, False])
def test_the_event_page_says_what_the_editor_answered(client, answer):
    workshop = publish_event(demo_page("agenda", "en"), wheelchair_accessible=answer)
    assert accessibility_entry(client, workshop) == ANSWERS[answer]


def test_an_event_nobody_checked_says_nothing_about_wheelchairs(client):
    workshop = publish_event(demo_page("agenda", "en"))
    assert workshop.wheelchair_accessible is None
    assert accessibility_entry(client, workshop) is None
    with_notes = publish_event(demo_page("agenda", "en"), accessibility="Induction loop.")
    assert accessibility_entry(client, with_notes) == "Induction loop."


def test_partners_read_true_false_or_null(client):
    since = timezone.now()
    events = {answer: publish_event(wheelchair_accessible=answer) for answer in ANSWERS}
    read = read_since(client, since)
    assert {answer: read[e.pk]["wheelchair_accessible"] for answer, e in events.items()} == {
        True: True,
        False: False,
        None: None,
    }


@pytest.mark.parametrize(("posted", "stored"), [("True", True), ("False", False), ("", None)])
def test_the_admin_form_stores_each_answer(english_admin_client, posted, stored):
    slug = f"acces-{posted.lower() or 'non-dit'}"
    response = post_event(english_admin_client, slug, wheelchair_accessible=posted)
    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(slug=slug).wheelchair_accessible is stored


def test_unticked_boxes_become_not_stated_and_partners_read_them_again(client):
    unticked = publish_event(wheelchair_accessible=False)
    ticked = publish_event(wheelchair_accessible=True)
    migrated_at = timezone.now()
    MIGRATION.unticked_means_not_stated(apps, None)

    read = read_since(client, migrated_at)
    assert read[unticked.pk]["wheelchair_accessible"] is None
    assert ticked.pk not in read, "an event whose answer stays is not sent again"
    unticked.refresh_from_db()
    assert unticked.latest_revision.content["wheelchair_accessible"] is None
    assert ticked.latest_revision.content["wheelchair_accessible"] is True


def test_going_back_makes_not_stated_an_unticked_box_again():
    workshop = publish_event()
    MIGRATION.not_stated_means_unticked(apps, None)
    workshop.refresh_from_db()
    assert workshop.wheelchair_accessible is False
    assert workshop.latest_revision.content["wheelchair_accessible"] is False


def test_the_copy_wagtail_localize_keeps_for_translators_is_migrated_too():
    """Publishing a translation copies the source's fields from that copy: left ``false``,
    it would tell visitors of every translation that the event is not accessible."""
    unticked = publish_event(wheelchair_accessible=False)
    source, _created = TranslationSource.get_or_create_from_instance(unticked)
    MIGRATION.unticked_means_not_stated(apps, None)
    source.refresh_from_db()
    assert json.loads(source.content_json)["wheelchair_accessible"] is None
    assert source.as_instance().wheelchair_accessible is None
