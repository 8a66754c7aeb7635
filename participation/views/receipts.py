"""/have-your-say/receipt/: a receipt code in, the status and answers out; delete for good.

The code travels in POST bodies only, never in a URL, so it stays out of history and logs."""

from django.db import OperationalError
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from participation.contributors import client_address
from participation.forms import ReceiptForm
from participation.limits import RateLimited
from participation.services import (
    ReceiptNotFound,
    delete_receipt,
    find_receipt,
    receipt_statuses,
)
from participation.services.writes import is_busy

from .common import BUSY_ACTION_TEXT, render_busy

TEMPLATE = "participation/receipt.html"


@never_cache
def receipt(request):
    context = {"page_title": "Check or delete what you sent"}
    if request.method != "POST":
        return render(request, TEMPLATE, {**context, "form": ReceiptForm()})
    form = ReceiptForm(request.POST)
    if not form.is_valid():
        return render(request, TEMPLATE, {**context, "form": form}, status=400)
    code = form.cleaned_data["code"]
    try:
        found = find_receipt(code, address=client_address(request))
    except RateLimited as exc:
        response = render(
            request, TEMPLATE, {**context, "form": form, "rate_limited": exc.message}, status=429
        )
        response["Retry-After"] = str(exc.retry_after)
        return response
    except ReceiptNotFound as exc:
        form.add_error("code", exc.message)
        return render(request, TEMPLATE, {**context, "form": form}, status=404)
    statuses = {**context, "form": form, "code": code, "statuses": receipt_statuses(found)}
    if request.POST.get("action") == "delete":
        confirm = request.POST.get("confirm")
        if confirm == "yes":
            try:
                deleted = delete_receipt(found)
            except OperationalError as exc:
                if not is_busy(exc):
                    raise
                # Still asking to confirm, with the code kept: pressing Yes again retries.
                confirming = {**statuses, "confirm_delete": True}
                return render_busy(request, TEMPLATE, confirming, message=BUSY_ACTION_TEXT)
            return render(request, TEMPLATE, {**context, "form": ReceiptForm(), "deleted": deleted})
        if confirm is None:
            return render(request, TEMPLATE, {**statuses, "confirm_delete": True})
    return render(request, TEMPLATE, statuses)
