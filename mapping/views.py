"""The public community map: a map, its legend in words, a table twin and a written summary.

Everything is rendered on the server from the same published cells as the GeoJSON API, so the page
works without JavaScript; the map is drawn by mapping/js/community-map.js from json_script data."""

from urllib.parse import urlencode

from django.shortcuts import render

from participation.models import Feeling, TimeOfDay
from workshops.models import Exercise

from .outputs import collection_for, default_order, rows
from .releases import one_reading, released_months
from .scale import BANDS
from .selection import Selection, SelectionError, month_label, parse_selection
from .summary import summarise


def filter_choices(selection: Selection) -> dict:
    """The filters' select boxes (name, label, the empty choice, options, the current value),
    plus the exercises and released months on their own for other forms."""
    months = [(month, month_label(month)) for month in released_months(Selection())]
    exercises = list(Exercise.objects.order_by("title", "round_number"))
    filters = selection.filters
    fields = [
        (
            "exercise",
            "Mapping exercise",
            "All pins",
            [(e.slug, str(e)) for e in exercises],
            filters.exercise,
        ),
        (
            "feeling",
            "Feeling",
            "Safe and unsafe",
            [(v, f"{label} only") for v, label in Feeling.choices],
            filters.feeling,
        ),
        ("when", "Time of day", "Any time", TimeOfDay.choices, filters.when),
        ("from", "From", "The first month", months, selection.start),
        ("to", "To", "The latest month", months, selection.end),
    ]
    return {
        "filter_fields": [
            dict(zip(("name", "label", "empty", "options", "current"), field, strict=True))
            for field in fields
        ],
        "exercises": exercises,
        "months": months,
    }


def community_map(request):
    with one_reading():
        return _community_map(request)


def _community_map(request):
    errors = []
    try:
        selection = parse_selection(request.GET)
    except SelectionError as error:
        errors = error.errors
        selection = Selection()
    collection = collection_for(selection)
    context = {
        **filter_choices(selection),
        "page_title": "Community map",
        "errors": errors,
        "selection": selection,
        "query_string": urlencode(selection.as_query()),
        "collection": collection,
        "rows": sorted(rows(collection), key=default_order),
        "summary": summarise(selection, collection),
        "bands": BANDS,
    }
    return render(request, "mapping/community_map.html", context, status=400 if errors else 200)
