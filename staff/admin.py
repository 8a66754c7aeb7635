"""How every admin page of ours asks for a permission, and what a refused staff member sees.

One idiom, Wagtail's own: a permission policy, `PermissionCheckedMixin` for class-based views,
`wagtail.admin.auth.permission_required` for function views. Our pages name permissions in full
("moderation.moderate_moderationitem"), the names the roles matrix grants (staff/roles.py), so
each view says plainly which grant opens it.

A refused staff member gets Wagtail's answer: back to the dashboard with "Sorry, you do not have
permission to access this area." (`wagtail.admin.auth.permission_denied`; Wagtail's
`require_admin_access`, round every admin URL, turns a `PermissionDenied` raised deeper, such as
an item-level check, into the same answer). A request sent with `X-Requested-With:
XMLHttpRequest` gets a plain 403 instead, as Wagtail does for its own script calls."""

from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured

from wagtail.admin.auth import any_permission_required
from wagtail.admin.auth import permission_required as wagtail_permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permission_policies.base import BasePermissionPolicy


class PermissionNamePolicy(BasePermissionPolicy):
    """A Wagtail permission policy whose actions are full permission names, for admin pages that
    are not one model's add/change/delete (a queue, a dashboard, an export)."""

    def __init__(self):
        super().__init__(model=None)

    def user_has_permission(self, user, action):
        return bool(user and user.is_active and user.has_perm(action))

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager
        return reduce(or_, (users.with_perm(action) for action in actions), users.none())


permission_names = PermissionNamePolicy()


class PermissionRequiredMixin(PermissionCheckedMixin):
    """Wagtail's `PermissionCheckedMixin` with full permission names: set `permission_required`
    to one name, or `any_permission_required` to several. A view that sets neither is a mistake
    (it would open to anyone who may open the admin), so it fails loudly."""

    permission_policy = permission_names
    # Ours, not a model view's defaults (Wagtail's IndexView asks for any of add/change/delete).
    permission_required = None
    any_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if self.permission_required is None and self.any_permission_required is None:
            raise ImproperlyConfigured(f"{type(self).__name__} names no permission")
        return super().dispatch(request, *args, **kwargs)


def permission_required(*permissions: str):
    """Wagtail's `permission_required` for a function view: one full permission name, or
    several of which the user needs any one."""
    if not permissions:
        raise ImproperlyConfigured("permission_required needs a permission name")
    if len(permissions) == 1:
        return wagtail_permission_required(permissions[0])
    return any_permission_required(*permissions)


class PermissionMenuItem(MenuItem):
    """A menu item shown only to those holding its permission (one full name, or any of
    several), so the menu never offers a page that would send its reader back."""

    def __init__(self, *args, permission: str | tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = (permission,) if isinstance(permission, str) else tuple(permission)

    def is_shown(self, request):
        return permission_names.user_has_any_permission(request.user, self.permissions)
