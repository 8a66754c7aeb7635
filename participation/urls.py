"""Public pages of participation (mounted at the site root by website/urls.py)."""

urlpatterns: list = []
