"""Drafts saved before activities had days keep every day once the upgrade has run."""

import importlib

import pytest
from django.apps import apps

from csti_cms.schools.models.choices import WEEKDAY_CODES
from tests.conftest import demo_page

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "csti_cms.schools.migrations.0006_every_day_in_revisions_saved_before_days_offered"
)


def draft_saved_before_the_upgrade(activity):
    """A draft of ``activity`` as stored before 0004: its content has no ``days_offered``."""
    activity.title = "Chimie des couleurs (brouillon)"
    revision = activity.save_revision()
    del revision.content["days_offered"]
    revision.save(update_fields=["content"])
    return revision


def test_a_draft_from_before_the_upgrade_is_rebuilt_with_every_day():
    revision = draft_saved_before_the_upgrade(demo_page("activity-colour-chemistry"))
    assert revision.as_object().days_offered == list(WEEKDAY_CODES[:5]), "the gap this fixes"
    migration.offer_every_day_in_old_revisions(apps, schema_editor=None)
    revision.refresh_from_db()
    assert revision.as_object().days_offered == list(WEEKDAY_CODES)


def test_a_draft_saved_with_its_days_keeps_them():
    activity = demo_page("activity-colour-chemistry")
    activity.days_offered = ["tue", "thu"]
    revision = activity.save_revision()
    migration.offer_every_day_in_old_revisions(apps, schema_editor=None)
    revision.refresh_from_db()
    assert revision.as_object().days_offered == ["tue", "thu"]


def test_revisions_of_other_pages_are_left_alone():
    listing = demo_page("school-activities")
    revision = listing.save_revision()
    migration.offer_every_day_in_old_revisions(apps, schema_editor=None)
    revision.refresh_from_db()
    assert "days_offered" not in revision.content
