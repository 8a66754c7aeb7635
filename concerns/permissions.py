"""Who may open the places-of-concern admin: Contextual safeguarding coordinators, by the
permissions the roles matrix grants them (staff/roles.py)."""

COORDINATE = "concerns.change_concernreport"
VIEW_REPORTS = "concerns.view_concernreport"
EXPORT = "concerns.export_problem_profile"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def can_coordinate(user) -> bool:
    return _active(user) and user.has_perm(COORDINATE) and user.has_perm(VIEW_REPORTS)


def can_export(user) -> bool:
    return can_coordinate(user) and user.has_perm(EXPORT)
