"""Keyed hashes and receipt codes.

Nothing that could lead back to a person is stored as it is: contributor tokens, idempotency keys
and receipt codes are kept as HMAC-SHA256 under a key only the server has (`CONTRIBUTOR_HASH_KEY`,
kept apart from `SECRET_KEY` so rotating that one keeps every receipt code working). Receipt codes are three everyday words and two digits (about
30 bits), derived from the submission's idempotency key, so a retried submission gets its code
back without the code ever being stored."""

import hmac
import re

from django.conf import settings
from django.utils.crypto import salted_hmac

# 256 short everyday words, easy to spell and to read aloud; none unkind on its own or together.
_WORD_TEXT = """
acorn album amber anchor apple arch arrow aspen atlas autumn badge bagel bamboo banjo barley basil
beach beacon bean bear beetle bell berry birch biscuit blossom boat bonnet branch bread breeze brick
bridge brook brush bubble bucket buckle button cabin cactus cake camel candle canoe canyon carrot
castle cedar chalk cherry chess cider circle cliff clock cloud clover cobble comet compass copper
coral cotton crane crayon cricket crystal cube cupcake daisy dawn deer desert dolphin dove dragon
drum dune eagle echo elm ember falcon feather fern fiddle field finch fjord flag flame flint flute
forest fossil fox frost garden garnet gecko ginger glacier globe goose grape gravel guitar harbour
harp hazel heron hill honey horizon island ivy jacket jade jasmine jelly jigsaw kayak kettle kite
koala ladder lake lantern lemon lily lime linen lion lizard llama lobster lotus magnet mango maple
marble meadow melon meteor mint mirror moon moss mountain muffin narwhal nectar nest noodle nutmeg
oak oasis ocean olive onion orange orbit otter owl paddle panda parrot peach peanut pebble pencil
pepper piano pine planet plum pocket pony poppy prism puffin pumpkin quail quartz quilt rabbit
radish rainbow raven reef ribbon river robin rocket rose saddle sail salmon sandal saturn scarf
seal shell shore silver skate sky sledge snail sparrow spoon spring spruce squash star stone
stream summit sunset swan thistle thunder tiger timber toast tomato torch tulip tundra turtle
umbrella valley velvet violet walnut walrus whale wheat willow window winter wolf wren yacht yarn
yoghurt zebra bison cocoa dahlia glove igloo kiwi mitten puzzle
"""
WORDS = _WORD_TEXT.split()

assert len(WORDS) == 256 and len(set(WORDS)) == 256, "the receipt word list must hold 256 words"
_WORD_INDEX = {word: i for i, word in enumerate(WORDS)}
_CODE_RE = re.compile(r"^([a-z]+)-([a-z]+)-([a-z]+)-(\d{2})$")


def _secret() -> str:
    return settings.CONTRIBUTOR_HASH_KEY


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 (hex) of `value` under the server's key, separated by purpose."""
    return salted_hmac(
        f"participation.{purpose}", value, secret=_secret(), algorithm="sha256"
    ).hexdigest()


def receipt_code(scope: str, idempotency_key: str, attempt: int = 0) -> str:
    """The receipt code of a submission: the same key and attempt always give the same code."""
    digest = salted_hmac(
        "participation.receipt-code",
        f"{scope}:{idempotency_key}:{attempt}",
        secret=_secret(),
        algorithm="sha256",
    ).digest()
    words = [WORDS[b] for b in digest[:3]]
    number = int.from_bytes(digest[3:5], "big") % 100
    return f"{'-'.join(words)}-{number:02d}"


def normalise_code(text: str) -> str | None:
    """What someone typed, as a canonical code, or None if it cannot be one.

    Case, spaces, dots and commas between the parts do not matter."""
    parts = [part for part in re.split(r"[\s\-_.,/]+", (text or "").strip().lower()) if part]
    # "48" may have been typed stuck to the last word: "kite48".
    if len(parts) == 3 and (match := re.fullmatch(r"([a-z]+)(\d{2})", parts[-1])):
        parts[-1:] = [match.group(1), match.group(2)]
    candidate = "-".join(parts)
    match = _CODE_RE.match(candidate)
    if not match or any(word not in _WORD_INDEX for word in match.groups()[:3]):
        return None
    return candidate


def code_hash(code: str) -> str:
    return keyed_hash("receipt", code)


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
