"""The public form "Tell us about a place": anonymous, no JavaScript needed, and the only public
view of this app. What a report says is never shown back, not even on the confirmation."""

import uuid

from django.conf import settings
from django.db import OperationalError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from security.ip import client_address

from ..forms import PlaceReportForm
from ..limits import TooManyReports
from ..services import submit_report

FORM_TEMPLATE = "concerns/report_form.html"
BUSY = "We are very busy: your report was not saved yet. Press Send again in a few seconds."


def _key(request) -> str:
    try:
        return str(uuid.UUID(str(request.POST.get("idempotency_key", "")).strip()))
    except ValueError:
        return str(uuid.uuid4())


def _form_page(request, form, key, *, status=200, **extra):
    context = {
        "page_title": "Tell us about a place",
        "form": form,
        "idempotency_key": key,
        "urgent_contacts": settings.CONCERNS_URGENT_CONTACTS,
        **extra,
    }
    return render(request, FORM_TEMPLATE, context, status=status)


@require_http_methods(["GET", "POST"])
def report_place(request):
    if request.method == "GET":
        return _form_page(request, PlaceReportForm(), str(uuid.uuid4()))
    form = PlaceReportForm(request.POST)
    key = _key(request)
    if not form.is_valid():
        return _form_page(request, form, key, status=400)
    try:
        result = submit_report(
            form.report_values(), idempotency_key=key, address=client_address(request)
        )
    except TooManyReports as exc:
        response = _form_page(request, form, key, status=429, refused=exc.message)
        response["Retry-After"] = str(exc.retry_after)
        return response
    except OperationalError as exc:
        if "locked" not in str(exc).lower():
            raise
        response = _form_page(request, form, key, status=503, refused=BUSY)
        response["Retry-After"] = "5"
        return response
    context = {
        "page_title": "Thank you: your report has been sent",
        "urgent_contacts": settings.CONCERNS_URGENT_CONTACTS,
        "redacted": bool(result.report.removed),
    }
    return render(request, "concerns/thanks.html", context, status=201 if result.created else 200)
