"""Contributors' photos: checked before decoding, re-encoded, stored where no URL reaches them.

Only JPEG, PNG and WebP are accepted, at most PHOTO_MAX_BYTES and PHOTO_MAX_PIXELS; the size is
read from the header, so a decompression bomb is refused before any pixel is decoded. Anything
that is also another kind of document (HTML, SVG, PDF, a ZIP archive) is refused. What is kept is
a fresh JPEG drawn from the pixels alone: no EXIF (so no GPS), XMP, ICC profile or comment
survives. It is stored under a random name in PRIVATE_MEDIA_ROOT, which is outside MEDIA_ROOT and
served by no URL; moderators see it through moderation's own staff-only view.

Decoding is what costs memory (a 40 MP PNG is 160 MB of pixels), so it happens in one of
PHOTO_DECODE_SLOTS per process (on as many decoding threads); an upload that cannot get one within PHOTO_DECODE_WAIT_SECONDS
is refused as busy (PhotoBusy: a 503, nothing kept). Within a slot the photo is made small as
early as it can be: a JPEG decodes straight at a fraction of its size (draft), anything else is
box-reduced at once, and only the small copy is turned, converted and re-encoded."""

import ctypes
import hashlib
import io
import os
import secrets
import struct
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from django.conf import settings

JPEG_QUALITY = 85
ORIENTATION_TAG = 0x0112
# EXIF orientation -> the turn that puts the photo the right way up.
_UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
# Modes Image.reduce averages directly; others are converted first.
_REDUCIBLE = ("RGB", "RGBA", "L", "LA")

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


class PhotoBusy(Exception):
    """Every decode slot stayed taken for PHOTO_DECODE_WAIT_SECONDS: nothing was decoded."""

    message = "We are very busy: your photo was not saved yet. Press Send again in a few seconds."

    def __init__(self, retry_after: int):
        super().__init__(self.message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class CleanPhoto:
    jpeg: bytes
    # SHA-256 of the upload as sent: part of a submission's fingerprint for idempotency.
    digest: str


def max_bytes() -> int:
    return settings.PHOTO_MAX_BYTES


def too_many_pixels() -> PhotoRejected:
    megapixels = settings.PHOTO_MAX_PIXELS // 1_000_000
    return PhotoRejected(f"This photo has too many pixels (the limit is {megapixels} megapixels).")


def _malloc_trim():
    """glibc's malloc_trim, or None elsewhere. glibc keeps the pages a thread freed for that
    thread's next allocations, so without it each thread that ever decoded a 40 MP photo would
    keep its 160 MB (six request threads: +850 MB measured in make bench)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_trim = _malloc_trim()
_slots_lock = threading.Lock()
_slots: tuple[int, threading.BoundedSemaphore, ThreadPoolExecutor] | None = None


def _decoders() -> tuple[threading.BoundedSemaphore, ThreadPoolExecutor]:
    """The process's decode slots and the threads that decode: as many of each, made again if
    the setting changed (tests change it). Decoding always on the same few threads, never on the
    request's own, keeps the memory glibc holds on to to those few."""
    global _slots
    size = settings.PHOTO_DECODE_SLOTS
    with _slots_lock:
        if _slots is None or _slots[0] != size:
            if _slots is not None:
                _slots[2].shutdown(wait=False)
            pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="photo-decode")
            _slots = (size, threading.BoundedSemaphore(size), pool)
        return _slots[1], _slots[2]


@contextmanager
def decode_slot():
    """Holds one of the process's decode slots, or raises PhotoBusy after the bounded wait;
    yields the pool to decode in (a free thread is waiting: the slot guarantees it)."""
    semaphore, pool = _decoders()
    if not semaphore.acquire(timeout=settings.PHOTO_DECODE_WAIT_SECONDS):
        raise PhotoBusy(settings.PHOTO_RETRY_AFTER_SECONDS)
    try:
        yield pool
    finally:
        semaphore.release()


def _decode(image: Image.Image, max_edge: int) -> bytes:
    try:
        return _reencoded(_small_upright(image, max_edge), max_edge)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoRejected("We could not read this photo. Try another one.") from exc
    finally:
        image.close()
        del image
        if _trim is not None:
            _trim(0)  # the full-size pixels' pages go back to the system now


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
    """The image with its header read and no pixel decoded, or PhotoRejected."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(raw), formats=[kind])
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise too_many_pixels() from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise PhotoRejected("We could not read this photo. Try another one.") from exc
    width, height = image.size
    if width < 1 or height < 1 or width * height > settings.PHOTO_MAX_PIXELS:
        raise too_many_pixels()
    return image


def _replaced(old: Image.Image, new: Image.Image) -> Image.Image:
    old.close()  # its pixels are freed now, not when the caller lets go of it
    return new


def _small_upright(image: Image.Image, max_edge: int) -> Image.Image:
    """The decoded photo at most about twice max_edge on its longer side, the right way up."""
    # JPEG can decode straight to a smaller size (1/2 to 1/8): far less memory for a large photo.
    image.draft("RGB", (max_edge, max_edge))
    image.load()
    orientation = image.getexif().get(ORIENTATION_TAG)
    if image.mode not in _REDUCIBLE:
        keeps_alpha = image.mode in ("PA", "La", "RGBa") or "transparency" in image.info
        image = _replaced(image, image.convert("RGBA" if keeps_alpha else "RGB"))
    factor = max(image.size) // max_edge
    if factor >= 2:
        # A box average at the decoded mode: the full-size pixels are let go here, before any
        # copy is made of them (turning or converting first would double the peak).
        image = _replaced(image, image.reduce(factor))
    if orientation in _UPRIGHT:  # keep it the right way up before EXIF goes
        image = image.transpose(_UPRIGHT[orientation])
    return image


def _reencoded(image: Image.Image, max_edge: int) -> bytes:
    # In place and first: every copy below is of the small image.
    image.thumbnail((max_edge, max_edge))
    if image.mode in ("RGBA", "LA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    if image.mode != "RGB":
        image = image.convert("RGB")
    # A new image holds the pixels and nothing else: no metadata can ride along.
    fresh = Image.new("RGB", image.size)
    fresh.paste(image)
    out = io.BytesIO()
    fresh.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()


def clean_photo(upload) -> CleanPhoto:
    """Checks an uploaded file and returns its re-encoded JPEG; raises PhotoRejected (a 400 with
    the reason) or PhotoBusy (no decode slot in time: a 503)."""
    limit = max_bytes()
    too_big = PhotoRejected(f"This photo is too big: the limit is {limit // (1024 * 1024)} MB.")
    if getattr(upload, "size", 0) > limit:
        raise too_big
    raw = upload.read(limit + 1)
    if len(raw) > limit:
        raise too_big
    kind = sniff(raw)
    if kind is None:
        raise PhotoRejected("Photos must be JPEG, PNG or WebP.")
    if _is_polyglot(raw, kind):
        raise PhotoRejected("This file is not a plain photo. Try taking a screenshot of it.")
    image = _open(raw, kind)  # refuses too many pixels before waiting for a slot
    with decode_slot() as pool:
        jpeg = pool.submit(_decode, image, settings.PHOTO_MAX_EDGE).result()
    return CleanPhoto(jpeg=jpeg, digest=hashlib.sha256(raw).hexdigest())


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
