from django.shortcuts import render
from wagtail.models import Page


def search(request):
    """Site search over live pages; the directory joins the results once it exists."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.live().public().specific().search(query) if query else []
    return render(
        request,
        "website/search.html",
        {"query": query, "results": results, "page_title": "Search"},
    )
