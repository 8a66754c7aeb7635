"""The "many items from one source" marker (moderation/sources.py) for the queue and the review
screen, kept apart from both views so it is one column and one include."""

from django.conf import settings

from wagtail.admin.ui.tables import Column

from moderation.sources import same_source_counts


def marker_context(count: int | None) -> dict:
    return {"same_source": count, "same_source_hours": settings.MODERATION_SAME_SOURCE_HOURS}


class SameSourceColumn(Column):
    """One lookup for the whole page of the queue (the table's rows), not one per row."""

    cell_template_name = "moderation/admin/cells/same_source.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        table = parent_context["table"]
        if getattr(table, "_same_source", None) is None:
            table._same_source = same_source_counts(list(table.data))
        context.update(marker_context(table._same_source.get(instance.pk)))
        return context
