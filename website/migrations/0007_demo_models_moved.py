"""DemoLoad left website for the demo app (demo/migrations/0001 took it over, table and content
type included). Only Django's state changes here: the table stays, and in production, where the
demo app is not installed, it is simply left unused. This does not depend on the demo app's
migration, since production has none."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('website', '0006_efh_models_moved'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='DemoLoad',
                ),
            ],
            database_operations=[],
        ),
    ]
