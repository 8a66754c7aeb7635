"""Personal data in a contribution, as spans of the original text to redact.

Kinds: email, phone, postcode, handle, url, plate, name. Helplines (999, Childline's 0800 1111 and
the like) are on an allow-list: telling someone to call Childline is not personal data."""

import itertools
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


EMAIL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|[\w.+-]+ @ [\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w.])",
    re.IGNORECASE,
)
_TLDS = (
    r"com|co\.uk|org\.uk|org|net|uk|io|ly|me|tv|gg|app|info|biz|xyz|link|be|ee|to|cc|ws|gl|co|"
    r"live|online|site|store|fans|fm|ai|dev|page|chat|club|shop|social|lol|ie|eu|ru|cam|fun|vip|"
    r"art|world"
)
# "reece at example dot com", "ollie(at)example(dot)com": an address written out to dodge a
# filter. A bare " at " needs a spelled " dot " before a known top-level domain ("the form is at
# forms.example.com" is a link); a bracketed "(at)" takes a real dot too.
_AT_BRACKET = r"\s*[(\[{]\s*at\s*[)\]}]\s*"
_DOT_SPELLED = r"(?:\s*[(\[{]\s*dot\s*[)\]}]\s*|\s+dot\s+)"
_DOT = rf"(?:{_DOT_SPELLED}|\.)"
_SPELLED_TLDS = _TLDS.replace(r"\.", _DOT)
# The name part may spell its dots too ("sophie dot w at ..."). A bare " at " before a real dot
# counts only when the name part looks made up (a digit, "." or "_": "kez.b.09 at example.org"),
# so "look at example.com" stays a link.
_LOCAL = rf"[\w+-]+(?:{_DOT}[\w+-]+)*"
EMAIL_SPELLED = re.compile(
    rf"\b(?<!['’])(?P<local>{_LOCAL})(?:{_AT_BRACKET}[\w-]+(?:{_DOT}[\w-]+)*?{_DOT}"
    rf"|\s+at\s+[\w-]+(?:{_DOT}[\w-]+)*?{_DOT_SPELLED})(?:{_SPELLED_TLDS})\b"
    rf"|\b(?P<made_up>[\w+-]*(?:\d|[._]\w)[\w.+-]*)\s+at\s+[\w-]+(?:\.[\w-]+)*?\.(?:{_TLDS})\b",
    re.IGNORECASE,
)
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')]+"
    # Not after "@": "@ruby.art" is a handle with a dot in it, not the site ruby.art.
    rf"|(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"')]*)?",
    re.IGNORECASE,
)
# A run of digits with the separators people type between them (dashes long and short too),
# optionally +44 / 0044 first.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s\-\u2010-\u2015()./]{5,20}\d(?!\w)")
# Letters typed for digits ("o77oo 9oo 135"): a token of digits and o's, read as digits.
_O_FOR_ZERO = re.compile(r"\b(?=[\doO]*\d)[\doO]+\b")
# A number spelled out ("oh seven seven zero zero ..."): ten or more digit words in a row.
_DIGIT_WORDS = {
    "zero": 1, "oh": 1, "o": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1,
    "five": 1, "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 0, "triple": 0, "treble": 0,
}  # fmt: skip
SPOKEN_PHONE = re.compile(
    r"\b(?:(?:" + "|".join(_DIGIT_WORDS) + r")[\s,-]+){9,}(?:" + "|".join(_DIGIT_WORDS) + r")\b",
    re.IGNORECASE,
)
# Two-letter words that, spaced off in lower case, start a phrase rather than a plate ("at 10 pm").
_TWO_LETTER_WORDS = {
    "at", "on", "in", "is", "me", "by", "to", "of", "up", "so", "no", "go", "we", "us", "my", "be",
    "do", "he", "it", "or", "an", "as", "am", "if", "ok", "hi", "ye", "ya", "ur", "im", "yo", "oh",
}  # fmt: skip
# Any case, with or without spaces, and the spaces or dash people put in odd places
# ("BS10-5TG", "bs 11 9lr", "BS 6 7 QP").
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|(?P<area>[A-PR-UWYZ][A-HK-Y]?)(?P<gap> ?)\d[A-Z\d]?(?P<mid> ?[ -]{0,2})"
    r"\d(?P<inner> ?)[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)


def _postcodes(text: str) -> list[Span]:
    """A space after the area letters only with two letters that are not a word and a space
    before the inward code too: "bs 11 9lr" is a postcode, "my 18th" and "of 12 yr" are not; a
    space inside the inward code only after one before it ("bs5 9 qe", not "m32 at")."""
    found = []
    for match in POSTCODE.finditer(text):
        if match.group("inner") and not match.group("mid"):
            continue
        if match.group("gap") and (
            len(match.group("area")) < 2
            or match.group("area").lower() in _TWO_LETTER_WORDS
            or not match.group("mid")
        ):
            continue
        found.append(Span("postcode", match.start(), match.end()))
    return found


# Current plates (AB12 CDE) in any case; the older prefix (R456 XYZ) and suffix formats in
# capitals, and the prefix one in lower case too (two or three digits: "b1tch" is not one) unless
# its letters are a word ("m32 lol") or it is a motorway.
PLATE_CURRENT = re.compile(r"\b([A-Z]{2})( {0,2})\d{2}[ -]{0,2}([A-Z]{3})\b", re.IGNORECASE)
PLATE_OLD = re.compile(r"\b(?:[A-Z]\d{1,3} ?[A-Z]{3}|[A-Z]{3} ?\d{1,3}[A-Z])\b")
PLATE_PREFIX = re.compile(r"\b(?!m\d)[a-z]\d{2,3} ?([a-z]{3})\b", re.IGNORECASE)
_COMMON_THREE = words("common_three.txt")
HANDLE_AT = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{2,30}")
_PLATFORMS = (
    r"snapchat|snap|sc|insta|instagram|ig|tiktok|tik tok|tt|discord|twitter|x|fb|facebook|"
    r"whatsapp|telegram|kik|psn|xbox|gamertag|roblox|yubo|wizz|threads|bereal|twitch|youtube|yt|"
    r"tiktoks|snaps|instas|reddit|spotify|pinterest|gt|xbl|ig's|sc's|"
    r"fortnite|steam|cod|epic|minecraft|valorant|apex|fifa|ea|switch|ps|ps4|ps5|battlenet|riot|"
    # Sites where young people post their own work or chat, named as the home of a handle.
    r"soundcloud|bandcamp|mixcloud|vsco|tumblr|depop|vinted|wattpad|pinterest|github|linkedin|"
    r"skype|messenger|bluesky|bsky|mastodon|lemon8|omegle|hinge|tinder|bumble|grindr|"
    r"insta's|snapchat's|tiktok's|discord's"
)
# Games: "fifa is rigged" is an opinion, so after a game only a name cue ("cod name", "steam:")
# or a made-up looking handle counts.
_GAMES = {"fortnite", "steam", "cod", "epic", "minecraft", "valorant", "apex", "fifa", "ea"}
_GAMES |= {"switch", "ps", "ps4", "ps5", "battlenet", "riot"}
# Reddit's u/name.
HANDLE_REDDIT = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}")
# A handle: letters, digits, _ and . (Discord's older names end in #1234).
_HANDLE = r"(?P<handle>[A-Za-z0-9][A-Za-z0-9_.]{2,29}(?:#\d{4})?)"
HANDLE_CUE = re.compile(
    rf"\b(?P<platform>{_PLATFORMS})\b"
    r"(?:\s*(?:name|username|user|handle|id|tag|gamertag|gamer tag|account|acc)\b)?"
    # Word cues end at a word's end: "discord ishaan.p_" must not read "is" then "haan.p_".
    r"\s*(?:(?:is|its|it's|it is)\b|:|-|=|@|'s)?\s*" + _HANDLE,
    re.IGNORECASE,
)
# "add trey.boi on snap", "add me kaydn2009": a handle after "add", counted when a platform
# follows it or it looks made up (digits, _ or .).
HANDLE_ADD = re.compile(
    rf"\badd(?:\s+me)?\s+{_HANDLE}(?P<platform>\s+on\s+(?:{_PLATFORMS})\b)?", re.IGNORECASE
)
# "snap me on tashm2008", "dm me on insta kez_x", "add me on xbox NoScopeNathan": asked to be
# found on a platform, the next word is the handle, with or without the platform's name.
HANDLE_ASKED = re.compile(
    r"\b(?:add|snap|dm|pm|message|msg|inbox|follow|hmu|hit me up|text|find|sub to|subscribe to)"
    rf"(?:\s+(?:me|us))?\s+(?:on|at|@)\s+(?:(?P<platform>{_PLATFORMS})\b\s*(?::|-|=|@)?\s*)?"
    + _HANDLE,
    re.IGNORECASE,
)
_NOT_HANDLES = words("not_handles.txt")
# Times, dates and counts that look made up: "text me at 7pm", "on the 3rd", "at 9.30pm".
_TIME_OR_COUNT = re.compile(r"\d+(?:[.:]\d+)*(?:am|pm|st|nd|rd|th|ish|s)?", re.IGNORECASE)


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


def _international(raw: str) -> bool:
    """+1 202 555 0143, 0033 1 23 45 67 89: a country code then 8 to 13 more digits."""
    digits = re.sub(r"\D", "", raw)
    return (
        raw.startswith("+")
        and 9 <= len(digits) <= 15
        or (digits.startswith("00") and 11 <= len(digits) <= 17)
    )


def phones(text: str) -> list[Span]:
    allowed = _allowed_numbers()
    found = [Span("phone", m.start(), m.end()) for m in SPOKEN_PHONE.finditer(text)]
    text = _O_FOR_ZERO.sub(lambda m: m.group(0).replace("o", "0").replace("O", "0"), text)
    for match in PHONE.finditer(text):
        raw = match.group(0).rstrip(").- ")
        start = match.start()
        if raw.startswith("(") and ")" not in raw:
            raw, start = raw[1:], start + 1
        digits = _digits(raw)
        uk = digits.startswith("0") and 10 <= len(digits) <= 11
        if digits in allowed or not (uk or _international(raw)):
            continue
        found.append(Span("phone", start, start + len(raw)))
    return found


def _plates(text: str) -> list[Span]:
    found = []
    for match in PLATE_CURRENT.finditer(text):
        area, gap, letters = match.group(1), match.group(2), match.group(3)
        if not match.group(0).isupper() and (
            letters.lower() in _COMMON_THREE or (gap and area.lower() in _TWO_LETTER_WORDS)
        ):
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
    found += [Span("handle", m.start(), m.end()) for m in HANDLE_REDDIT.finditer(text)]
    for match in HANDLE_CUE.finditer(text):
        handle = match.group("handle")
        if handle.lower() in _NOT_HANDLES:
            continue
        before = text[: match.start("handle")]
        cues = r"(?::|-|=|@|(?:name|user|handle|tag|id)(?:\s+is)?)\s*$"
        if match.group("platform").lower() not in _GAMES:
            cues = r"(?:is|its|:|-|=|@|name|user|handle|tag)\s*$"
        cue_is_explicit = re.search(cues, before)
        if (cue_is_explicit or _looks_made_up(handle)) and re.search("[A-Za-z]", handle):
            # "sc: ellie.m0": the platform and its colon are the handle's label; masked with it.
            start = match.start() if re.search(r":\s*$", before) else match.start("handle")
            found.append(Span("handle", start, match.end("handle")))
    found += _asked_handles(text)
    # "@ruby.art." at a sentence's end: the full stop is not part of the handle.
    return [Span(s.kind, s.start, s.start + len(text[s.start : s.end].rstrip("."))) for s in found]


def _asked_handles(text: str) -> list[Span]:
    """After "add" or an ask to be found ("snap me on ..."): with the platform named any word is
    the handle ("add me on xbox bigdave"); without it only a made-up one ("text me on tuesday"
    is a day)."""
    found = []
    for match in itertools.chain(HANDLE_ADD.finditer(text), HANDLE_ASKED.finditer(text)):
        handle = match.group("handle")
        if (
            handle.lower() in _NOT_HANDLES
            or re.fullmatch(_PLATFORMS, handle, re.IGNORECASE)
            or _TIME_OR_COUNT.fullmatch(handle)
        ):
            continue
        if (match.group("platform") or _looks_made_up(handle)) and re.search("[A-Za-z]", handle):
            found.append(Span("handle", match.start("handle"), match.end("handle")))
    return found


def _looks_made_up(handle: str) -> bool:
    # Digits, "_", "." or "#", or capitals inside a word ("NoScopeNathan"): not an ordinary word.
    return re.search(r"[\d_.#]|[a-z][A-Z]", handle) is not None


def find_pii(text: str) -> list[Span]:
    """Every personal-data span, overlaps resolved in favour of the more specific kind."""
    text = text or ""
    candidates = (
        [Span("email", m.start(), m.end()) for m in EMAIL.finditer(text)]
        + [
            Span("email", m.start(), m.end())
            for m in EMAIL_SPELLED.finditer(text)
            # "is at school dot com": a word before "at" is not the name part of an address.
            if (m.group("local") or m.group("made_up")).lower()
            not in _TWO_LETTER_WORDS | _COMMON_THREE
        ]
        + [Span("url", m.start(), m.end()) for m in URL.finditer(text)]
        + phones(text)
        + _postcodes(text)
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
