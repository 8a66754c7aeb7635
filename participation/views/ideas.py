"""Ideas for youth provision: the published ideas with their answers, proposing, supporting."""

from django.db import OperationalError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from participation.contributors import client_address, contributor_for, remember
from participation.forms import IdeaPageForm, where_choices
from participation.limits import RateLimited
from participation.models import Area, ProposalKind, ProposalWhen
from participation.presenters import published_proposal, published_proposals
from participation.services import InProgress, KeyReused, submit_proposal, support_proposal
from participation.services.proposals import supported_by
from participation.services.writes import is_busy

from .common import idempotency_key, new_key, render_busy, render_limited

NEW_TEMPLATE = "participation/idea_form.html"


def ideas(request):
    area = request.GET.get("area", "")
    area = area if area in Area.values else ""
    contributor = contributor_for(request)
    supported = set() if contributor.is_new else supported_by(contributor.hash)
    proposals = published_proposals(area=area)
    return render(
        request,
        "participation/ideas.html",
        {
            "page_title": "Ideas for things to do",
            "proposals": proposals,
            "supported": {str(pk) for pk in supported},
            "areas": Area.choices,
            "area": area,
            "just_supported": request.GET.get("supported", ""),
        },
    )


def _context(form, key):
    return {
        "page_title": "Share an idea",
        "form": form,
        "idempotency_key": key,
        "kinds": ProposalKind.choices,
        "whens": ProposalWhen.choices,
        "where_groups": where_choices(),
    }


@never_cache
def new_idea(request):
    if request.method != "POST":
        return render(request, NEW_TEMPLATE, _context(IdeaPageForm(), new_key()))
    form = IdeaPageForm(request.POST)
    key = idempotency_key(request)
    if not form.is_valid():
        return render(request, NEW_TEMPLATE, _context(form, key), status=400)
    contributor = contributor_for(request)
    submission = form.submission()
    address = client_address(request)
    try:
        try:
            result = submit_proposal(
                submission, contributor=contributor.hash, idempotency_key=key, address=address
            )
        except KeyReused:
            key = new_key()
            result = submit_proposal(
                submission, contributor=contributor.hash, idempotency_key=key, address=address
            )
    except RateLimited as exc:
        return render_limited(request, NEW_TEMPLATE, _context(form, key), exc)
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        return render_busy(request, NEW_TEMPLATE, _context(form, key))
    except InProgress as exc:
        return render(
            request, NEW_TEMPLATE, {**_context(form, key), "still_sending": exc.message}, status=409
        )
    response = render(
        request,
        "participation/thanks.html",
        {
            "page_title": "Thank you",
            "kind": "proposal",
            "result": result,
            "immediate_help": result.needs_immediate_help,
        },
        status=201 if result.created else 200,
    )
    return remember(response, contributor)


@require_POST
def support(request, proposal_id):
    proposal = published_proposal(proposal_id)
    if proposal is None:
        raise Http404("No published idea with that id")
    contributor = contributor_for(request)
    try:
        support_proposal(proposal, contributor=contributor.hash, address=client_address(request))
    except RateLimited as exc:
        return render(
            request,
            "participation/limited.html",
            {"page_title": "Please wait", "message": exc.message, "back": "/have-your-say/ideas/"},
            status=429,
        )
    response = redirect(f"/have-your-say/ideas/?supported={proposal.pk}#idea-{proposal.pk}")
    return remember(response, contributor)
