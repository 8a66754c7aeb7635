"""Public pages of the directory: search with list and map, one service, report a problem, and
the printable "my list" (kept in the browser only)."""

from django.core.paginator import Paginator
from django.db import OperationalError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from participation import limits
from participation.contributors import client_address

from . import extensions
from .forms import DirectorySearchForm, ListingFeedbackForm
from .models import FeedbackKind, ServiceAtLocation
from .presenters import present, schedule_rows
from .queries import DirectoryQuery, for_display, published, search_services
from .services import report_problem

PER_PAGE = 20
BUSY_TEXT = (
    "We are very busy: your report was not sent yet. Press Send report again in a few seconds."
)


def is_busy(error: OperationalError) -> bool:
    # The same test as participation.services.writes.is_busy (this app sits below participation
    # and does not import it): another process holds SQLite's write lock past the busy timeout.
    return "locked" in str(error).lower()


def directory(request):
    form = DirectorySearchForm(request.GET or None)
    status = 200
    if form.is_bound and not form.is_valid():
        query, status = None, 400
    else:
        query = form.to_query() if form.is_bound else DirectoryQuery()
    page = None
    results = []
    if query is not None:
        # The list never shows these long fields: leave them in the database.
        services = search_services(query).defer(
            "search_text", "source", "source_hash", "accreditations", "how_to_access", "fees"
        )
        page = Paginator(for_display(services), PER_PAGE).get_page(request.GET.get("page"))
        results = [present(service, near=query.near) for service in page.object_list]
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "page_title": "Find support and places",
        "form": form,
        "query": query,
        "page_obj": page,
        "results": results,
        "markers": [m for r in results for m in r.markers()],
        "saved_entries": {r.service.slug: r.saved_entry() for r in results},
        "query_string": params.urlencode(),
        "share_url": request.build_absolute_uri(),
        "options": {
            name: form.options(name) for name in ("when", "near", "within", "for", "need", "type")
        },
    }
    return render(request, "services_directory/index.html", context, status=status)


# HEAD as well as GET (RFC 9110 9.3.2): link checkers and caches ask for the headers alone.
@require_http_methods(["GET", "HEAD", "POST"])
def service_detail(request, slug):
    # Whether a confidential site exists, in the service's own query (it was one more).
    private_site = ServiceAtLocation.objects.filter(
        service=OuterRef("pk"), location__confidential=True
    )
    # What the registered extensions show (the young people's view) comes in the same query.
    service = get_object_or_404(
        for_display(published().annotate(has_private_site=Exists(private_site))).select_related(
            *extensions.related()
        ),
        slug=slug,
    )
    result = present(service)
    busy, retry_after = "", None
    if request.method == "POST":
        form = ListingFeedbackForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                # Rate limits live in participation, which the retention job (moderation) must
                # not reach through services.py: counted here, at the door.
                limits.check("listing-report", address=client_address(request))
                report_problem(
                    service, kind=form.cleaned_data["kind"], comment=form.cleaned_data["comment"]
                )
            except limits.RateLimited as exc:
                busy, status, retry_after = exc.message, 429, exc.retry_after
            except OperationalError as exc:
                if not is_busy(exc):
                    raise
                # Nothing was saved: the page again, with the report as typed.
                busy, status, retry_after = BUSY_TEXT, 503, 5
            else:
                return redirect(f"{service.get_absolute_url()}?reported=1#report")
    else:
        form = ListingFeedbackForm()
        status = 200
    context = {
        "page_title": service.name,
        "service": service,
        "result": result,
        "schedules": list(service.schedules.all()),
        "schedule_rows": schedule_rows(service.schedules.all()),
        # Only whether one exists, so the page can say the address is given on contact.
        "has_private_site": service.has_private_site,
        "cost_options": list(service.cost_options.all()),
        "languages": list(service.languages.all()),
        "report_form": form,
        "reported": request.GET.get("reported") == "1",
        "report_busy": busy,
        "feedback_kinds": FeedbackKind,
        "markers": result.markers(),
        "saved_entries": {service.slug: result.saved_entry()},
        # What apps above the directory add (young people's view): services_directory/extensions.py
        "extension_sections": extensions.page_sections(request, service),
    }
    response = render(request, "services_directory/service.html", context, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def my_list(request):
    return render(request, "services_directory/my_list.html", {"page_title": "My list"})
