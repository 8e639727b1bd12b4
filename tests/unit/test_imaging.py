"""Decoding uploads: formats, orientation, colour modes, bombs and broken files."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from instatag.errors import PayloadTooLarge, UnprocessableInput, UnsupportedMediaType
from instatag.vision.imaging import (
    INPUT_SIZE,
    PIXEL_MEAN,
    PIXEL_STD,
    load_image,
    sniff_format,
    to_tensor,
)
from PIL import Image

RED, GREEN, BLUE, YELLOW = (230, 20, 20), (20, 200, 20), (20, 20, 230), (230, 230, 20)
ORIENTATION_TAG = 0x0112


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def quadrants(width: int = 64, height: int = 32) -> Image.Image:
    """A picture whose four quadrants have four colours, so any flip or turn shows."""
    image = Image.new("RGB", (width, height))
    half_w, half_h = width // 2, height // 2
    image.paste(RED, (0, 0, half_w, half_h))
    image.paste(GREEN, (half_w, 0, width, half_h))
    image.paste(BLUE, (0, half_h, half_w, height))
    image.paste(YELLOW, (half_w, half_h, width, height))
    return image


def quadrant_colours(image: Image.Image) -> list[tuple[int, ...]]:
    width, height = image.size
    points = [(width // 4, height // 4), (3 * width // 4, height // 4)]
    points += [(width // 4, 3 * height // 4), (3 * width // 4, 3 * height // 4)]
    return [image.getpixel(p) for p in points]


def assert_close(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 40) -> None:
    assert max(abs(a - e) for a, e in zip(actual, expected, strict=True)) <= tolerance, (
        actual,
        expected,
    )


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels; its data is a few bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fmt", "options"),
    [("JPEG", {"quality": 95}), ("PNG", {}), ("WEBP", {"quality": 95}), ("HEIF", {"quality": 95})],
)
def test_every_supported_format_decodes_to_upright_rgb(
    fmt: str, options: dict[str, object]
) -> None:
    data = encode(quadrants(), fmt, **options)

    image = load_image(data)

    assert image.mode == "RGB"
    assert image.size == (64, 32)
    for actual, expected in zip(quadrant_colours(image), [RED, GREEN, BLUE, YELLOW], strict=True):
        assert_close(actual, expected)


# How a camera stores a picture for each EXIF orientation: the stored pixels are the upright
# picture turned or mirrored the opposite way to what the tag tells a viewer to do.
STORED_AS = {
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_90],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_270],
}


@pytest.mark.parametrize(
    ("fmt", "orientation"),
    [("JPEG", o) for o in sorted(STORED_AS)] + [("HEIF", o) for o in (3, 6, 8)],
)
def test_exif_orientation_is_applied(fmt: str, orientation: int) -> None:
    stored = quadrants()
    for step in STORED_AS[orientation]:
        stored = stored.transpose(step)
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = orientation
    data = encode(stored, fmt, quality=95, exif=exif.tobytes())

    image = load_image(data)

    assert image.size == (64, 32)
    for actual, expected in zip(quadrant_colours(image), [RED, GREEN, BLUE, YELLOW], strict=True):
        assert_close(actual, expected)


def test_grayscale_becomes_rgb_with_equal_channels() -> None:
    data = encode(Image.new("L", (20, 10), 90), "PNG")

    image = load_image(data)

    assert image.mode == "RGB"
    assert image.getpixel((5, 5)) == (90, 90, 90)


def test_sixteen_bit_grayscale_is_scaled_not_clipped() -> None:
    data = encode(Image.new("I;16", (20, 10), 32896), "PNG")

    image = load_image(data)

    assert image.mode == "RGB"
    assert image.getpixel((5, 5)) == (128, 128, 128)


def test_cmyk_jpeg_becomes_rgb() -> None:
    data = encode(Image.new("CMYK", (20, 10), (0, 255, 255, 0)), "JPEG", quality=95)

    image = load_image(data)

    assert image.mode == "RGB"
    assert_close(image.getpixel((5, 5)), (255, 0, 0))


def test_transparency_is_flattened_onto_white() -> None:
    rgba = Image.new("RGBA", (20, 10), (0, 0, 0, 0))
    rgba.paste((200, 0, 0, 255), (0, 0, 10, 10))
    data = encode(rgba, "PNG")

    image = load_image(data)

    assert image.mode == "RGB"
    assert image.getpixel((15, 5)) == (255, 255, 255)
    assert image.getpixel((5, 5)) == (200, 0, 0)


def test_palette_with_transparent_index_is_flattened_onto_white() -> None:
    palette = Image.new("P", (20, 10), 0)
    palette.putpalette([0, 0, 0, 0, 0, 200] + [0] * 762)
    palette.paste(1, (0, 0, 10, 10))
    data = encode(palette, "PNG", transparency=0)

    image = load_image(data)

    assert image.getpixel((15, 5)) == (255, 255, 255)
    assert image.getpixel((5, 5)) == (0, 0, 200)


def test_large_jpeg_is_decoded_at_reduced_scale_when_asked() -> None:
    data = encode(quadrants(2000, 1500), "JPEG", quality=90)

    full = load_image(data)
    reduced = load_image(data, min_side=256)

    assert full.size == (2000, 1500)
    assert 256 <= min(reduced.size) < 512
    assert reduced.width / reduced.height == pytest.approx(2000 / 1500, rel=0.01)


def test_reduced_decode_keeps_exif_orientation() -> None:
    exif = Image.Exif()
    exif[ORIENTATION_TAG] = 6
    stored = quadrants(2000, 1000).transpose(Image.Transpose.ROTATE_90)
    data = encode(stored, "JPEG", quality=90, exif=exif.tobytes())

    image = load_image(data, min_side=256)

    assert image.width > image.height
    for actual, expected in zip(quadrant_colours(image), [RED, GREEN, BLUE, YELLOW], strict=True):
        assert_close(actual, expected)


def test_a_header_claiming_billions_of_pixels_is_refused_before_decoding() -> None:
    with pytest.raises(PayloadTooLarge) as refused:
        load_image(png_claiming(50_000, 50_000))

    assert refused.value.status == 413


@pytest.mark.parametrize(
    "pillow_warning",
    [
        pytest.param(
            "error", marks=pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
        ),
        pytest.param(
            "ignored",
            marks=pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning"),
        ),
    ],
)
def test_a_header_just_over_the_cap_is_refused(pillow_warning: str) -> None:
    """Refused whether Pillow's own bomb warning is raised (as in production) or not."""
    with pytest.raises(PayloadTooLarge, match=r"too many pixels|11000x10000"):
        load_image(png_claiming(11_000, 10_000))


def test_the_pixel_cap_is_configurable() -> None:
    data = encode(Image.new("RGB", (200, 100)), "PNG")

    with pytest.raises(PayloadTooLarge, match="200x100"):
        load_image(data, max_pixels=10_000)


def test_a_truncated_jpeg_is_unprocessable() -> None:
    data = encode(quadrants(400, 300), "JPEG", quality=90)

    with pytest.raises(UnprocessableInput) as refused:
        load_image(data[: len(data) // 2])

    assert refused.value.status == 422


def test_a_jpeg_signature_followed_by_garbage_is_unprocessable() -> None:
    with pytest.raises(UnprocessableInput):
        load_image(b"\xff\xd8\xff" + bytes(range(256)) * 4)


def test_a_png_with_a_broken_data_stream_is_unprocessable() -> None:
    data = bytearray(encode(quadrants(), "PNG"))
    start = data.index(b"IDAT") + 4
    data[start : start + 20] = b"\x00" * 20

    with pytest.raises(UnprocessableInput):
        load_image(bytes(data))


def test_empty_upload_is_unprocessable() -> None:
    with pytest.raises(UnprocessableInput, match="empty"):
        load_image(b"")


def test_random_bytes_are_not_a_supported_type() -> None:
    noise = np.random.default_rng(7).integers(0, 256, 4096, dtype=np.uint8).tobytes()

    with pytest.raises(UnsupportedMediaType) as refused:
        load_image(noise)

    assert refused.value.status == 415


@pytest.mark.parametrize(("fmt", "name"), [("GIF", "GIF"), ("BMP", "BMP"), ("TIFF", "TIFF")])
def test_other_image_formats_are_refused_by_name(fmt: str, name: str) -> None:
    data = encode(quadrants(), fmt)

    with pytest.raises(UnsupportedMediaType, match=name):
        load_image(data)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "PDF"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', "SVG"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "SVG"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "AVIF"),
    ],
)
def test_documents_and_other_containers_are_refused_by_name(data: bytes, name: str) -> None:
    with pytest.raises(UnsupportedMediaType, match=name):
        load_image(data)


def test_sniffing_recognises_the_supported_formats() -> None:
    picture = quadrants()

    assert sniff_format(encode(picture, "JPEG")) == "JPEG"
    assert sniff_format(encode(picture, "PNG")) == "PNG"
    assert sniff_format(encode(picture, "WEBP")) == "WEBP"
    assert sniff_format(encode(picture, "HEIF")) == "HEIF"


def test_tensor_has_the_model_input_shape_and_normalisation() -> None:
    colour = (255, 127, 0)

    tensor = to_tensor(Image.new("RGB", (300, 200), colour))

    assert tensor.shape == (1, 3, INPUT_SIZE, INPUT_SIZE)
    assert tensor.dtype == np.float32
    assert tensor.flags["C_CONTIGUOUS"]
    for channel, value in enumerate(colour):
        np.testing.assert_allclose(tensor[0, channel], (value - PIXEL_MEAN) / PIXEL_STD)


def test_tensor_is_a_centre_crop() -> None:
    wide = Image.new("RGB", (512, 256), (255, 255, 255))
    wide.paste((0, 0, 0), (0, 0, 100, 256))
    wide.paste((0, 0, 0), (412, 0, 512, 256))

    tensor = to_tensor(wide)

    white = (255 - PIXEL_MEAN) / PIXEL_STD
    np.testing.assert_allclose(tensor, white, atol=1e-6)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_damaged_uploads_only_ever_fail_with_a_client_error(fmt: str) -> None:
    rng = np.random.default_rng(5)
    picture = Image.fromarray(rng.integers(0, 256, (90, 120, 3), dtype=np.uint8))
    original = encode(picture, fmt)

    for attempt in range(60):
        damaged = bytearray(original[: rng.integers(1, len(original) + 1)])
        for _ in range(attempt % 8):
            damaged[rng.integers(0, len(damaged))] = rng.integers(0, 256)
        try:
            assert to_tensor(load_image(bytes(damaged), min_side=64)).shape == (1, 3, 224, 224)
        except (PayloadTooLarge, UnprocessableInput, UnsupportedMediaType) as refused:
            assert 400 <= refused.status < 500
