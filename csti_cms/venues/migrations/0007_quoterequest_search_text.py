from django.db import migrations, models

from csti_cms.enquiries.models import fold_search_texts

#: The fields the search read when the column was added (QuoteRequest.searchable_fields).
SEARCHABLE_FIELDS = ("organisation", "contact_name", "email", "message")


def fold_quote_texts(apps, schema_editor):
    """Requests received before the column existed are found by the admin search too."""
    QuoteRequest = apps.get_model("csti_venues", "QuoteRequest")
    fold_search_texts(QuoteRequest.objects.order_by("pk"), SEARCHABLE_FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("csti_venues", "0006_social_image_falls_back_to_default_sharing_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="quoterequest",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fold_quote_texts, migrations.RunPython.noop),
    ]
