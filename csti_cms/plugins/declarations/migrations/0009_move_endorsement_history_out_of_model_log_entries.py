"""Endorsements' past log entries move to their own log, out of other centres' site history.

Before 0008, Wagtail logged what editors did to endorsements with every other model's
(``ModelLogEntry``), which its site history report lists to anyone with permissions on
the model, whatever their centre. Moved, they also stay within reach of the retention
job, which renames the entries of the log registered for endorsements.
"""

from django.db import migrations

COPIED_FIELDS = [
    "content_type_id",
    "label",
    "action",
    "data",
    "timestamp",
    "uuid",
    "user_id",
    "revision_id",
    "content_changed",
    "deleted",
    "object_id",
]


def move_entries(source, target, apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    endorsements = ContentType.objects.filter(app_label="declarations", model="endorsement")
    entries = source.objects.filter(content_type__in=endorsements).order_by("timestamp", "pk")
    target.objects.bulk_create(
        (target(**values) for values in entries.values(*COPIED_FIELDS).iterator()),
        batch_size=500,
    )
    entries.delete()


def to_endorsement_log(apps, schema_editor):
    move_entries(
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps.get_model("declarations", "EndorsementLogEntry"),
        apps,
    )


def back_to_model_log(apps, schema_editor):
    move_entries(
        apps.get_model("declarations", "EndorsementLogEntry"),
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("declarations", "0008_endorsement_log_entries"),
    ]

    operations = [
        migrations.RunPython(to_endorsement_log, back_to_model_log),
    ]
