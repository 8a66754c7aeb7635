"""Vocabularies (HSDS taxonomy and taxonomy_term): needs, audiences and kinds of community place.

Ours are seeded by migration with fixed UUIDs so every install publishes the same term ids; terms
of other taxonomies arrive with imported feeds. Synonyms are how "county lines" finds criminal
exploitation: the search matches a query's words against a term's name and synonyms."""

import uuid

from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel

# The taxonomies our own filters use (slugs of Taxonomy rows).
NEEDS = "needs"
AUDIENCES = "audiences"
PLACE_TYPES = "place-types"

# Terms that count as youth provision (mapping's "provision gaps" look for these).
YOUTH_PROVISION = {
    NEEDS: ["youth-clubs", "sport", "music-and-arts", "mentoring"],
    PLACE_TYPES: ["youth-club", "sports-venue", "arts-venue"],
}


class Taxonomy(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    description = models.TextField()
    uri = models.URLField(blank=True)
    version = models.CharField(max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("uri"), FieldPanel("version")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTermQuerySet(models.QuerySet):
    def of(self, taxonomy_slug: str):
        return self.filter(taxonomy__slug=taxonomy_slug)

    def needs(self):
        return self.of(NEEDS)

    def audiences(self):
        return self.of(AUDIENCES)

    def youth_provision(self):
        query = models.Q()
        for taxonomy, slugs in YOUTH_PROVISION.items():
            query |= models.Q(taxonomy__slug=taxonomy, slug__in=slugs)
        return self.filter(query)


class TaxonomyTerm(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.CASCADE, related_name="terms")
    slug = models.SlugField(max_length=80, help_text="Used in shareable search links.")
    name = models.CharField(max_length=120)
    description = models.TextField()
    code = models.CharField(
        max_length=80, blank=True, help_text="The term's code in its taxonomy, if it has one."
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    term_uri = models.URLField(blank=True)
    synonyms = models.TextField(
        blank=True,
        help_text="Other words people search with, separated by commas (e.g. county lines, CCE).",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = TaxonomyTermQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("taxonomy"), FieldPanel("order")]),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("synonyms"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("parent")]),
        FieldPanel("term_uri"),
    ]

    class Meta:
        ordering = ["taxonomy__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "slug"], name="unique_term_slug")
        ]

    def __str__(self):
        return self.name

    @property
    def synonym_list(self) -> list[str]:
        return [s.strip() for s in self.synonyms.split(",") if s.strip()]
