"""Contributors' photos: checked before decoding, re-encoded, stored where no URL reaches them.

Only JPEG, PNG and WebP are accepted, at most 10 MB and 40 megapixels; the size is read from the
header, so a decompression bomb is refused before any pixel is decoded. Anything that is also
another kind of document (HTML, SVG, PDF, a ZIP archive) is refused. What is kept is a fresh JPEG
drawn from the pixels alone: no EXIF (so no GPS), XMP, ICC profile or comment survives. It is
stored under a random name in PRIVATE_MEDIA_ROOT, which is outside MEDIA_ROOT and served by no
URL; moderators see it through moderation's own staff-only view."""

import hashlib
import io
import os
import secrets
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_EDGE = 2048
JPEG_QUALITY = 85

# Signs that a file is also something a browser or a reader would act on.
_FOREIGN_MARKERS = (
    b"<script",
    b"<html",
    b"<svg",
    b"<!doctype",
    b"<iframe",
    b"<body",
    b"<object",
    b"<embed",
    b"<?php",
    b"javascript:",
    b"%pdf-",
)
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


class PhotoRejected(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CleanPhoto:
    jpeg: bytes
    # SHA-256 of the upload as sent: part of a submission's fingerprint for idempotency.
    digest: str


def sniff(raw: bytes) -> str | None:
    """The format by its magic bytes (the file name and declared type are not trusted)."""
    if raw.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(raw) >= 12 and raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "WEBP"
    return None


def _is_polyglot(raw: bytes, kind: str) -> bool:
    lowered = raw.lower()
    if any(marker in lowered for marker in _FOREIGN_MARKERS):
        return True
    if kind == "PNG" and not raw.endswith(_PNG_END):
        return True  # data after the image's end: nothing legitimate puts it there
    if kind == "WEBP":
        (riff_size,) = struct.unpack("<I", raw[4:8])
        if riff_size + 8 not in (len(raw), len(raw) - 1):
            return True
    # A ZIP archive is found through its end record, within the last 64 KiB of the file.
    return b"PK\x05\x06" in raw[-(65_536 + 22) :]


def _open(raw: bytes, kind: str) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=[kind])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise PhotoRejected(
                "This photo has too many pixels (the limit is 40 megapixels)."
            ) from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise PhotoRejected("We could not read this photo. Try another one.") from exc
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise PhotoRejected("This photo has too many pixels (the limit is 40 megapixels).")
    return image


def clean_photo(upload) -> CleanPhoto:
    """Checks an uploaded file and returns its re-encoded JPEG, or raises PhotoRejected."""
    if getattr(upload, "size", 0) > MAX_BYTES:
        raise PhotoRejected("This photo is too big: the limit is 10 MB.")
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise PhotoRejected("This photo is too big: the limit is 10 MB.")
    kind = sniff(raw)
    if kind is None:
        raise PhotoRejected("Photos must be JPEG, PNG or WebP.")
    if _is_polyglot(raw, kind):
        raise PhotoRejected("This file is not a plain photo. Try taking a screenshot of it.")
    image = _open(raw, kind)
    try:
        # JPEG can decode straight to a smaller size: far less memory for a large photo.
        image.draft("RGB", (MAX_EDGE, MAX_EDGE))
        image.load()
        image = ImageOps.exif_transpose(image)  # keep it the right way up before EXIF goes
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            image = flat
        image = image.convert("RGB")
        image.thumbnail((MAX_EDGE, MAX_EDGE))
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoRejected("We could not read this photo. Try another one.") from exc
    # A new image holds the pixels and nothing else: no metadata can ride along.
    fresh = Image.new("RGB", image.size)
    fresh.paste(image)
    out = io.BytesIO()
    fresh.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return CleanPhoto(jpeg=out.getvalue(), digest=hashlib.sha256(raw).hexdigest())


def private_root() -> Path:
    return Path(settings.PRIVATE_MEDIA_ROOT)


def store_private(photo: CleanPhoto) -> str:
    """Writes the photo under a random name; returns its path relative to PRIVATE_MEDIA_ROOT."""
    relative = f"photos/{secrets.token_hex(16)}.jpg"
    path = private_root() / relative
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(path, "xb") as handle:  # "x": a name is never reused
        handle.write(photo.jpeg)
    os.chmod(path, 0o600)
    return relative


def delete_private_file(path: str | Path) -> None:
    Path(path).unlink(missing_ok=True)
