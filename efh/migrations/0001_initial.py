"""The EFH section's models, moved here from website with their tables and their rows.

The tables keep their website_* names (each model's Meta.db_table), so this migration changes
only Django's state; website/migrations/0006 takes the models out of website's state. The content
type rows are relabelled from website to efh, so every page, revision, workflow state, task and
permission that points at them now resolves to the efh models, with the same ids."""

import django.db.models.deletion
import efh.blocks
import efh.pages.common
import modelcluster.fields
import modelsearch.index
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = [
    "actionplanpage",
    "actionplanproposal",
    "actionplantheme",
    "efhindexpage",
    "guidancepage",
    "referralpathwaypage",
    "secondpersonapprovaltask",
    "topic",
]


def relabel(apps, models, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue  # nothing was ever made of this model; post_migrate creates its type
        # A type that post_migrate made under the new label holds nothing but default
        # permissions; the old row is the one every page and revision points at.
        ContentType.objects.filter(app_label=new_label, model=model).delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def relabel_content_types(apps, schema_editor):
    relabel(apps, MOVED_MODELS, "website", "efh")


def restore_content_types(apps, schema_editor):
    relabel(apps, MOVED_MODELS, "efh", "website")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        # website's migrations created these tables (0003) and the approval workflow (0004).
        ('website', '0005_related_services_block'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ActionPlanPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('last_reviewed', models.DateField(default=efh.pages.common.today)),
                        ('next_review_due', models.DateField(default=efh.pages.common.a_year_from_today)),
                        ('intro', wagtail.fields.RichTextField()),
                        ('governance', wagtail.fields.RichTextField(blank=True, help_text='Who monitors this plan and how often.')),
                    ],
                    options={
                        'verbose_name': 'action plan',
                        'db_table': 'website_actionplanpage',
                    },
                    bases=(efh.pages.common.FilterFormPageMixin, 'wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='ActionPlanTheme',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120, unique=True)),
                        ('slug', models.SlugField(help_text='Used in filter links.', max_length=80, unique=True)),
                        ('summary', models.TextField(blank=True)),
                        ('sort_order', models.PositiveSmallIntegerField(default=100)),
                    ],
                    options={
                        'verbose_name': 'action plan theme',
                        'db_table': 'website_actionplantheme',
                        'ordering': ['sort_order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='EFHIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField()),
                    ],
                    options={
                        'verbose_name': 'EFH section index',
                        'db_table': 'website_efhindexpage',
                    },
                    bases=(efh.pages.common.FilterFormPageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ReferralPathwayPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('last_reviewed', models.DateField(default=efh.pages.common.today)),
                        ('next_review_due', models.DateField(default=efh.pages.common.a_year_from_today)),
                        ('summary', models.TextField(help_text='Who this pathway is for and when to use it. Shown in listings.', max_length=400)),
                        ('is_example', models.BooleanField(default=False, help_text='Shows a notice that the partnership has not confirmed this pathway yet.', verbose_name='Example only')),
                        ('example_note', models.TextField(blank=True, default="This is an example pathway for the Keeping Bristol Safe Partnership to confirm. Check it against your own agency's safeguarding procedures before you rely on it.")),
                        ('steps', wagtail.fields.StreamField([('step', 19)], block_lookup={0: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('', 'A new numbered step'), ('and', '“and”: do this as well as the step before'), ('or', '“or”: do this instead of the step before')], 'help_text': '“and” and “or” steps share the number of the step before them.', 'label': 'Step type', 'required': False}), 2: ('wagtail.blocks.TextBlock', (), {'help_text': 'One or two sentences: what this step is.', 'required': False}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': "A team or service, not a person's name.", 'max_length': 160}), 4: ('wagtail.blocks.CharBlock', (), {'help_text': 'When to contact them.', 'max_length': 255, 'required': False}), 5: ('wagtail.blocks.CharBlock', (), {'max_length': 40, 'required': False}), 6: ('wagtail.blocks.EmailBlock', (), {'required': False}), 7: ('wagtail.blocks.URLBlock', (), {'label': 'Website', 'required': False}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. Mon-Fri 9am-5pm', 'max_length': 160, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('name', 3), ('role', 4), ('phone', 5), ('email', 6), ('url', 7), ('hours', 8)]], {}), 10: ('wagtail.blocks.ListBlock', (9,), {'default': [], 'label': 'Who to contact'}), 11: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'help_text': 'When this step applies.', 'required': False}), 12: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'help_text': 'Defaults to the title.', 'max_length': 160, 'required': False}), 14: ('wagtail.blocks.PageChooserBlock', (), {'required': False}), 15: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document or form', 'required': False}), 16: ('wagtail.blocks.URLBlock', (), {'label': 'Other website', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('text', 13), ('page', 14), ('document', 15), ('url', 16)]], {}), 18: ('wagtail.blocks.ListBlock', (17,), {'default': [], 'label': 'Forms and links'}), 19: ('wagtail.blocks.StructBlock', [[('title', 0), ('logic', 1), ('summary', 2), ('who_to_contact', 10), ('thresholds', 11), ('what_happens_next', 12), ('links', 18)]], {})})),
                    ],
                    options={
                        'verbose_name': 'referral pathway',
                        'db_table': 'website_referralpathwaypage',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80, unique=True)),
                        ('slug', models.SlugField(help_text='Used in filter links.', max_length=80, unique=True)),
                        ('description', models.CharField(blank=True, max_length=255)),
                        ('sort_order', models.PositiveSmallIntegerField(default=100, help_text='Lower numbers are listed first.')),
                    ],
                    options={
                        'verbose_name': 'EFH topic',
                        'db_table': 'website_topic',
                        'ordering': ['sort_order', 'name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
                migrations.CreateModel(
                    name='ActionPlanProposal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('number', models.PositiveSmallIntegerField()),
                        ('proposal', models.TextField()),
                        ('lead', models.CharField(blank=True, help_text='Blank: to be confirmed.', max_length=255, verbose_name='Lead officer or agency')),
                        ('due', models.DateField(blank=True, help_text='Blank: to be agreed.', null=True, verbose_name='By when')),
                        ('progress', models.TextField(blank=True, verbose_name='Progress notes')),
                        ('status', models.CharField(choices=[('not-started', 'Not started'), ('red', 'Red: off track'), ('amber', 'Amber: at risk'), ('green', 'Green: on track'), ('complete', 'Complete')], default='not-started', max_length=12, verbose_name='RAG status')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='proposals', to='efh.actionplanpage')),
                        ('theme', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='proposals', to='efh.actionplantheme')),
                    ],
                    options={
                        'verbose_name': 'proposal',
                        'db_table': 'website_actionplanproposal',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='SecondPersonApprovalTask',
                    fields=[
                        ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                        ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
                    ],
                    options={
                        'verbose_name': 'second-person approval task',
                        'verbose_name_plural': 'second-person approval tasks',
                        'db_table': 'website_secondpersonapprovaltask',
                    },
                    bases=('wagtailcore.task',),
                ),
                migrations.CreateModel(
                    name='GuidancePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('for_young_people', models.BooleanField(default=False, verbose_name='Young people')),
                        ('for_parents', models.BooleanField(default=False, verbose_name='Parents and carers')),
                        ('for_professionals', models.BooleanField(default=False, verbose_name='Professionals')),
                        ('last_reviewed', models.DateField(default=efh.pages.common.today)),
                        ('next_review_due', models.DateField(default=efh.pages.common.a_year_from_today)),
                        ('summary', models.TextField(help_text='One or two sentences. Shown under the title and in listings.', max_length=400)),
                        ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('callout', 5), ('quote', 8), ('accordion', 13), ('documents', 17), ('contact', 24), ('services', 29), ('related_services', 33)], block_lookup={0: ('efh.blocks.HeadingBlock', (), {}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'template': 'efh/blocks/paragraph.html'}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('info', 'Information'), ('warning', 'Warning'), ('emergency', 'Emergency care card (for example: a child in immediate danger, call 999)')]}), 3: ('wagtail.blocks.CharBlock', (), {'max_length': 120}), 4: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul']}), 5: ('wagtail.blocks.StructBlock', [[('style', 2), ('title', 3), ('text', 4)]], {}), 6: ('wagtail.blocks.TextBlock', (), {}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who said it, without a name: e.g. "Female, 16 years".', 'max_length': 120}), 8: ('wagtail.blocks.StructBlock', [[('quote', 6), ('attribution', 7)]], {}), 9: ('wagtail.blocks.CharBlock', (), {'max_length': 160, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'max_length': 160}), 11: ('wagtail.blocks.StructBlock', [[('title', 10), ('text', 4)]], {}), 12: ('wagtail.blocks.ListBlock', (11,), {'min_num': 1}), 13: ('wagtail.blocks.StructBlock', [[('heading', 9), ('items', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'default': 'Downloads', 'max_length': 160}), 15: ('wagtail.documents.blocks.DocumentChooserBlock', (), {}), 16: ('wagtail.blocks.ListBlock', (15,), {'min_num': 1}), 17: ('wagtail.blocks.StructBlock', [[('heading', 14), ('documents', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': "A team or service, not a person's name.", 'max_length': 160}), 19: ('wagtail.blocks.CharBlock', (), {'help_text': 'When to contact them.', 'max_length': 255, 'required': False}), 20: ('wagtail.blocks.CharBlock', (), {'max_length': 40, 'required': False}), 21: ('wagtail.blocks.EmailBlock', (), {'required': False}), 22: ('wagtail.blocks.URLBlock', (), {'label': 'Website', 'required': False}), 23: ('wagtail.blocks.CharBlock', (), {'help_text': 'e.g. Mon-Fri 9am-5pm', 'max_length': 160, 'required': False}), 24: ('wagtail.blocks.StructBlock', [[('name', 18), ('role', 19), ('phone', 20), ('email', 21), ('url', 22), ('hours', 23)]], {}), 25: ('wagtail.blocks.TextBlock', (), {'required': False}), 26: ('wagtail.blocks.CharBlock', (), {'help_text': 'Who runs it.', 'max_length': 255, 'required': False}), 27: ('wagtail.blocks.StructBlock', [[('name', 10), ('provider', 26), ('description', 6)]], {}), 28: ('wagtail.blocks.ListBlock', (27,), {'min_num': 1}), 29: ('wagtail.blocks.StructBlock', [[('heading', 10), ('intro', 25), ('services', 28)]], {}), 30: ('wagtail.blocks.CharBlock', (), {'default': 'Services that can help', 'max_length': 160}), 31: ('wagtail.blocks.MultipleChoiceBlock', [], {'choices': efh.blocks.need_choices, 'help_text': 'Services tagged with any of these needs are listed, recently checked first.'}), 32: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'How many at most', 'max_value': 12, 'min_value': 1}), 33: ('wagtail.blocks.StructBlock', [[('heading', 30), ('needs', 31), ('limit', 32)]], {})})),
                        ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='guidance_pages', to='efh.topic')),
                    ],
                    options={
                        'verbose_name': 'guidance page',
                        'db_table': 'website_guidancepage',
                    },
                    bases=('wagtailcore.page', models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, restore_content_types),
    ]
