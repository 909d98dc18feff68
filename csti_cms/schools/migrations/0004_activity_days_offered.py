"""Activities get the days of the week they are offered on.

Activities that already exist keep being bookable on every day the centre is open, as they
were; new ones start with the school week.
"""

from django.db import migrations, models

import csti_cms.schools.models.choices


class Migration(migrations.Migration):
    dependencies = [
        ("csti_schools", "0003_activity_number_bounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="schoolactivitypage",
            name="days_offered",
            field=models.JSONField(
                default=csti_cms.schools.models.choices.every_day,
                verbose_name="days offered",
            ),
        ),
        migrations.AlterField(
            model_name="schoolactivitypage",
            name="days_offered",
            field=models.JSONField(
                default=csti_cms.schools.models.choices.school_week,
                help_text=(
                    "The days of the week a class can book this activity. Days the centre is "
                    "closed are refused whatever is ticked here."
                ),
                verbose_name="days offered",
            ),
        ),
    ]
