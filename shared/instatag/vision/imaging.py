"""Turn an upload into an upright RGB picture, and a picture into the vision model's input.

Only JPEG, PNG, WebP and HEIC/HEIF are read. The declared size is checked against a pixel cap
before anything is decoded, so a small file that claims to be enormous is refused cheaply.
JPEGs are decoded at a reduced scale (libjpeg's DCT scaling) when the model needs far fewer
pixels than the file holds, which is most of the cost of a large photo.
"""

from __future__ import annotations

import io
import logging
import warnings

import numpy as np
import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from instatag.errors import PayloadTooLarge, UnprocessableInput, UnsupportedMediaType

logger = logging.getLogger(__name__)

SUPPORTED_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF")
DEFAULT_MAX_PIXELS = 100_000_000

# The model's input: a 224x224 centre crop of the picture scaled so its shorter side is 256
# (the crop keeps 87.5% of that side, as the model was evaluated), with pixel values mapped
# from 0..255 to about -1..1 by (x - 127) / 128, the normalisation EfficientNet-Lite uses.
INPUT_SIZE = 224
RESIZE_SIZE = 256
PIXEL_MEAN = 127.0
PIXEL_STD = 128.0
# Resample in two steps (an integer box reduction, then bicubic) when shrinking by more than
# this factor: much faster on large pictures and indistinguishable in the result.
REDUCING_GAP = 3.0

ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})
WIDE_GRAY_MODES = frozenset({"I", "I;16", "I;16B", "I;16L", "I;16N"})
BACKGROUND = (255, 255, 255)

# Magic numbers of formats people upload by mistake, to name them in the 415 answer.
OTHER_FORMATS = (
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"BM", "BMP"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF", "PDF"),
    (b"8BPS", "PSD"),
    (b"\x00\x00\x01\x00", "ICO"),
    (b"\xff\x0a", "JPEG XL"),
    (b"\x00\x00\x00\x0cJXL ", "JPEG XL"),
    (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
)
SUPPORTED_MAGIC = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
)
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"})

pillow_heif.register_heif_opener()
# Pillow's own guard: it warns past this many pixels and refuses past twice as many. Keep it in
# line with ours, and make the warning an error so no oversized picture is ever decoded.
Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS
warnings.simplefilter("error", Image.DecompressionBombWarning)
BOMB_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)


def load_image(
    data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS, min_side: int | None = None
) -> Image.Image:
    """Decode an upload into an upright RGB image.

    With `min_side`, a JPEG may be decoded at 1/2, 1/4 or 1/8 scale as long as its shorter
    side stays at least `min_side`. Raises UnsupportedMediaType for other formats,
    PayloadTooLarge past `max_pixels`, and UnprocessableInput for empty, truncated or corrupt
    files.
    """
    if not data:
        raise UnprocessableInput("the upload is empty")

    image = _open(data)
    _check_pixels(image, max_pixels)
    _decode(image, min_side)
    _make_upright(image)
    try:
        return _to_rgb(image)
    except Exception as exc:
        raise UnprocessableInput(f"the {image.mode} image cannot be read as RGB: {exc}") from exc


def to_tensor(image: Image.Image) -> np.ndarray:
    """The model input for an RGB image: float32 [1, 3, 224, 224], centre-cropped, normalised."""
    if image.mode != "RGB":
        image = image.convert("RGB")
    width, height = image.size
    side = min(width, height) * INPUT_SIZE / RESIZE_SIZE
    left, top = (width - side) / 2, (height - side) / 2
    crop = image.resize(
        (INPUT_SIZE, INPUT_SIZE),
        Image.Resampling.BICUBIC,
        box=(left, top, left + side, top + side),
        reducing_gap=REDUCING_GAP,
    )
    pixels = np.asarray(crop, dtype=np.float32)
    pixels = (pixels - PIXEL_MEAN) / PIXEL_STD
    return np.ascontiguousarray(pixels.transpose(2, 0, 1)[np.newaxis])


def sniff_format(data: bytes) -> str | None:
    """Name the format of `data` from its first bytes, or None when it is unknown."""
    head = data[:32]
    for magic, name in (*SUPPORTED_MAGIC, *OTHER_FORMATS):
        if head.startswith(magic):
            return name
    return _container_format(head) or _text_format(head)


def _container_format(head: bytes) -> str | None:
    """RIFF (WebP) and ISO base media (HEIF, AVIF) files, told apart by their brand."""
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    if head[4:8] != b"ftyp":
        return None
    brand = head[8:12]
    if brand in HEIF_BRANDS:
        return "HEIF"
    if brand in (b"avif", b"avis"):
        return "AVIF"
    return f"ISO media ({brand.decode('ascii', 'replace')})"


def _text_format(head: bytes) -> str | None:
    text = head.lstrip().lower()
    if text.startswith((b"<svg", b"<?xml")):
        return "SVG/XML"
    if text.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    return None


def _open(data: bytes) -> Image.Image:
    try:
        return Image.open(io.BytesIO(data), formats=SUPPORTED_FORMATS)
    except UnidentifiedImageError as exc:
        name = sniff_format(data)
        if name in SUPPORTED_FORMATS:
            raise UnprocessableInput(f"the {name} file is corrupt") from exc
        if name is None:
            raise UnsupportedMediaType(
                "the upload is not an image format InstaTag reads (JPEG, PNG, WebP, HEIC)"
            ) from exc
        raise UnsupportedMediaType(
            f"{name} is not supported; upload a JPEG, PNG, WebP or HEIC photo"
        ) from exc
    except BOMB_ERRORS as exc:
        raise PayloadTooLarge(f"the image has too many pixels: {exc}") from exc
    except Exception as exc:
        raise UnprocessableInput(f"the image cannot be read: {exc}") from exc


def _check_pixels(image: Image.Image, max_pixels: int) -> None:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise UnprocessableInput("the image has no pixels")
    if width * height > max_pixels:
        raise PayloadTooLarge(
            f"the image is {width}x{height} pixels; the limit is {max_pixels:,} pixels"
        )


def _decode(image: Image.Image, min_side: int | None) -> None:
    try:
        if min_side and image.format == "JPEG":
            image.draft("RGB", (min_side, min_side))
        image.load()
    except BOMB_ERRORS as exc:
        raise PayloadTooLarge(f"the image has too many pixels: {exc}") from exc
    except Exception as exc:
        raise UnprocessableInput(f"the {image.format} image cannot be decoded: {exc}") from exc


def _make_upright(image: Image.Image) -> None:
    """Apply the EXIF orientation in place; a broken EXIF block leaves the picture as stored."""
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except Exception as exc:
        logger.info("ignoring unreadable EXIF orientation: %s", exc)


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB with transparency flattened onto white and 16-bit grey scaled to 8 bits."""
    if image.mode == "RGB":
        return image
    if image.mode in WIDE_GRAY_MODES:
        grey = np.asarray(image, dtype=np.float64) / 257.0
        image = Image.fromarray(np.clip(grey, 0, 255).round().astype(np.uint8))
    if image.mode in ALPHA_MODES or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, BACKGROUND)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")
