"""Organisation keys longer than their column become digests (see ``normalise.organisation_key``).

Only a database that does not enforce the column's length (SQLite) can hold such keys;
without this, a new endorsement by the same organisation would get the digest key and
not be recognised as a duplicate. Shorter keys are left as they are: they do not change.
"""

from django.db import migrations
from django.db.models.functions import Length

from csti_cms.plugins.declarations.normalise import KEY_MAX_LENGTH, organisation_key


def digest_long_keys(apps, schema_editor):
    Endorsement = apps.get_model("declarations", "Endorsement")
    long_keys = Endorsement.objects.annotate(key_length=Length("organisation_key")).filter(
        key_length__gt=KEY_MAX_LENGTH
    )
    for pk, organisation in long_keys.values_list("pk", "organisation"):
        Endorsement.objects.filter(pk=pk).update(organisation_key=organisation_key(organisation))


class Migration(migrations.Migration):
    dependencies = [
        ("declarations", "0003_endorsement_confirmation_failed"),
    ]

    operations = [
        migrations.RunPython(digest_long_keys, migrations.RunPython.noop, elidable=True),
    ]
