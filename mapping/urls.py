"""Public pages of mapping (mounted at the site root by website/urls.py)."""

urlpatterns: list = []
