"""HSDS organization: who runs a service."""

import uuid

from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel


class Organization(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=255)
    description = models.TextField()
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    logo = models.URLField(blank=True, help_text="The address of the organisation's logo image.")
    uri = models.URLField(blank=True, help_text="A persistent identifier of the organisation.")
    charity_number = models.CharField(
        max_length=20, blank=True, help_text="Registered charity number in England and Wales."
    )
    company_number = models.CharField(max_length=20, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    last_modified = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        FieldRowPanel([FieldPanel("charity_number"), FieldPanel("company_number")]),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("uri")]),
        FieldPanel("parent"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "organisation"

    def __str__(self):
        return self.name
