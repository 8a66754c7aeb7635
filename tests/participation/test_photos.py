"""Contributors' photos: only plain photos get in, and nothing but pixels comes out."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from django.core.files.uploadedfile import SimpleUploadedFile

from participation.models import Pin
from participation.photos import MAX_BYTES, PhotoRejected, clean_photo, store_private

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


def test_just_over_40_megapixels_is_refused_from_the_header():
    # 42 megapixels: under Pillow's own bomb limit, so this is our limit at work. Decoding this
    # truncated file would fail with "could not read"; the pixel message shows it never started.
    with pytest.raises(PhotoRejected, match="40 megapixels"):
        clean_photo(upload(fx.png_declaring(7_000, 6_000), "big.png"))


def test_more_than_10_mb_is_refused():
    data = fx.jpeg_with_gps((32, 32))
    with pytest.raises(PhotoRejected, match="10 MB"):
        clean_photo(upload(data + b"\x00" * (MAX_BYTES + 1 - len(data))))


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
