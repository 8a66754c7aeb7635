"""The Content Security Policies, built from settings (imported by the settings modules, so no
Django imports here).

Two policies: a strict one for the public site and a looser one scoped to `/admin/` only. The
public pages are ours and carry no inline script, no eval and no inline style; Wagtail's admin
is not yet compatible with such a policy (inline scripts and style attributes in its templates
and widgets), so it gets 'unsafe-inline' on /admin/ and nowhere else."""

from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF

UNSAFE_INLINE = "'unsafe-inline'"


def source_for_url_template(url: str) -> str:
    """The CSP source expression of a URL template such as a tile server's
    `https://{s}.tile.example.org/{z}/{x}/{y}.png`: its origin, with a `{s}` subdomain as `*`."""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        raise ValueError(f"Not an absolute URL: {url!r}")
    host = parts.netloc.replace("{s}", "*")
    if "{" in host:
        raise ValueError(f"Only a {{s}} placeholder is supported in the host: {url!r}")
    return f"{parts.scheme}://{host}"


def public_policy(tile_url: str) -> dict:
    tiles = source_for_url_template(tile_url)
    return {
        "default-src": [SELF],
        # NONCE is only spent when a template asks for request.csp_nonce; none does today.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", tiles],
        "font-src": [SELF],
        # Same-origin websockets are added per request (the host is only known then).
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "media-src": [SELF],
        "frame-src": [NONE],
        "worker-src": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_policy(tile_url: str) -> dict:
    tiles = source_for_url_template(tile_url)
    return {
        "default-src": [SELF],
        # Wagtail's admin still renders some inline scripts and many style attributes.
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", tiles],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "media-src": [SELF],
        # Previews of pages and embeds are iframes of our own admin.
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
