"""Contributors' photos: only plain photos get in, and nothing but pixels comes out."""

import io
import re
import threading
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from participation.models import Pin
from participation.photos import PhotoRejected, clean_photo, decode_slot, store_private

from . import photo_fixtures as fx
from .test_pages import UNSAFE_AT_CASTLE_PARK


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_gps_in_no_gps_bytes_out():
    original = fx.jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(fx.GPS_IFD)  # the fixture has GPS
    cleaned = clean_photo(upload(original)).jpeg
    image = Image.open(io.BytesIO(cleaned))
    assert image.format == "JPEG"
    assert image.size == (640, 480)
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(fx.GPS_IFD) == {}
    assert "icc_profile" not in image.info and "xmp" not in image.info
    assert "comment" not in image.info
    for marker in (
        b"Exif\x00\x00",
        b"ICC_PROFILE",
        b"http://ns.adobe.com",
        b"xmpmeta",
        b"GPS",
        b"PhoneMaker",
        b"Acacia",
        b"2026:11:26",
    ):
        assert marker not in cleaned, marker


def test_the_orientation_is_applied_before_the_exif_goes():
    image = Image.open(io.BytesIO(clean_photo(upload(fx.rotated_jpeg())).jpeg))
    assert image.size == (100, 200)


@pytest.mark.parametrize(
    ("data", "name"),
    [(fx.png(), "p.png"), (fx.png(mode="RGBA"), "a.png"), (fx.webp(), "w.webp")],
)
def test_png_and_webp_become_plain_jpegs(data, name):
    cleaned = clean_photo(upload(data, name)).jpeg
    assert cleaned.startswith(b"\xff\xd8\xff")
    assert Image.open(io.BytesIO(cleaned)).mode == "RGB"


def test_a_small_png_declaring_20000_by_20000_is_refused_before_decoding():
    bomb = fx.png_declaring(20_000, 20_000)
    assert len(bomb) < 200
    with pytest.raises(PhotoRejected, match="too many pixels"):
        clean_photo(upload(bomb, "bomb.png"))


def test_just_over_the_phone_camera_limit_is_refused_from_the_header(settings):
    # 8200 x 6400 = 52.5 MP: just over PHOTO_MAX_PIXELS (a 50 MP phone's 8160 x 6144 fits), and
    # under Pillow's own bomb limit, so this is our limit at work. Decoding this truncated file
    # would fail with "could not read"; the pixel message shows it never started.
    assert settings.PHOTO_MAX_PIXELS == 52_000_000
    with pytest.raises(PhotoRejected, match="the limit is 52 megapixels"):
        clean_photo(upload(fx.png_declaring(8200, 6400), "big.png"))


def test_the_pixel_limit_is_the_setting(settings):
    settings.PHOTO_MAX_PIXELS = 3_000_000
    with pytest.raises(PhotoRejected, match="the limit is 3 megapixels"):
        clean_photo(upload(fx.png((2001, 1500)), "p.png"))
    assert clean_photo(upload(fx.png((2000, 1500)), "p.png")).jpeg


def test_more_than_10_mb_is_refused(settings):
    data = fx.jpeg_with_gps((32, 32))
    with pytest.raises(PhotoRejected, match="10 MB"):
        clean_photo(upload(data + b"\x00" * (settings.PHOTO_MAX_BYTES + 1 - len(data))))


@pytest.mark.parametrize(
    ("data", "name"), [(fx.png((5000, 2500)), "wide.png"), (fx.big_jpeg(), "big.jpg")]
)
def test_a_large_photo_is_kept_at_the_longest_edge_setting(data, name, settings):
    image = Image.open(io.BytesIO(clean_photo(upload(data, name)).jpeg))
    assert max(image.size) == settings.PHOTO_MAX_EDGE
    assert image.size[0] == 2 * image.size[1]


def test_a_reduced_large_photo_is_still_turned_the_right_way_up():
    image = Image.open(io.BytesIO(clean_photo(upload(fx.rotated_jpeg((4400, 2200)))).jpeg))
    assert image.size == (1024, 2048)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (fx.GIF, "a.gif", "JPEG, PNG or WebP"),
        (fx.SVG, "a.svg", "JPEG, PNG or WebP"),
        (fx.PDF, "a.pdf", "JPEG, PNG or WebP"),
        (fx.HTML, "a.html", "JPEG, PNG or WebP"),
        (fx.HTML, "photo.jpg", "JPEG, PNG or WebP"),  # a name and type that lie
        (fx.jpeg_html_polyglot(), "poly.jpg", "not a plain photo"),
        (fx.png_with_html_after_the_end(), "poly.png", "not a plain photo"),
        (fx.jpeg_with_zip_appended(), "poly2.jpg", "not a plain photo"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "broken.jpg", "could not read"),
    ],
)
def test_anything_but_a_plain_photo_is_refused(data, name, message):
    with pytest.raises(PhotoRejected, match=message):
        clean_photo(upload(data, name))


def test_stored_names_are_random_and_say_nothing(settings):
    photo = clean_photo(upload(fx.jpeg_with_gps(), "IMG_2024_my_street.jpg"))
    first, second = store_private(photo), store_private(photo)
    assert first != second
    for name in (first, second):
        assert re.fullmatch(r"photos/[0-9a-f]{32}\.jpg", name)
        path = settings.PRIVATE_MEDIA_ROOT / name
        assert path.read_bytes() == photo.jpeg
        assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.mark.django_db
def test_a_photo_sent_with_a_pin_is_private_and_no_url_serves_it(client, home_page, settings):
    response = client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "photo": upload(fx.jpeg_with_gps(), "street.jpg")},
    )
    assert response.status_code == 201
    pin = Pin.objects.get()
    assert pin.moderation.has_photo
    path = pin.moderation_photo_path()
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    stored = Path(path).read_bytes()
    assert b"GPS" not in stored and b"Exif" not in stored
    name = pin.photo.split("/")[-1]
    for url in (
        f"/media/{pin.photo}",
        f"/media/{name}",
        f"/private/{pin.photo}",
        f"/{pin.photo}",
        f"/static/{pin.photo}",
        f"/documents/{name}",
    ):
        served = client.get(url)
        assert served.status_code == 404, url
        assert stored not in served.content
    # Never a Wagtail image before approval (nor after: photos are for moderators only).
    from wagtail.images import get_image_model

    assert get_image_model().objects.count() == 0


@pytest.mark.django_db
def test_a_refused_photo_is_a_form_error_and_nothing_is_saved(client, home_page, settings):
    response = client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "photo": upload(fx.SVG, "x.svg", "image/svg+xml")},
    )
    assert response.status_code == 400
    assert 'href="#id_photo">Photos must be JPEG, PNG or WebP.' in response.content.decode()
    assert not Pin.objects.exists()
    assert not (settings.PRIVATE_MEDIA_ROOT / "photos").exists()


PIN_WITH_PHOTO_FORM_ERROR = 'href="#id_photo">'


def post_pin_with(client, data: bytes, name: str):
    return client.post(
        "/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "photo": upload(data, name, "image/png")}
    )


def assert_nothing_stored(settings):
    assert not Pin.objects.exists()
    assert not (settings.PRIVATE_MEDIA_ROOT / "photos").exists()


@pytest.mark.django_db
def test_too_many_pixels_is_a_form_error_on_the_photo_field(client, home_page, settings):
    response = post_pin_with(client, fx.png_declaring(8200, 6400), "big.png")
    assert response.status_code == 400
    assert (
        PIN_WITH_PHOTO_FORM_ERROR + "This photo has too many pixels (the limit is 52 megapixels)."
        in response.content.decode()
    )
    assert_nothing_stored(settings)


@pytest.mark.django_db
def test_a_decompression_bomb_is_a_400_not_a_500(client, home_page, settings):
    # 20000 x 20000 is past twice Pillow's MAX_IMAGE_PIXELS: Pillow itself raises
    # DecompressionBombError while reading the header.
    bomb = fx.png_declaring(20_000, 20_000)
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb))
    response = post_pin_with(client, bomb, "bomb.png")
    assert response.status_code == 400
    assert PIN_WITH_PHOTO_FORM_ERROR + "This photo has too many pixels" in response.content.decode()
    assert_nothing_stored(settings)


class HeldSlot:
    """Another request's decode, in another thread, holding a real slot until released."""

    def __init__(self):
        self.taken, self.release, self.failed = threading.Event(), threading.Event(), None
        self.thread = threading.Thread(target=self._hold)

    def _hold(self):
        try:
            with decode_slot():
                self.taken.set()
                self.release.wait(10)
        except Exception as exc:  # noqa: BLE001 (reported to the test below)
            self.failed = exc
            self.taken.set()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(5) and self.failed is None
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(5)


@pytest.mark.django_db
def test_when_every_decode_slot_is_taken_the_upload_is_a_503_and_nothing_is_kept(
    client, home_page, settings
):
    settings.PHOTO_DECODE_SLOTS = 1
    settings.PHOTO_DECODE_WAIT_SECONDS = 0.2
    settings.PHOTO_RETRY_AFTER_SECONDS = 7
    with HeldSlot():
        response = post_pin_with(client, fx.png((640, 480)), "p.png")
        assert response.status_code == 503
        assert response["Retry-After"] == "7"
        assert "your photo was not saved yet" in response.content.decode()
        assert_nothing_stored(settings)
    # The slot is free again: the same upload goes through.
    assert post_pin_with(client, fx.png((640, 480)), "p.png").status_code == 201
    assert Pin.objects.get().moderation.has_photo


@pytest.mark.django_db
def test_an_upload_waits_for_a_slot_freed_within_the_wait(client, home_page, settings):
    settings.PHOTO_DECODE_SLOTS = 1
    settings.PHOTO_DECODE_WAIT_SECONDS = 5
    held = HeldSlot().__enter__()
    threading.Timer(0.3, held.release.set).start()
    try:
        response = post_pin_with(client, fx.png((640, 480)), "p.png")
    finally:
        held.__exit__()
    assert response.status_code == 201
    assert Pin.objects.get().moderation.has_photo
