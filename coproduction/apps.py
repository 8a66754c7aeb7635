from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coproduction"
    verbose_name = "Co-production with young people"

    def ready(self):
        from participation import receipt_types

        from .models import Suggestion
        from .receipts import suggestion_status

        # Receipts list, check and delete suggestions without participation importing this app.
        receipt_types.register(
            receipt_types.ReceiptType(
                kind=Suggestion.moderation_kind,
                model=Suggestion,
                related_name="suggestions",
                status=suggestion_status,
            )
        )
