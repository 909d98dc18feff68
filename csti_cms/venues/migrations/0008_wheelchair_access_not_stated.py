"""Wheelchair access of venue spaces gets a third answer, "not stated" (null).

Until now editors could only tick "wheelchair accessible": an unticked box meant
nobody said, yet the space's page told wheelchair users it was not accessible. So
``False`` becomes null, in the live rows and in the revisions a draft or scheduled
publication would bring back and in the copies wagtail-localize keeps of translated
pages; ``True`` stays. Backwards, null becomes ``False`` again.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models

FIELD = "wheelchair_accessible"


def _replace_answers(apps, old, new):
    """Replace ``old`` by ``new`` in the spaces and their revisions."""
    VenueSpacePage = apps.get_model("csti_venues", "VenueSpacePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    VenueSpacePage.objects.filter(**{FIELD: old}).update(**{FIELD: new})
    revisions = Revision.objects.filter(
        content_type__app_label="csti_venues", content_type__model="venuespacepage"
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


def _replace_in_translation_sources(apps, old, new):
    """wagtail-localize keeps a copy of each translated page's source, which it copies onto
    the translation when a translator publishes: left as it was, it would bring the old
    answer back to every translation."""
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = TranslationSource.objects.filter(
        specific_content_type__app_label="csti_venues",
        specific_content_type__model="venuespacepage",
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
    _replace_answers(apps, old=False, new=None)


def not_stated_means_unticked(apps, schema_editor):
    _replace_answers(apps, old=None, new=False)


class Migration(migrations.Migration):
    dependencies = [
        ("csti_venues", "0007_quoterequest_search_text"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="venuespacepage",
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
