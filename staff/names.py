"""How staff are named to each other on screen: the full name people know them by, falling back
to the username for an account that has none."""


def staff_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()
