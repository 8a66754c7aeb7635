"""The EFH section's models left website for the efh app (efh/migrations/0001 took them over,
tables and content types included). Only Django's state changes here: the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('website', '0005_related_services_block'),
        ('efh', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='actionplanproposal',
                    name='page',
                ),
                migrations.RemoveField(
                    model_name='actionplanproposal',
                    name='theme',
                ),
                migrations.RemoveField(
                    model_name='efhindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='guidancepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='guidancepage',
                    name='topics',
                ),
                migrations.RemoveField(
                    model_name='referralpathwaypage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='secondpersonapprovaltask',
                    name='groups',
                ),
                migrations.RemoveField(
                    model_name='secondpersonapprovaltask',
                    name='task_ptr',
                ),
                migrations.DeleteModel(
                    name='ActionPlanPage',
                ),
                migrations.DeleteModel(
                    name='ActionPlanProposal',
                ),
                migrations.DeleteModel(
                    name='ActionPlanTheme',
                ),
                migrations.DeleteModel(
                    name='EFHIndexPage',
                ),
                migrations.DeleteModel(
                    name='GuidancePage',
                ),
                migrations.DeleteModel(
                    name='Topic',
                ),
                migrations.DeleteModel(
                    name='ReferralPathwayPage',
                ),
                migrations.DeleteModel(
                    name='SecondPersonApprovalTask',
                ),
            ],
            database_operations=[],
        ),
    ]
