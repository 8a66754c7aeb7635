"""The second-factor screens: set up an authenticator (QR code, then recovery codes shown once),
and enter a code after the password."""

from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import mfa
from .audit import audit
from .forms import CodeForm

_CODES_SESSION_KEY = "security_new_recovery_codes"


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and candidate.startswith("/admin/"):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(name: str, request) -> str:
    return f"{reverse(name)}?{urlencode({'next': _next_url(request)})}"


def _qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg[svg.index("<svg") :]  # without the XML declaration, to sit inside HTML


def _signed_out_for_too_many_codes(request):
    messages.error(
        request,
        "Too many wrong codes. You have been signed out and this account cannot finish signing "
        "in for a while. If this was not you, tell your administrator.",
    )
    return redirect("wagtailadmin_login")


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if mfa.has_second_factor(user):
        # An authenticator exists: a second one is never added with only a password.
        if user.is_verified():
            return redirect(_next_url(request))
        return redirect(_with_next("security_mfa_verify", request))
    device = mfa.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = mfa.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes is not None:
            request.session[_CODES_SESSION_KEY] = codes
            return redirect(_with_next("security_mfa_recovery_codes", request))
        form.add_error("code", "That code did not match. Enter the 6-digit code the app shows now.")
    secret = device.config_url.split("secret=", 1)[1].split("&", 1)[0]
    context = {
        "form": form,
        "qr_svg": mark_safe(_qr_svg(device.config_url)),  # noqa: S308 (SVG we generated)
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _next_url(request),
    }
    return render(request, "security/mfa_setup.html", context)


@never_cache
def recovery_codes(request):
    """Shows the recovery codes made at enrolment, once."""
    if not request.user.is_verified():
        return redirect("security_mfa_verify")
    codes = request.session.pop(_CODES_SESSION_KEY, None)
    return render(
        request, "security/mfa_recovery_codes.html", {"codes": codes, "next": _next_url(request)}
    )


@never_cache
def new_recovery_codes(request):
    """Replaces the recovery codes (the old ones stop working) for a verified member of staff."""
    if not request.user.is_verified():
        return redirect("security_mfa_verify")
    if request.method == "POST":
        request.session[_CODES_SESSION_KEY] = mfa.new_recovery_codes(request.user)
        audit("mfa.recovery_codes_replaced", user=request.user)
        return redirect("security_mfa_recovery_codes")
    return render(request, "security/mfa_new_recovery_codes.html", {})


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not mfa.has_second_factor(user):
        return redirect(_with_next("security_mfa_setup", request))
    if mfa.is_locked(user):
        audit("mfa.refused_locked", user=user)
        logout(request)
        return _signed_out_for_too_many_codes(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if mfa.verify(request, form.cleaned_data["code"]):
                return redirect(_next_url(request))
        except mfa.SecondFactorLocked:
            return _signed_out_for_too_many_codes(request)
        form.add_error(
            "code",
            "That code did not work. Enter the 6-digit code your authenticator app shows now, "
            "or one of your recovery codes.",
        )
    return render(request, "security/mfa_verify.html", {"form": form, "next": _next_url(request)})
