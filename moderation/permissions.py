"""Who may do what in moderation. The roles matrix (staff/roles.py) grants these: Moderators
moderate, Safeguarding leads also handle flagged items and read the audit."""

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
