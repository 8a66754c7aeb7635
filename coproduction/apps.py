from django.apps import AppConfig


class CoproductionConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "coproduction"
    verbose_name = "Co-production with young people"

    def ready(self):
        from mapping import extensions as map_extensions
        from participation import receipt_types
        from services_directory import extensions
        from workshops import extensions as exercise_extensions

        from . import exercise_results, partnership, stand_outs, view_display
        from .models import ServiceView, Suggestion
        from .receipts import service_view_status, suggestion_status

        # Receipts list, check and delete suggestions without participation importing this app.
        receipt_types.register(
            receipt_types.ReceiptType(
                kind=Suggestion.moderation_kind,
                model=Suggestion,
                related_name="suggestions",
                status=suggestion_status,
            )
        )
        receipt_types.register(
            receipt_types.ReceiptType(
                kind=ServiceView.moderation_kind,
                model=ServiceView,
                related_name="service_views",
                status=service_view_status,
            )
        )
        # The list of what can stand out, cached between requests (coproduction/stand_outs.py).
        stand_outs.connect()
        # The service page and its ORUK record show the published young people's view, without
        # the directory importing this app.
        extensions.register(
            extensions.ServiceExtension(
                name="young_peoples_view",
                oruk_fields=view_display.oruk_fields,
                page_section=view_display.page_section,
                related="young_peoples_view",
            )
        )
        # An exercise asking for good places offers the suggestion form and lists what came,
        # without workshops importing this app.
        exercise_extensions.register(
            exercise_extensions.ExerciseExtension(
                name="good_places",
                link=exercise_results.link,
                results_section=exercise_results.results_section,
            )
        )
        # The partnership's provision-gap view also finds unsafe areas with no service young
        # people recommend nearby, without mapping importing this app.
        map_extensions.register_gaps_section("recommended", partnership.gaps_section)
