"""Topics group the EFH guidance on the section's front page ("Types of harm", "Getting help")."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True, help_text="Used in filter links.")
    description = models.CharField(max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers are listed first."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "EFH topic"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_topic"

    def __str__(self):
        return self.name
