"""Public pages of participation (mounted at the site root by website/urls.py)."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("have-your-say/", views.hub, name="hub"),
    path("have-your-say/pin/", views.add_pin, name="pin"),
    path("have-your-say/ideas/", views.ideas, name="ideas"),
    path("have-your-say/ideas/new/", views.new_idea, name="new-idea"),
    path("have-your-say/ideas/<uuid:proposal_id>/support/", views.support, name="support"),
    path("have-your-say/you-said-we-did/", views.you_said_we_did_page, name="you-said-we-did"),
    path("have-your-say/receipt/", views.receipt, name="receipt"),
]
