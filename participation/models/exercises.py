"""Mapping exercises: a question about an area, for a period, open to anyone or workshop-only."""

from django.db import models


class Exercise(models.Model):
    """A mapping exercise: a question about an area, for a period, open or workshop-only."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title
