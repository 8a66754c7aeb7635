"""The public monthly moderation statistics: counts only, never content."""

from django.shortcuts import render

from moderation.statistics import monthly_statistics


def statistics(request):
    months = [month.as_public() for month in monthly_statistics(12)]
    return render(
        request,
        "moderation/statistics.html",
        {"months": months, "page_title": "How we moderate: monthly figures"},
    )
