"""What captions are about: the photo's mood from its pixels, and the subject the vision model
is sure enough of."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from instatag.captions.palette import NEUTRAL, colour_name, mood_of
from instatag.captions.subject import (
    CATEGORY_SCENES,
    CATEGORY_WORDS,
    Thresholds,
    choose_subject,
    words_of,
)
from instatag.concepts import Concept
from instatag.settings import DEFAULT_CATEGORIES
from PIL import Image, ImageDraw

TEAM_IMAGES = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "images"


def concept(
    label: str, score: float, words: tuple[str, ...] = (), category: str | None = None
) -> Concept:
    return Concept(label=label, score=score, words=words, category=category)


def sprinkled_lights(colour: tuple[int, int, int]) -> Image.Image:
    """A dark picture with a few small bright dots, as a night sky or bokeh."""
    image = Image.new("RGB", (320, 240), (8, 6, 10))
    draw = ImageDraw.Draw(image)
    rng = np.random.default_rng(7)
    for x, y in rng.integers(10, 230, size=(40, 2)):
        draw.ellipse((int(x), int(y), int(x) + 3, int(y) + 3), fill=colour)
    return image


@pytest.mark.parametrize(
    ("colour", "adjective"),
    [((255, 200, 60), "golden"), ((250, 250, 250), "white"), ((80, 120, 255), "blue")],
)
def test_a_few_bright_points_on_dark_are_lights_named_by_their_colour(
    colour: tuple[int, int, int], adjective: str
) -> None:
    mood = mood_of(sprinkled_lights(colour))

    assert mood.kind == "lights"
    assert all(adjective in phrase for phrase in mood.phrases)
    assert {"lights", adjective} <= set(mood.words)


@pytest.mark.parametrize(
    ("rgb", "name"),
    [((230, 60, 150), "pink"), ((200, 20, 20), "red"), ((30, 160, 60), "green")],
)
def test_a_picture_mostly_one_vivid_colour_is_named_by_it(
    rgb: tuple[int, int, int], name: str
) -> None:
    image = Image.new("RGB", (200, 200), rgb)
    ImageDraw.Draw(image).rectangle((0, 0, 60, 60), fill=(240, 240, 240))

    mood = mood_of(image)

    assert (mood.kind, mood.colour) == ("colour", name)
    assert all(name in phrase for phrase in mood.phrases)


def test_grey_dark_and_pale_pictures_get_their_light() -> None:
    assert mood_of(Image.new("RGB", (64, 64), (120, 120, 120))).kind == "monochrome"
    assert mood_of(Image.new("RGB", (64, 64), (40, 25, 30))).kind == "dark"
    assert mood_of(Image.new("RGB", (64, 64), (245, 230, 225))).kind == "bright"


def test_hue_names_cover_the_circle() -> None:
    assert [colour_name(h) for h in (0, 20, 50, 120, 180, 220, 270, 320, 359)] == [
        "red", "orange", "gold", "green", "teal", "blue", "purple", "pink", "red",
    ]  # fmt: skip


def test_the_team_photos_moods_match_what_they_show() -> None:
    hearts = mood_of(Image.open(TEAM_IMAGES / "hearts.jpeg").convert("RGB"))
    bokeh = mood_of(Image.open(TEAM_IMAGES / "bokeh.jpeg").convert("RGB"))

    # Pink-red "like" hearts, and golden points of light on black.
    assert hearts.kind == "colour" and hearts.colour in ("pink", "red")
    assert bokeh.kind == "lights" and bokeh.colour == "gold"


def test_every_mood_phrase_holds_one_of_its_words() -> None:
    images = [
        sprinkled_lights((255, 200, 60)),
        Image.new("RGB", (64, 64), (230, 60, 150)),
        Image.new("RGB", (64, 64), (120, 120, 120)),
        Image.new("RGB", (64, 64), (40, 25, 30)),
        Image.new("RGB", (64, 64), (245, 230, 225)),
    ]
    for mood in [*map(mood_of, images), NEUTRAL]:
        for phrase in mood.phrases:
            assert set(words_of(phrase)) & set(mood.words), phrase


def test_every_category_scene_names_the_category() -> None:
    for category in DEFAULT_CATEGORIES:
        for scene in CATEGORY_SCENES[category]:
            assert set(words_of(scene)) & set(CATEGORY_WORDS[category]), scene


def test_a_likely_top_concept_is_named() -> None:
    espresso = concept("espresso", 0.95, ("espresso", "coffee", "beverage", "food"), "food")

    subject = choose_subject([espresso, concept("tea cup", 0.02)], NEUTRAL)

    assert subject.kind == "object"
    assert subject.text == "an espresso"
    assert {"espresso", "coffee", "food"} <= set(subject.words)
    assert subject.emoji == "☕"


def test_breeds_that_split_the_vote_are_named_by_the_kind_they_share() -> None:
    breeds = [
        concept("Golden Retriever", 0.28, ("golden", "retriever", "dog", "canine"), "animals"),
        concept("Labrador Retriever", 0.25, ("labrador", "retriever", "dog"), "animals"),
        concept("Flat-Coated Retriever", 0.15, ("flat", "coated", "retriever", "dog"), "animals"),
        concept("tennis ball", 0.05, ("tennis", "ball"), "sports"),
    ]

    subject = choose_subject(breeds, NEUTRAL)

    assert subject.kind == "group"
    assert subject.text == "a retriever"
    assert subject.category == "animals"
    assert subject.emoji == "🐾"


def test_an_unsure_model_with_one_likely_category_gets_the_category() -> None:
    dishes = [
        concept("carbonara", 0.25, ("carbonara", "pasta"), "food"),
        concept("pizza", 0.2, ("pizza", "dish"), "food"),
        concept("plate", 0.12, ("plate", "dish"), "food"),
        concept("menu", 0.05, ("menu",), None),
    ]

    subject = choose_subject(dishes, NEUTRAL)

    assert subject.kind == "category"
    assert subject.scenes == CATEGORY_SCENES["food"]
    assert [g.a for g in subject.guesses] == ["some carbonara", "a pizza"]


def test_an_unsure_model_leaves_the_photo_to_its_mood() -> None:
    hearts_like = [
        concept("eraser", 0.2, ("eraser", "rubber"), None),
        concept("pinwheel", 0.14, ("pinwheel",), None),
        concept("tea cup", 0.03, ("tea", "cup"), "food"),
    ]
    mood = mood_of(Image.new("RGB", (64, 64), (230, 60, 150)))

    subject = choose_subject(hearts_like, mood)

    assert subject.kind == "mood"
    assert subject.scenes == mood.phrases
    assert subject.words == mood.words
    assert subject.guesses[0].a == "an eraser"


def test_the_thresholds_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    moped = [concept("moped", 0.25, ("moped", "motorcycle"), None)]

    assert choose_subject(moped, NEUTRAL).kind == "mood"
    assert choose_subject(moped, NEUTRAL, Thresholds(object_score=0.2)).kind == "object"
