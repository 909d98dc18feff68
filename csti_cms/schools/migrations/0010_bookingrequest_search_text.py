from django.db import migrations, models

from csti_cms.enquiries.models import fold_search_texts

#: The fields the search read when the column was added (BookingRequest.searchable_fields).
SEARCHABLE_FIELDS = (
    "school_name",
    "school_postal_code",
    "school_locality",
    "activity_title",
    "contact_name",
    "email",
)


def fold_booking_texts(apps, schema_editor):
    """Requests received before the column existed are found by the admin search too."""
    BookingRequest = apps.get_model("csti_schools", "BookingRequest")
    fold_search_texts(BookingRequest.objects.order_by("pk"), SEARCHABLE_FIELDS)


class Migration(migrations.Migration):
    dependencies = [
        ("csti_schools", "0009_social_image_falls_back_to_default_sharing_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="bookingrequest",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fold_booking_texts, migrations.RunPython.noop),
    ]
