from .places import NamedPlace, PlaceKind

__all__ = ["NamedPlace", "PlaceKind"]
