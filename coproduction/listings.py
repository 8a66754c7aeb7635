"""What an approved suggestion becomes for the Directory managers: a prefilled draft listing, or,
when the directory already seems to hold it, a match offered instead of a duplicate.

Runs inside moderation's decision transaction (Suggestion.on_moderation_decided). The draft is
built from moderation's published (redacted) words only, and stays a draft until a manager
publishes it in the directory's admin; published, its page says "suggested by young people"."""

from services_directory.models import (
    Location,
    Service,
    ServiceAtLocation,
    ServiceKind,
)
from services_directory.text import normalise

from .models import Suggestion, SuggestionKind


def _words(text: str) -> set[str]:
    return set(normalise(text).split())


def find_match(suggestion: Suggestion, name: str) -> Service | None:
    """An existing listing with the same name, or at the same named place with a name holding
    all the words of the suggested one (or the other way round)."""
    wanted = _words(name)
    if not wanted:
        return None
    exact = [s for s in Service.objects.only("id", "name") if _words(s.name) == wanted]
    if exact:
        return exact[0]
    if suggestion.place_id:
        at_place = Service.objects.filter(
            service_at_locations__location__place=suggestion.place
        ).distinct()
        for service in at_place:
            words = _words(service.name)
            if wanted <= words or words <= wanted:
                return service
    return None


def _description(suggestion: Suggestion, words: dict[str, str]) -> str:
    parts = [words["why"]]
    if words["when"]:
        parts.append(f"When: {words['when']}.")
    parts.append(f"Suits: {suggestion.get_who_display().lower()}.")
    return "\n\n".join(p for p in parts if p)


def make_draft(suggestion: Suggestion) -> Service:
    """A draft listing prefilled from the suggestion's published words (never live by itself)."""
    words = suggestion.published_fields()
    service = Service(
        name=words["name"] or suggestion.get_what_display(),
        kind=ServiceKind.ASSET if suggestion.what == SuggestionKind.PLACE else ServiceKind.SERVICE,
        description=_description(suggestion, words),
        url=words["link"] if words["link"] == suggestion.link else "",
        live=False,
        has_unpublished_changes=True,
        suggested_by_young_people=True,
    )
    service.save()
    if suggestion.place_id or suggestion.lat is not None:
        location = Location.objects.create(
            name=suggestion.place.name if suggestion.place_id else service.name,
            place=suggestion.place,
            lat=None if suggestion.place_id else suggestion.lat,
            lng=None if suggestion.place_id else suggestion.lng,
        )
        ServiceAtLocation.objects.create(service=service, location=location)
    service.save_revision()
    return service


def suggestion_approved(suggestion: Suggestion) -> None:
    if suggestion.draft_id or suggestion.match_id:
        return
    match = find_match(suggestion, suggestion.published_fields()["name"])
    if match is not None:
        suggestion.match = match
        Suggestion.objects.filter(pk=suggestion.pk).update(match=match)
        return
    suggestion.draft = make_draft(suggestion)
    Suggestion.objects.filter(pk=suggestion.pk).update(draft=suggestion.draft)


def draft_anyway(suggestion: Suggestion) -> Service:
    """A manager judged the offered match to be another place: the draft is made after all."""
    suggestion.draft = make_draft(suggestion)
    suggestion.match = None
    Suggestion.objects.filter(pk=suggestion.pk).update(draft=suggestion.draft, match=None)
    return suggestion.draft
