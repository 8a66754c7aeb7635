"""The starting reasons why a place feels safe or unsafe; staff edit them in the admin afterwards."""

# (feeling, slug, label), in the order they are offered.
DEFAULT_REASONS = [
    ("unsafe", "adults-hanging-around", "Adults hanging around"),
    ("unsafe", "gangs-or-weapons", "Gangs or weapons"),
    ("unsafe", "drugs-or-alcohol", "Drugs or alcohol"),
    ("unsafe", "harassment", "Harassment"),
    ("unsafe", "bullying", "Bullying"),
    ("unsafe", "poor-lighting", "Poor lighting"),
    ("unsafe", "isolated", "Isolated, nobody around"),
    ("unsafe", "transport", "Transport: waiting for buses or trains"),
    ("safe", "trusted-adults", "Trusted adults or staff"),
    ("safe", "friends", "Friends"),
    ("safe", "busy-and-well-lit", "Busy and well lit"),
    ("safe", "things-to-do", "Things to do"),
]


def ensure_default_reasons(Reason) -> int:
    """Creates the default reasons that are missing (`Reason` may be a historical model)."""
    created = 0
    for order, (feeling, slug, label) in enumerate(DEFAULT_REASONS):
        _, new = Reason.objects.get_or_create(
            slug=slug, defaults={"label": label, "feeling": feeling, "order": order}
        )
        created += new
    return created
