"""Names and contact details in a reporter's free text, removed before anything is stored.

The same detection as young people's words (moderation's scan, `find_pii`), applied by default
and with no way round it: a coordinator who needs to know more contacts the reporter."""

from moderation.scanner import find_pii, redact

FREE_TEXT_FIELDS = ("what_seen", "location_text", "when_text")


def redact_text(text: str) -> tuple[str, list[str]]:
    """(the text with names and contact details replaced, the kinds removed)."""
    spans = find_pii(text)
    if not spans:
        return text, []
    return redact(text, spans), sorted({span.kind for span in spans})


def redact_free_text(values: dict) -> tuple[dict, dict]:
    """(the values with each free-text field redacted, {field: [kinds removed]})."""
    cleaned, removed = dict(values), {}
    for name in FREE_TEXT_FIELDS:
        text, kinds = redact_text(values.get(name) or "")
        if kinds:
            cleaned[name], removed[name] = text, kinds
    return cleaned, removed
