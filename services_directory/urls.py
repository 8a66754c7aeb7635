"""Public pages of services_directory (mounted at the site root by website/urls.py)."""

urlpatterns: list = []
