"""Wheelchair access of events gets a third answer, "not stated" (null).

Until now editors could only tick "wheelchair accessible": an unticked box meant
nobody said, never "not accessible", yet the JSON gave ``false`` to partners. So
``False`` becomes null, in the live rows and in the revisions a draft or scheduled
publication would bring back and in the copies wagtail-localize keeps of translated
pages; ``True`` stays. Backwards, null becomes ``False`` again.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
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
    _replace_in_translation_sources(apps, old, new)
    return changed


def _replace_in_translation_sources(apps, old, new):
    """wagtail-localize keeps a copy of each translated page's source, which it copies onto
    the translation when a translator publishes: left as it was, it would bring the old
    answer back to every translation."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = TranslationSource.objects.filter(
        specific_content_type__app_label="csti_agenda", specific_content_type__model="eventpage"
    ).only("content_json")
    stale = []
    for source in sources.iterator(chunk_size=500):
        content = json.loads(source.content_json)
        if FIELD in content and content[FIELD] is old:
            content[FIELD] = new
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            stale.append(source)
    TranslationSource.objects.bulk_update(stale, ["content_json"], batch_size=500)


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
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
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
