"""The mood of a photo from its pixels: lights in the dark, a dominant colour, or its light.

When the vision model is unsure what a photo shows, a caption can still be about it by naming
what anyone sees at a glance: "soft golden lights", "a splash of pink", "moody shadows".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

# Small enough to be cheap (about a millisecond), large enough to keep small points of light.
THUMBNAIL_SIDE = 160
# Pixels darker than this are background; points of light are brighter than SPOT_VALUE.
DARK_VALUE = 0.2
SPOT_VALUE = 0.45
# "Lights in the dark": mostly dark, with a sprinkle (not a field) of bright points.
MIN_DARK_SHARE = 0.6
MIN_SPOT_SHARE = 0.002
MAX_SPOT_SHARE = 0.2
# A colour leads when this share of pixels is vivid and most vivid pixels share one hue.
VIVID_SATURATION = 0.35
VIVID_VALUE = 0.25
MIN_VIVID_SHARE = 0.3
MIN_HUE_SHARE = 0.5
MIN_LIGHT_SATURATION = 0.25
DARK_MEAN = 0.3
BRIGHT_MEAN = 0.7
MUTED_SATURATION = 0.2
GREY_SATURATION = 0.05

# Hue ranges in degrees, as people name colours. Red wraps around 0.
HUES = (
    (15.0, "red"),
    (35.0, "orange"),
    (70.0, "gold"),
    (165.0, "green"),
    (195.0, "teal"),
    (255.0, "blue"),
    (290.0, "purple"),
    (345.0, "pink"),
    (360.0, "red"),
)
HUE_BOUNDS = np.array([upper for upper, _ in HUES], dtype=np.float32)
LIGHT_ADJECTIVES = {
    "red": "red",
    "orange": "amber",
    "gold": "golden",
    "green": "green",
    "teal": "teal",
    "blue": "blue",
    "purple": "violet",
    "pink": "pink",
}
COLOUR_EMOJI = {
    "red": "❤️",
    "orange": "🧡",
    "gold": "💛",
    "green": "💚",
    "teal": "🩵",
    "blue": "💙",
    "purple": "💜",
    "pink": "🩷",
}


@dataclass(frozen=True)
class Mood:
    """What a photo looks like: `kind`, noun phrases to write it with, and their key words.

    Every phrase contains at least one of `words`, so a caption built on a phrase can be
    checked to be about the photo.
    """

    kind: str
    phrases: tuple[str, ...]
    words: tuple[str, ...]
    emoji: str = "✨"
    colour: str | None = None


NEUTRAL = Mood(
    kind="moment",
    phrases=(
        "a quiet moment",
        "this moment",
        "a moment worth keeping",
        "a small moment",
        "the moment",
        "a moment to remember",
    ),
    words=("moment",),
)


def mood_of(image: Image.Image) -> Mood:
    """The mood of an RGB image."""
    hsv = _hsv(image)
    hue, saturation, value = hsv[..., 0], hsv[..., 1], hsv[..., 2]

    lights = _lights_in_the_dark(hue, saturation, value)
    if lights is not None:
        return lights
    colour = _leading_colour(hue, saturation, value)
    if colour is not None:
        return colour
    return _light(saturation, value)


def _hsv(image: Image.Image) -> np.ndarray:
    small = image.convert("RGB")
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    hsv = np.asarray(small.convert("HSV"), dtype=np.float32) / 255.0
    hsv[..., 0] *= 360.0
    return hsv


def colour_name(hue: float) -> str:
    """The colour name of a hue in degrees."""
    for upper, name in HUES:
        if hue < upper:
            return name
    return "red"


def _dominant_hue(hue: np.ndarray) -> tuple[str, float]:
    """The most common colour name among hues, with its share."""
    bins = np.searchsorted(HUE_BOUNDS, hue.ravel(), side="right")
    counts: dict[str, int] = {}
    for index, count in zip(*np.unique(bins, return_counts=True), strict=True):
        name = HUES[min(int(index), len(HUES) - 1)][1]
        counts[name] = counts.get(name, 0) + int(count)
    if not counts:
        return "red", 0.0
    name = max(counts, key=lambda n: counts[n])
    return name, counts[name] / hue.size


def _lights_in_the_dark(hue: np.ndarray, saturation: np.ndarray, value: np.ndarray) -> Mood | None:
    spots = value >= SPOT_VALUE
    dark_share = float((value < DARK_VALUE).mean())
    spot_share = float(spots.mean())
    if dark_share < MIN_DARK_SHARE or not MIN_SPOT_SHARE <= spot_share <= MAX_SPOT_SHARE:
        return None

    coloured = spots & (saturation >= MIN_LIGHT_SATURATION)
    if coloured.sum() >= spots.sum() / 2:
        name, _ = _dominant_hue(hue[coloured])
        adjective = LIGHT_ADJECTIVES[name]
    else:
        name, adjective = "white", "white"
    return Mood(
        kind="lights",
        phrases=(
            f"soft {adjective} lights",
            f"{adjective} lights in the dark",
            f"a little {adjective} sparkle",
            f"a {adjective} glow after dark",
            f"tiny {adjective} lights",
            f"{adjective} sparkle everywhere",
        ),
        words=(adjective, "lights", "sparkle"),
        emoji="✨",
        colour=name,
    )


def _leading_colour(hue: np.ndarray, saturation: np.ndarray, value: np.ndarray) -> Mood | None:
    vivid = (saturation >= VIVID_SATURATION) & (value >= VIVID_VALUE)
    if float(vivid.mean()) < MIN_VIVID_SHARE:
        return None
    name, share = _dominant_hue(hue[vivid])
    if share < MIN_HUE_SHARE:
        return None
    return Mood(
        kind="colour",
        phrases=(
            f"a splash of {name}",
            f"all this {name}",
            f"shades of {name}",
            f"a little {name}",
            f"{name} everywhere",
            f"{name} on {name}",
        ),
        words=(name,),
        emoji=COLOUR_EMOJI[name],
        colour=name,
    )


def _light(saturation: np.ndarray, value: np.ndarray) -> Mood:
    mean_value = float(value.mean())
    if float(saturation.mean()) < GREY_SATURATION:
        return Mood(
            kind="monochrome",
            phrases=(
                "black and white",
                "a moment in black and white",
                "shades of grey",
                "life in black and white",
                "grey tones",
                "classic black and white",
            ),
            words=("black", "white", "grey"),
            emoji="🖤",
        )
    if mean_value < DARK_MEAN:
        return Mood(
            kind="dark",
            phrases=(
                "moody shadows",
                "low light",
                "the quiet dark",
                "deep shadows",
                "a dark and quiet moment",
                "light and shadow",
            ),
            words=("shadows", "light", "dark"),
            emoji="🌙",
        )
    if mean_value > BRIGHT_MEAN and float(saturation.mean()) < MUTED_SATURATION:
        return Mood(
            kind="bright",
            phrases=(
                "soft light",
                "bright, airy light",
                "clean, bright light",
                "morning light",
                "light and air",
                "gentle light",
            ),
            words=("light",),
            emoji="🤍",
        )
    if float(saturation.mean()) < MUTED_SATURATION:
        return Mood(
            kind="muted",
            phrases=(
                "muted tones",
                "quiet colours",
                "soft, muted tones",
                "gentle colours",
                "calm, muted colours",
                "quiet tones",
            ),
            words=("muted", "tones", "colours"),
            emoji="🤍",
        )
    return NEUTRAL
