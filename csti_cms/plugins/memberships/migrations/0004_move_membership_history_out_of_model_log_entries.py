"""Memberships' past log entries move to their own log, out of other centres' site history.

Before 0003, Wagtail logged what was done to memberships with every other model's
(``ModelLogEntry``), which its site history report lists to anyone with permissions on
the model, whatever their centre. Organisations, shared by every centre, stay there.
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
    memberships = ContentType.objects.filter(app_label="memberships", model="membership")
    entries = source.objects.filter(content_type__in=memberships).order_by("timestamp", "pk")
    target.objects.bulk_create(
        (target(**values) for values in entries.values(*COPIED_FIELDS).iterator()),
        batch_size=500,
    )
    entries.delete()


def to_membership_log(apps, schema_editor):
    move_entries(
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps.get_model("memberships", "MembershipLogEntry"),
        apps,
    )


def back_to_model_log(apps, schema_editor):
    move_entries(
        apps.get_model("memberships", "MembershipLogEntry"),
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("memberships", "0003_membership_log_entries"),
    ]

    operations = [
        migrations.RunPython(to_membership_log, back_to_model_log),
    ]
