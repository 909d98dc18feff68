"""Each kind of request gets its team's list of addresses; the one address becomes the common list.

A site's former notification address moves to ``recipients``, where every request
still goes until the lists of school bookings and venue quotes are filled in. Going
back keeps one address, the only one the old field holds: the common list's first, else
the school bookings', else the venue quotes'.
"""

from django.db import migrations, models

import csti_cms.enquiries.models


def address_to_list(apps, schema_editor):
    Settings = apps.get_model("csti_enquiries", "EnquiryNotificationSettings")
    Settings.objects.update(recipients=models.F("recipient_email"))


def list_to_address(apps, schema_editor):
    """The first address of the common list, else of the school, else of the venue list."""
    Settings = apps.get_model("csti_enquiries", "EnquiryNotificationSettings")
    for setting in Settings.objects.all():
        addresses = [
            *csti_cms.enquiries.models.email_addresses(setting.recipients),
            *csti_cms.enquiries.models.email_addresses(setting.school_booking_recipients),
            *csti_cms.enquiries.models.email_addresses(setting.venue_quote_recipients),
        ]
        if addresses:
            setting.recipient_email = addresses[0]
            setting.save(update_fields=["recipient_email"])


class Migration(migrations.Migration):
    dependencies = [
        ("csti_enquiries", "0003_move_request_history_out_of_model_log_entries"),
    ]

    operations = [
        migrations.AddField(
            model_name="enquirynotificationsettings",
            name="recipients",
            field=csti_cms.enquiries.models.EmailAddressesField(
                blank=True,
                help_text="One address per line or separated by commas: every request without a list of its own above goes there (the contact address when empty). All requests stay listed in the admin whatever happens to the e-mail.",
                verbose_name="send all other requests to",
            ),
        ),
        migrations.AddField(
            model_name="enquirynotificationsettings",
            name="school_booking_recipients",
            field=csti_cms.enquiries.models.EmailAddressesField(
                blank=True,
                help_text="The education team's addresses, one per line or separated by commas. Each booking request from a school is sent to all of them in one e-mail (to the addresses for all other requests when empty).",
                verbose_name="send school booking requests to",
            ),
        ),
        migrations.AddField(
            model_name="enquirynotificationsettings",
            name="venue_quote_recipients",
            field=csti_cms.enquiries.models.EmailAddressesField(
                blank=True,
                help_text="The events team's addresses, one per line or separated by commas. Each quote request for hiring a space is sent to all of them in one e-mail (to the addresses for all other requests when empty).",
                verbose_name="send venue quote requests to",
            ),
        ),
        migrations.RunPython(address_to_list, list_to_address),
        migrations.RemoveField(
            model_name="enquirynotificationsettings",
            name="recipient_email",
        ),
    ]
