"""Requests' past log entries move to their own log, out of the site history of team members.

Before 0002, Wagtail logged what was done to requests with every other model's
(``ModelLogEntry``), which its site history report lists to anyone with permissions on
the model, whatever their centre. The request models are named as they were when this
migration was written: the only ones logged there.
"""

from django.db import migrations
from django.db.models import Q

REQUEST_MODELS = [("csti_schools", "bookingrequest"), ("csti_venues", "quoterequest")]

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
    request_types = Q()
    for app_label, model in REQUEST_MODELS:
        request_types |= Q(app_label=app_label, model=model)
    entries = source.objects.filter(
        content_type__in=ContentType.objects.filter(request_types)
    ).order_by("timestamp", "pk")
    target.objects.bulk_create(
        (target(**values) for values in entries.values(*COPIED_FIELDS).iterator()),
        batch_size=500,
    )
    entries.delete()


def to_request_log(apps, schema_editor):
    move_entries(
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps.get_model("csti_enquiries", "RequestLogEntry"),
        apps,
    )


def back_to_model_log(apps, schema_editor):
    move_entries(
        apps.get_model("csti_enquiries", "RequestLogEntry"),
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("csti_enquiries", "0002_request_log_entries"),
    ]

    operations = [
        migrations.RunPython(to_request_log, back_to_model_log),
    ]
