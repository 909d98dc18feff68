"""FeedState.updated_at: the change time incremental JSON readers page on.

Existing events start from their last publication (their calendar change time when they
have none), which is what the JSON's ``updated`` said until now.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def start_from_last_publication(apps, schema_editor):
    FeedState = apps.get_model("csti_agenda", "FeedState")
    EventPage = apps.get_model("csti_agenda", "EventPage")
    published = EventPage.objects.filter(pk=OuterRef("page_id")).values("last_published_at")
    FeedState.objects.update(updated_at=Coalesce(Subquery(published[:1]), "changed_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("csti_agenda", "0005_ages_shared_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedstate",
            name="updated_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(start_from_last_publication, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="feedstate",
            name="updated_at",
            field=models.DateTimeField(),
        ),
        migrations.AddIndex(
            model_name="feedstate",
            index=models.Index(fields=["updated_at", "page"], name="feed_state_updated"),
        ),
    ]
