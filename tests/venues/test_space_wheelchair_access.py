"""A space's wheelchair access has three answers, and "nobody said" is not "no".

An unticked box told wheelchair users "Not wheelchair accessible" about rooms nobody
had checked; the migration turns such boxes into "not stated".
"""

import importlib
import json

import lxml.html
import pytest
from django.apps import apps
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from csti_cms.venues.models import VenueSpacePage
from tests.conftest import demo_page
from tests.venues.helpers import publish_space

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module("csti_cms.venues.migrations.0008_wheelchair_access_not_stated")


def access_paragraph(client, space):
    """What the visitor reads first under the space's "Accessibility" heading."""
    html = client.get(space.url).content.decode()
    section = html.split('<h2 id="access-title">', 1)[1]
    return section.split("<p>", 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize(
    ("answer", "visitors_read"),
    [
        (True, "Wheelchair accessible."),
        (False, "Not wheelchair accessible: ask us about alternatives."),
        (None, "Ask us about wheelchair access."),
    ],
)
def test_the_space_page_says_what_the_editor_answered(client, answer, visitors_read):
    space = publish_space(demo_page("venue-spaces", "en"), wheelchair_accessible=answer)
    assert access_paragraph(client, space) == visitors_read


def test_a_new_space_is_not_stated_until_an_editor_answers():
    assert VenueSpacePage().wheelchair_accessible is None


def test_editors_choose_between_three_labelled_answers(english_admin_client):
    space = publish_space()
    response = english_admin_client.get(reverse("wagtailadmin_pages:edit", args=[space.pk]))
    assert response.status_code == 200
    radios = lxml.html.fromstring(response.content).xpath(
        '//input[@type="radio"][@name="wheelchair_accessible"]'
    )
    labels = [" ".join(radio.getparent().text_content().split()) for radio in radios]
    assert labels == [
        "Accessible in a wheelchair",
        "Not accessible in a wheelchair",
        "Not stated",
    ]


def test_unticked_boxes_become_not_stated_in_the_page_and_its_revisions():
    unticked = publish_space(wheelchair_accessible=False)
    ticked = publish_space(wheelchair_accessible=True)
    MIGRATION.unticked_means_not_stated(apps, None)
    unticked.refresh_from_db()
    ticked.refresh_from_db()
    assert (unticked.wheelchair_accessible, ticked.wheelchair_accessible) == (None, True)
    assert unticked.latest_revision.content["wheelchair_accessible"] is None
    assert ticked.latest_revision.content["wheelchair_accessible"] is True
    republished = unticked.latest_revision.as_object()
    assert republished.wheelchair_accessible is None, "publishing the revision keeps the answer"


def test_going_back_makes_not_stated_an_unticked_box_again():
    space = publish_space(wheelchair_accessible=None)
    MIGRATION.not_stated_means_unticked(apps, None)
    space.refresh_from_db()
    assert space.wheelchair_accessible is False
    assert space.latest_revision.content["wheelchair_accessible"] is False


def test_the_copy_wagtail_localize_keeps_for_translators_is_migrated_too():
    """Publishing a translation copies the source's fields from that copy: left ``false``,
    it would tell visitors of every translation that the room is not accessible."""
    unticked = publish_space(wheelchair_accessible=False)
    source, _created = TranslationSource.get_or_create_from_instance(unticked)
    MIGRATION.unticked_means_not_stated(apps, None)
    source.refresh_from_db()
    assert json.loads(source.content_json)["wheelchair_accessible"] is None
    assert source.as_instance().wheelchair_accessible is None
    MIGRATION.not_stated_means_unticked(apps, None)
    source.refresh_from_db()
    assert json.loads(source.content_json)["wheelchair_accessible"] is False
