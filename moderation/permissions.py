"""Who may do what in moderation. Permissions are granted to the contract's groups by migration
0003: Moderators moderate, Safeguarding leads also handle flagged items and read the audit."""

from website.staff_groups import MODERATORS, SAFEGUARDING_LEADS

MODERATE = "moderation.moderate_moderationitem"
SAFEGUARD = "moderation.safeguard_moderationitem"
VIEW_AUDIT = "moderation.view_auditentry"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_moderate(user) -> bool:
    return _active(user) and user.has_perm(MODERATE)


def can_safeguard(user) -> bool:
    return _active(user) and user.has_perm(SAFEGUARD)


def can_view_audit(user) -> bool:
    return _active(user) and user.has_perm(VIEW_AUDIT)


def can_see(user, item) -> bool:
    """Flagged items are for safeguarding leads only."""
    return can_safeguard(user) if item.flagged else can_moderate(user)


# What each contract group may do in moderation (codenames of this app), granted by migration
# 0003.
GROUP_PERMISSIONS = {
    MODERATORS: ["view_moderationitem", "moderate_moderationitem"],
    SAFEGUARDING_LEADS: [
        "view_moderationitem",
        "moderate_moderationitem",
        "safeguard_moderationitem",
        "view_auditentry",
        "add_scanphrase",
        "change_scanphrase",
        "delete_scanphrase",
        "view_scanphrase",
    ],
}
