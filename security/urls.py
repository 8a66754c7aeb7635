from django.urls import path

from . import views

# Mounted under /admin/mfa/ through Wagtail's register_admin_urls hook (wagtail_hooks.py).
urlpatterns = [
    path("mfa/setup/", views.setup, name="security_mfa_setup"),
    path("mfa/verify/", views.verify, name="security_mfa_verify"),
    path("mfa/recovery-codes/", views.recovery_codes, name="security_mfa_recovery_codes"),
    path(
        "mfa/recovery-codes/new/", views.new_recovery_codes, name="security_mfa_new_recovery_codes"
    ),
]
