"""Wheelchair access of events gets a third answer, "not stated" (null).

Until now editors could only tick "wheelchair accessible": an unticked box meant
nobody said, never "not accessible", yet the JSON gave ``false`` to partners. So
``False`` becomes null, in the live rows and in the revisions a draft or scheduled
publication would bring back; ``True`` stays. Backwards, null becomes ``False`` again.
"""

from django.db import migrations, models
from django.utils import timezone

FIELD = "wheelchair_accessible"


def _replace_answers(apps, old, new):
    """Replace ``old`` by ``new`` in the events and their revisions; the changed event ids."""
    EventPage = apps.get_model("csti_agenda", "EventPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    changed = list(EventPage.objects.filter(**{FIELD: old}).values_list("pk", flat=True))
    EventPage.objects.filter(pk__in=changed).update(**{FIELD: new})
    revisions = Revision.objects.filter(
        content_type__app_label="csti_agenda", content_type__model="eventpage"
    ).only("content")
    stale = [
        revision
        for revision in revisions.iterator(chunk_size=500)
        if FIELD in revision.content and revision.content[FIELD] is old
    ]
    for revision in stale:
        revision.content[FIELD] = new
    Revision.objects.bulk_update(stale, ["content"], batch_size=500)
    return changed


def unticked_means_not_stated(apps, schema_editor):
    """Incremental JSON readers fetch the events again: their answer is now null."""
    FeedState = apps.get_model("csti_agenda", "FeedState")
    changed = _replace_answers(apps, old=False, new=None)
    FeedState.objects.filter(page_id__in=changed).update(updated_at=timezone.now())


def not_stated_means_unticked(apps, schema_editor):
    _replace_answers(apps, old=None, new=False)


class Migration(migrations.Migration):
    dependencies = [
        ("csti_agenda", "0007_social_image_falls_back_to_default_sharing_image"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="wheelchair_accessible",
            field=models.BooleanField(
                blank=True,
                choices=[
                    (True, "Accessible in a wheelchair"),
                    (False, "Not accessible in a wheelchair"),
                    (None, "Not stated"),
                ],
                default=None,
                null=True,
                verbose_name="wheelchair accessible",
            ),
        ),
        migrations.RunPython(unticked_means_not_stated, not_stated_means_unticked),
    ]
