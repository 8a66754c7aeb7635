"""Ideas for youth provision: the published ideas with their answers, proposing, supporting."""

from django.db import OperationalError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from participation import limits
from participation.contributors import client_address, contributor_for, remember
from participation.forms import IdeaPageForm, where_choices
from participation.limits import RateLimited
from participation.models import Area, ProposalKind, ProposalWhen
from participation.presenters import published_proposal, published_proposals
from participation.services import submit_proposal, support_proposal
from participation.services.proposals import supported_by
from participation.services.writes import is_busy

from .common import render_busy_action
from .submission import SubmissionPage, form_context


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


IDEA_PAGE = SubmissionPage(
    template="participation/idea_form.html",
    context=form_context(
        "Share an idea",
        kinds=ProposalKind.choices,
        whens=ProposalWhen.choices,
        where_groups=where_choices,
    ),
    submit=submit_proposal,
    kind="proposal",
)


new_idea = IDEA_PAGE.view(IdeaPageForm)


@require_POST
def support(request, proposal_id):
    proposal = published_proposal(proposal_id)
    if proposal is None:
        raise Http404("No published idea with that id")
    contributor = contributor_for(request)
    try:
        limits.check_new_contributor(contributor.is_new, client_address(request))
        support_proposal(proposal, contributor=contributor.hash, address=client_address(request))
    except RateLimited as exc:
        return render(
            request,
            "participation/limited.html",
            {
                "page_title": "Please wait",
                "message": exc.message,
                "back": reverse("participation:ideas"),
            },
            status=429,
        )
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        return render_busy_action(
            request, back=reverse("participation:ideas") + f"#idea-{proposal.pk}"
        )
    response = redirect(
        reverse("participation:ideas") + f"?supported={proposal.pk}#idea-{proposal.pk}"
    )
    return remember(response, contributor)
