"""Personal data in a contribution, as spans of the original text to redact.

Kinds: email, phone, postcode, handle, url, plate, name. Helplines (999, Childline's 0800 1111 and
the like) are on an allow-list: telling someone to call Childline is not personal data."""

import re
from dataclasses import dataclass

from django.conf import settings

from .names import find_names
from .wordlists import words

# Numbers young people are told to call: never redacted. Settings may add local ones.
HELPLINES = {
    "999",
    "112",
    "111",
    "101",
    "08001111",  # Childline
    "116123",  # Samaritans
    "116111",  # Childline (EU short code)
    "116000",  # Missing People
    "08088005000",  # NSPCC helpline
    "0800555111",  # Crimestoppers
    "85258",  # Shout
    "08088084994",  # The Mix
    "08000684141",  # Papyrus HOPELINE247
    "08082000247",  # National Domestic Abuse Helpline
    "01179036444",  # Bristol First Response
    "01454615165",  # Emergency Duty Team, out of hours
}

KIND_PRIORITY = ["email", "url", "phone", "postcode", "plate", "handle", "name"]


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return {"kind": self.kind, "start": self.start, "end": self.end}


EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_TLDS = (
    r"com|co\.uk|org\.uk|org|net|uk|io|ly|me|tv|gg|app|info|biz|xyz|link|be|ee|to|cc|ws|gl|co|"
    r"live|online|site|store|fans|fm|ai|dev|page|chat|club|shop|social|lol|ie|eu|ru|cam|fun|vip|"
    r"art|world"
)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')]+"
    rf"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
# A run of digits with the separators people type between them (dashes long and short too),
# optionally +44 / 0044 first.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s\-\u2010-\u2015().]{5,20}\d(?!\w)")
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? {0,2}\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE
)
# Current plates (AB12 CDE) in any case; the older prefix (R456 XYZ) and suffix formats in
# capitals, and the prefix one in lower case too (two or three digits: "b1tch" is not one) unless
# its letters are a word ("m32 lol") or it is a motorway.
PLATE_CURRENT = re.compile(r"\b([A-Z]{2}\d{2}) ?([A-Z]{3})\b", re.IGNORECASE)
PLATE_OLD = re.compile(r"\b(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b")
PLATE_PREFIX = re.compile(r"\b(?!m\d)[a-z]\d{2,3} ?([a-z]{3})\b", re.IGNORECASE)
_COMMON_THREE = words("common_three.txt")
HANDLE_AT = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{2,30}")
_PLATFORMS = (
    r"snapchat|snap|sc|insta|instagram|ig|tiktok|tik tok|tt|discord|twitter|x|fb|facebook|"
    r"whatsapp|telegram|kik|psn|xbox|gamertag|roblox|yubo|wizz|threads|bereal|twitch|youtube|yt"
)
# A handle: letters, digits, _ and . (Discord's older names end in #1234).
_HANDLE = r"(?P<handle>[A-Za-z0-9][A-Za-z0-9_.]{2,29}(?:#\d{4})?)"
HANDLE_CUE = re.compile(
    rf"\b(?:{_PLATFORMS})\b(?:\s*(?:name|username|user|handle|id|tag|gamertag|gamer tag|account|acc))?"
    r"\s*(?:is|its|it's|it is|:|-|=|@|'s)?\s*" + _HANDLE,
    re.IGNORECASE,
)
# "add trey.boi on snap", "add me kaydn2009": a handle after "add", counted when a platform
# follows it or it looks made up (digits, _ or .).
HANDLE_ADD = re.compile(
    rf"\badd(?:\s+me)?\s+{_HANDLE}(?P<platform>\s+on\s+(?:{_PLATFORMS})\b)?", re.IGNORECASE
)
_NOT_HANDLES = words("not_handles.txt")


def _digits(raw: str) -> str:
    # "+44 (0)7700 ..." writes the trunk 0 that +44 replaces: it is not a digit of the number.
    digits = re.sub(r"\D", "", raw.replace("(0)", ""))
    if raw.lstrip().startswith("+44") or digits.startswith("0044"):
        digits = "0" + digits[4:] if digits.startswith("0044") else "0" + digits[2:]
    elif digits.startswith("44") and len(digits) == 12:
        digits = "0" + digits[2:]
    return digits


def _allowed_numbers() -> set[str]:
    extra = settings.MODERATION_ALLOWED_NUMBERS
    return HELPLINES | {re.sub(r"\D", "", number) for number in extra}


def phones(text: str) -> list[Span]:
    allowed = _allowed_numbers()
    found = []
    for match in PHONE.finditer(text):
        raw = match.group(0).rstrip(").- ")
        start = match.start()
        if raw.startswith("(") and ")" not in raw:
            raw, start = raw[1:], start + 1
        digits = _digits(raw)
        if digits in allowed or not digits.startswith("0") or not 10 <= len(digits) <= 11:
            continue
        found.append(Span("phone", start, start + len(raw)))
    return found


def _plates(text: str) -> list[Span]:
    found = []
    for match in PLATE_CURRENT.finditer(text):
        letters = match.group(2)
        if not match.group(0).isupper() and letters.lower() in _COMMON_THREE:
            continue
        found.append(Span("plate", match.start(), match.end()))
    found += [Span("plate", m.start(), m.end()) for m in PLATE_OLD.finditer(text)]
    for match in PLATE_PREFIX.finditer(text):
        if match.group(0).isupper() or match.group(1).lower() in _COMMON_THREE:
            continue  # capitals were found above; a word is not the letters of a plate
        found.append(Span("plate", match.start(), match.end()))
    return found


def _handles(text: str) -> list[Span]:
    found = [Span("handle", m.start(), m.end()) for m in HANDLE_AT.finditer(text)]
    for match in HANDLE_CUE.finditer(text):
        handle = match.group("handle")
        if handle.lower() in _NOT_HANDLES:
            continue
        cue_is_explicit = re.search(
            r"(?:is|its|:|-|=|@|name|user|handle|tag)\s*$", text[: match.start("handle")]
        )
        if (cue_is_explicit or _looks_made_up(handle)) and re.search("[A-Za-z]", handle):
            found.append(Span("handle", match.start("handle"), match.end("handle")))
    for match in HANDLE_ADD.finditer(text):
        handle = match.group("handle")
        if handle.lower() in _NOT_HANDLES or re.fullmatch(_PLATFORMS, handle, re.IGNORECASE):
            continue
        if (match.group("platform") or _looks_made_up(handle)) and re.search("[A-Za-z]", handle):
            found.append(Span("handle", match.start("handle"), match.end("handle")))
    return found


def _looks_made_up(handle: str) -> bool:
    return re.search(r"[\d_.#]", handle) is not None


def find_pii(text: str) -> list[Span]:
    """Every personal-data span, overlaps resolved in favour of the more specific kind."""
    text = text or ""
    candidates = (
        [Span("email", m.start(), m.end()) for m in EMAIL.finditer(text)]
        + [Span("url", m.start(), m.end()) for m in URL.finditer(text)]
        + phones(text)
        + [Span("postcode", m.start(), m.end()) for m in POSTCODE.finditer(text)]
        + _plates(text)
        + _handles(text)
        + [Span("name", start, end) for start, end in find_names(text)]
    )
    candidates.sort(key=lambda s: (KIND_PRIORITY.index(s.kind), s.start, -(s.end - s.start)))
    chosen: list[Span] = []
    for span in candidates:
        if all(span.end <= other.start or span.start >= other.end for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def mask(text: str, spans: list[Span] | None = None) -> str:
    """`text` with each personal-data span blanked to spaces of the same length.

    What the model learns from and scores: a phone number's digits or a friend's name say nothing
    about harm, and the same length keeps every offset (highlights) valid on the original."""
    text = text or ""
    spans = find_pii(text) if spans is None else spans
    if not spans:
        return text
    out, position = [], 0
    for span in spans:
        out += [text[position : span.start], " " * (span.end - span.start)]
        position = span.end
    out.append(text[position:])
    return "".join(out)
