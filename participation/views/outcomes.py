"""/have-your-say/you-said-we-did/: what the partnership did, by part of the city and by idea."""

from django.shortcuts import render

from participation.models import Area
from participation.presenters import you_said_we_did


def you_said_we_did_page(request):
    area = request.GET.get("area", "")
    area = area if area in Area.values else ""
    return render(
        request,
        "participation/you_said_we_did.html",
        {
            "page_title": "You said, we did",
            "groups": you_said_we_did(area),
            "areas": Area.choices,
            "area": area,
        },
    )
