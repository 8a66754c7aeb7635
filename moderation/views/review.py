"""One contribution, as a moderator judges it: its words with the scan's spans highlighted (one
click redacts or restores), what the public would read, its exact place on a map, its photo
(blurred until asked for), and the decisions. Every action is a plain POST form; errors come
back on the same page with a 4xx status, never a 500."""

import mimetypes
from functools import wraps
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from moderation import safeguarding, services, wellbeing
from moderation.errors import ModerationError
from moderation.forms import (
    ApproveForm,
    DecisionForm,
    EscalateForm,
    RedactForm,
    RedactWordsForm,
    RejectForm,
    TakeOverForm,
)
from moderation.highlight import highlighted
from moderation.models import AuditEntry, ModerationItem, RiskLevel
from moderation.permissions import MODERATE, SAFEGUARD, can_safeguard, can_see, can_view_audit
from moderation.scanner import CATEGORY_LABELS, REDACTION_LABELS
from moderation.sources import same_source_count
from moderation.views.same_source import marker_context
from places.maps import map_config
from staff.admin import PermissionRequiredMixin, permission_required
from staff.names import staff_name

SHORTCUTS = [
    ("c", "Claim or release"),
    ("d", "Go to the decision"),
    ("a", "Approve"),
    ("r", "Reject (choose a reason)"),
    ("e", "Escalate to a safeguarding lead"),
    ("s", "Show hidden text and photo"),
    ("n", "Next item"),
    ("q", "Back to the queue"),
]


def item_or_404(request, pk) -> ModerationItem:
    item = get_object_or_404(
        ModerationItem.objects.select_related("claimed_by", "decided_by", "content_type"), pk=pk
    )
    if not can_see(request.user, item):
        raise PermissionDenied
    return item


def segments(text: str, item: ModerationItem) -> list[dict]:
    """The original text cut at every detected or redacted span, for highlighting."""
    redacted = {(s["start"], s["end"]) for s in item.redactions}
    spans = {(s["start"], s["end"]): s["kind"] for s in item.pii}
    spans.update({(s["start"], s["end"]): s["kind"] for s in item.redactions})
    out, position = [], 0
    for (start, end), kind in sorted(spans.items()):
        if start < position or end > len(text):
            continue
        if start > position:
            out.append({"text": text[position:start], "start": position, "span": False})
        out.append(
            {
                "text": text[start:end],
                "start": start,
                "end": end,
                "kind": kind,
                "label": REDACTION_LABELS.get(kind, "[removed]"),
                "redacted": (start, end) in redacted,
                "span": True,
                "index": len(out),
            }
        )
        position = end
    if position < len(text):
        out.append({"text": text[position:], "start": position, "span": False})
    return out


class ReviewView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    # Flagged items are for leads only: item_or_404 checks each item (can_see).
    any_permission_required = (MODERATE, SAFEGUARD)
    template_name = "moderation/admin/review.html"
    header_icon = "doc-full"

    def get(self, request, pk):
        return self.respond(request, item_or_404(request, pk))

    def respond(self, request, item, *, status=200, error="", **forms):
        self.request, self.item = request, item
        context = self.get_context_data(error=error, **forms)
        return self.render_to_response(context, status=status)

    def get_page_title(self):
        return "Possible disclosure" if self.item.flagged else "Review a contribution"

    def get_breadcrumbs_items(self):
        if self.item.flagged:
            queue = {"url": reverse("moderation_safeguarding:index"), "label": "Safeguarding queue"}
        else:
            queue = {"url": reverse("moderation_queue:index"), "label": "Moderation queue"}
        return [*self.breadcrumbs_items, queue, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, error="", **forms):
        context = super().get_context_data()
        item, user = self.item, self.request.user
        contribution = item.contribution
        summary = contribution.moderation_summary() if contribution is not None else None
        text = contribution.moderation_text() if contribution is not None else ""
        lead = can_safeguard(user)
        shown = wellbeing.revealed(user, item)
        context.update(
            hide_text=item.distressing and not shown,
            hide_photo=not shown,
            content_warning=item.content_warning,
            highlighted=highlighted(text, item.highlights),
            risk_score_percent=round(item.risk_score * 100),
            wellbeing=wellbeing.status(user),
            reveal_url=reverse("moderation_queue:reveal", args=[item.pk]),
            judge_url=reverse("moderation_queue:judge", args=[item.pk]),
            possible=item.risk_level == RiskLevel.POSSIBLE,
            **marker_context(same_source_count(item)),
        )
        context.update(
            item=item,
            summary=summary,
            segments=segments(text, item),
            original=text,
            error=error,
            lead=lead,
            **_claim_context(item, user),
            categories=[CATEGORY_LABELS.get(slug, slug) for slug in item.disclosure],
            position=_position(summary),
            photo_url=reverse("moderation_queue:photo", args=[item.pk]) if item.has_photo else "",
            shortcuts=SHORTCUTS,
            approve_form=forms.get("approve_form")
            or ApproveForm(initial={"published_text": item.published_text}),
            reject_form=forms.get("reject_form") or RejectForm(),
            escalate_form=forms.get("escalate_form") or EscalateForm(),
            words_form=forms.get("words_form") or RedactWordsForm(),
            decision_form=forms.get("decision_form") or DecisionForm(),
            take_over_form=forms.get("take_over_form") or TakeOverForm(),
            alerts=list(item.alerts.select_related("acknowledged_by")) if lead else [],
            decisions=list(item.decisions.select_related("decided_by")) if lead else [],
            history=list(AuditEntry.objects.for_item(item.pk)) if can_view_audit(user) else [],
            next_url=reverse("moderation_queue:next"),
            queue_url=reverse(
                "moderation_safeguarding:index" if item.flagged else "moderation_queue:index"
            ),
        )
        return context


def _claim_context(item, user) -> dict:
    """Who holds the item, since when and until when; only the holder gets the decision forms
    (the server refuses anyone else with a 409 all the same)."""
    live = services.claim_is_live(item)
    mine = live and item.claimed_by_id == user.pk
    other = live and not mine
    return {
        "claimed_by_me": mine,
        "claimed_by_other": other,
        "claim_holder": staff_name(item.claimed_by) if live else "",
        "claimed_since": item.claimed_at if live else None,
        "claim_lapses_at": services.claim_lapses_at(item),
        "may_act": item.is_open and not other,
    }


def _position(summary) -> dict | None:
    if not summary or summary.get("lat") is None or summary.get("lng") is None:
        return None
    # The pin's own position, as close as a staff map around contributions goes: only moderators
    # see this map.
    return {
        **map_config(centre=(summary["lat"], summary["lng"]), zoom=17, around_contributions=True),
        "lat": summary["lat"],
        "lng": summary["lng"],
    }


def review_url(item) -> str:
    name = "moderation_safeguarding:review" if item.flagged else "moderation_queue:review"
    return reverse(name, args=[item.pk])


def _action(handler):
    """A POST on one item: permission checked, moderation errors shown on the item's page with
    their status (403, 409), invalid forms with 400."""

    @permission_required(MODERATE, SAFEGUARD)
    @require_POST
    def view(request, pk):
        item = item_or_404(request, pk)
        try:
            return handler(request, item)
        except ModerationError as error:
            item.refresh_from_db()
            if not can_see(request.user, item):
                raise PermissionDenied from error
            return ReviewView().respond(request, item, status=error.status, error=error.message)

    view.__name__ = handler.__name__
    return view


def _form_action(form_class, form_name: str):
    """An action through one form: an invalid form answers 400 on the item's page with its
    errors (the form shown again under `form_name`); a valid one reaches the handler."""

    def decorate(handler):
        @wraps(handler)
        def with_form(request, item):
            form = form_class(request.POST)
            if not form.is_valid():
                return _invalid(request, item, form, **{form_name: form})
            return handler(request, item, form)

        return _action(with_form)

    return decorate


def _invalid(request, item, form=None, **forms):
    """400, with the form's errors on the page (and summed up at the top)."""
    problems = [m for errors in (form.errors.values() if form else []) for m in errors]
    error = "Please correct the form below: " + " ".join(problems) if problems else ""
    return ReviewView().respond(
        request, item, status=400, error=error or "Please try again.", **forms
    )


def _after_decision(request, item, message):
    messages.success(request, message)
    if request.POST.get("then") == "queue":
        return HttpResponseRedirect(reverse("moderation_queue:index"))
    return HttpResponseRedirect(reverse("moderation_queue:next"))


@_action
def claim(request, item):
    if item.claimed_by_id == request.user.pk and services.claim_is_live(item):
        services.release(item.pk, request.user)
        messages.success(request, "Released: someone else can take it now.")
    else:
        services.claim(item.pk, request.user)
        messages.success(request, "Claimed: it is yours for the next few minutes.")
    return HttpResponseRedirect(review_url(item))


@permission_required(SAFEGUARD)
@_form_action(TakeOverForm, "take_over_form")
def take_over(request, item, form):
    services.take_over(item.pk, request.user, form.cleaned_data["reason"])
    messages.success(request, "Taken over: it is yours now, and the audit says why.")
    return HttpResponseRedirect(review_url(item))


@_form_action(RedactForm, "redact_form")
def redact(request, item, form):
    data = form.cleaned_data
    services.set_redaction(
        item.pk,
        request.user,
        start=data["start"],
        end=data["end"],
        kind=data["kind"] or "manual",
        on=data["on"],
    )
    return HttpResponseRedirect(review_url(item) + "#text")


@_form_action(RedactWordsForm, "words_form")
def redact_words(request, item, form):
    services.redact_words(item.pk, request.user, form.cleaned_data["words"])
    return HttpResponseRedirect(review_url(item) + "#text")


@_form_action(ApproveForm, "approve_form")
def approve(request, item, form):
    data = form.cleaned_data
    text = data["published_text"] if "published_text" in request.POST else None
    services.approve(
        item.pk,
        request.user,
        published_text=text,
        response=data["response"],
        no_sign_of_harm=data["no_sign_of_harm"],
    )
    read = "Read: no sign of harm. " if data["no_sign_of_harm"] else ""
    return _after_decision(request, item, f"{read}Approved: it is public now.")


@_action
def judge(request, item):
    """The answer to a "possible" risk: read, no sign of harm (the other answer is escalate)."""
    services.judge_no_harm(item.pk, request.user)
    messages.success(request, "Recorded: read, no sign of harm. Now decide as for any item.")
    return HttpResponseRedirect(review_url(item) + "#decide-heading")


@_action
def reveal(request, item):
    """The moderator chose to see the hidden text and photo (counted for their wellbeing)."""
    wellbeing.record_reveal(request.user, item)
    return HttpResponseRedirect(review_url(item) + "#text")


@_form_action(RejectForm, "reject_form")
def reject(request, item, form):
    data = form.cleaned_data
    services.reject(
        item.pk, request.user, reason=data["reason"], note=data["note"], response=data["response"]
    )
    return _after_decision(request, item, "Rejected: it will not be published.")


@_form_action(EscalateForm, "escalate_form")
def escalate(request, item, form):
    missed = item.risk_level != RiskLevel.LIKELY
    services.escalate(item.pk, request.user, note=form.cleaned_data["note"])
    if missed:
        # The scan did not flag it: the moment to teach it, while the pattern is fresh.
        messages.success(request, "Escalated: the safeguarding leads have been alerted.")
        return HttpResponseRedirect(reverse("moderation_queue:teach", args=[item.pk]))
    return _after_decision(request, item, "Escalated: the safeguarding leads have been alerted.")


@permission_required(SAFEGUARD)
@_form_action(DecisionForm, "decision_form")
def decide(request, item, form):
    try:
        decision = safeguarding.record_decision(item.pk, request.user, **form.cleaned_data)
    except safeguarding.DecisionError as error:
        for field, message in error.errors.items():
            form.add_error(field, message)
        return _invalid(request, item, form, decision_form=form)
    messages.success(request, f"Recorded: {decision.get_outcome_display().lower()}.")
    return HttpResponseRedirect(reverse("moderation_safeguarding:index"))


@permission_required(MODERATE, SAFEGUARD)
def photo(request, pk):
    """The contribution's private photo, to moderators of this item only, never cached."""
    item = item_or_404(request, pk)
    contribution = item.contribution
    path = contribution.moderation_photo_path() if contribution is not None else None
    if not path or not Path(path).is_file():
        raise Http404("No photo")
    content_type = mimetypes.guess_type(path)[0] or "image/jpeg"
    # FileResponse closes the file once it has been sent.
    response = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    return response
