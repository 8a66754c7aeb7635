"""What apps above mapping add to the partnership's provision-gap view (coproduction: unsafe areas
with no service young people recommend nearby), registered in their `ready()` so mapping never
imports them."""

from collections.abc import Callable

# name -> (request, selection, miles) -> {"template": ..., and its context}
_gap_sections: dict[str, Callable] = {}


def register_gaps_section(name: str, section: Callable) -> None:
    _gap_sections[name] = section


def gaps_sections(request, selection, miles) -> list[dict]:
    return [section(request, selection, miles) for section in _gap_sections.values()]
