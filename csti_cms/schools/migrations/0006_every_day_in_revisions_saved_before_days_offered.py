"""Drafts and scheduled changes saved before 0004 keep every day of the week, as their pages did.

0004 gave existing activities every day, but a revision keeps the content of the day it
was saved. Without ``days_offered`` in it, Wagtail rebuilds the page with the model's
default, the school week: editing a draft from before the upgrade, or publishing a
scheduled change, would silently stop weekend bookings.
"""

from django.db import migrations

#: ``every_day()`` of 0004, frozen: a migration keeps meaning what it meant when written.
EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
BATCH_SIZE = 500


def offer_every_day_in_old_revisions(apps, schema_editor):
    """Add every day to the activity revisions whose content has no ``days_offered``."""
    Revision = apps.get_model("wagtailcore", "Revision")
    old_revisions = (
        Revision.objects.filter(
            content_type__app_label="csti_schools", content_type__model="schoolactivitypage"
        )
        .exclude(content__has_key="days_offered")
        .only("content")
    )
    # A batch updated no longer matches, so the next one starts where it stopped.
    while batch := list(old_revisions[:BATCH_SIZE]):
        for revision in batch:
            revision.content["days_offered"] = list(EVERY_DAY)
        Revision.objects.bulk_update(batch, ["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("csti_schools", "0005_bookingrequest_personal_data_erased_at"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        # Going back leaves the days in: older code reads a revision's unknown keys as nothing.
        migrations.RunPython(offer_every_day_in_old_revisions, migrations.RunPython.noop),
    ]
