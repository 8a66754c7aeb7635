"""Names and contact details in a reporter's free text, removed before anything is stored.

The same detection as young people's words (moderation's scan, `find_pii`), applied by default
and with no way round it: a coordinator who needs to know more contacts the reporter."""

from moderation.scanner import find_pii, redact

FREE_TEXT_FIELDS = ("what_seen", "location_text", "when_text")


def redact_free_text(values: dict) -> tuple[dict, dict]:
    """(the values with each free-text field redacted, {field: [kinds removed]})."""
    cleaned, removed = dict(values), {}
    for name in FREE_TEXT_FIELDS:
        text = values.get(name) or ""
        spans = find_pii(text)
        if spans:
            cleaned[name] = redact(text, spans)
            removed[name] = sorted({span.kind for span in spans})
    return cleaned, removed
