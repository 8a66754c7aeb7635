"""Whoever deletes a moderation item (retention, a receipt code, the item's contribution), the
audit keeps who, when and what happened to it, and no free text."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from .models import AuditAction, AuditEntry, ModerationItem


@receiver(post_delete, sender=ModerationItem, dispatch_uid="moderation_item_forgotten")
def forget_free_text(sender, instance, **kwargs):
    AuditEntry.objects.erase_free_text([instance.pk])
    AuditEntry.objects.create(
        at=timezone.now(), item_id=instance.pk, kind=instance.kind, action=AuditAction.DELETED
    )
