"""Files for the photo tests, made on the fly so each one is exactly what its test needs."""

import io
import struct
import zlib

from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(size=(640, 480)) -> bytes:
    """A phone-like JPEG: EXIF with GPS (Clifton, Bristol), an ICC profile, XMP and a comment."""
    image = Image.new("RGB", size, (40, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0131] = "Camera 1.0"  # Software
    exif[GPS_IFD] = {
        1: "N",
        2: (51.0, 27.0, 16.2),
        3: "W",
        4: (2.0, 37.0, 40.1),
        29: "2026:11:26",
    }
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF><rdf:Description exif:GPSLatitude="51,27.27N"/></rdf:RDF></x:xmpmeta>'
        b'<?xpacket end="w"?>'
    )
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), icc_profile=icc, xmp=xmp, comment=b"12 Acacia Ave")
    return out.getvalue()


def rotated_jpeg(size=(200, 100)) -> bytes:
    """A JPEG whose EXIF says "rotate 90 degrees" (how phones store portrait photos)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def big_jpeg(size=(6000, 3000)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (90, 60, 30)).save(out, "JPEG")
    return out.getvalue()


def png(size=(64, 48), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 200, 10, 128) if mode == "RGBA" else (10, 200, 10)).save(out, "PNG")
    return out.getvalue()


def webp() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (100, 100, 10)).save(out, "WEBP")
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes that claim to be a width x height image: a decompression bomb's header."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!doctype html><html><body><script>fetch('/admin/')</script></body></html>"


def jpeg_html_polyglot() -> bytes:
    """A JPEG that decodes fine and is also an HTML page (script hidden in its comment)."""
    out = io.BytesIO()
    Image.new("RGB", (32, 32)).save(
        out, "JPEG", comment=b"<html><body><script>alert(document.cookie)</script></body></html>"
    )
    return out.getvalue()


def png_with_html_after_the_end() -> bytes:
    return png() + b"<html><script>alert(1)</script></html>"


def jpeg_with_zip_appended() -> bytes:
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("payload.txt", "hello")
    return jpeg_with_gps((32, 32)) + archive.getvalue()
