"""The words that raised the scan's risk, marked over the original text for the moderator. Every
piece of the contributor's text is escaped; only our own <mark> elements are markup."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from .scanner import CATEGORY_LABELS


def highlighted(text: str, highlights) -> str:
    """`text` with each highlight span in <mark>, or "" when there is none to show."""
    spans = sorted(
        (h for h in highlights or () if 0 <= h.get("start", -1) < h.get("end", -1) <= len(text)),
        key=lambda h: h["start"],
    )
    if not spans:
        return ""
    out, position = [], 0
    for span in spans:
        start, end = span["start"], span["end"]
        if start < position:
            continue
        out.append(conditional_escape(text[position:start]))
        label = CATEGORY_LABELS.get(span.get("category", ""), "possible risk")
        out.append(
            format_html(
                '<mark class="moderation-highlight" title="{}">{}<span class="w-sr-only"> '
                "(raised: {})</span></mark>",
                label,
                text[start:end],
                label,
            )
        )
        position = end
    out.append(conditional_escape(text[position:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 - every piece escaped above
