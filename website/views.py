from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from wagtail.models import Page

RESULTS_PER_PAGE = 10
SERVICES_SHOWN = 5


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search this site",
        max_length=200,
        required=False,
        error_messages={"max_length": "Search for 200 characters or fewer."},
    )


def search(request):
    """Site search: the live pages (the EFH section's guidance, pathways and action plan) through
    Wagtail search, and the services directory through its own search (synonyms included)."""
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_bound and form.is_valid() else ""
    context = {"form": form, "query": query, "page_title": "Search"}
    if query:
        results = Page.objects.live().public().specific().search(query)
        context["results"] = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        context.update(_services(query))
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, "website/search.html", context, status=status)


def _services(query: str) -> dict:
    from services_directory.queries import for_display, search_services

    services = search_services(q=query)
    return {
        "services": list(for_display(services)[:SERVICES_SHOWN]),
        "services_count": services.count(),
        "services_url": reverse("services_directory:directory") + "?" + urlencode({"q": query}),
    }
