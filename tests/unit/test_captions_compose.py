"""Composing the options: tones, counts, mined and written options, no repeats, no blocked
words."""

from __future__ import annotations

import itertools
import re

import pytest
from instatag.captions.cleaning import BlockList, jaccard, tokens
from instatag.captions.compose import Mix, compose, render
from instatag.captions.mining import MinedCaption
from instatag.captions.palette import NEUTRAL, Mood
from instatag.captions.subject import CATEGORY_SCENES, Subject, choose_subject, words_of
from instatag.captions.templates import GUESS, SCENE, TONES
from instatag.concepts import Concept
from instatag.settings import DEFAULT_CATEGORIES

ESPRESSO = Concept("espresso", 0.9, ("espresso", "coffee", "beverage", "food"), "food")
PINK = Mood(
    kind="colour",
    phrases=("a splash of pink", "all this pink", "shades of pink"),
    words=("pink",),
    emoji="🩷",
    colour="pink",
)
MINED = [
    MinedCaption("Coffee first, then the world.", "casual", 3.0, "p1"),
    MinedCaption("Coffee before burpees should be illegal. 😂", "funny", 2.5, "p2"),
    MinedCaption("Coffee first, then the world!", "casual", 2.4, "p3"),
    MinedCaption("Espresso.", "minimal", 2.0, "p4"),
]
NO_BLOCKS = BlockList([])


def espresso() -> Subject:
    return choose_subject([ESPRESSO], NEUTRAL)


def mood_subject(mood: Mood = PINK) -> Subject:
    return Subject(kind="mood", words=mood.words, emoji=mood.emoji, scenes=mood.phrases)


def test_the_default_is_a_mix_of_every_tone_half_from_real_posts() -> None:
    options = compose([espresso()], MINED, Mix(count=4), NO_BLOCKS, seed=1)

    assert len(options) == 4
    assert sorted(o.tone for o in options) == sorted(TONES)
    assert [o.source for o in options] == ["photo", "posts", "photo", "posts"]
    assert [o.text for o in options if o.source == "posts"] == [m.text for m in MINED[:2]]


def test_a_tone_asked_for_is_the_tone_of_every_option() -> None:
    options = compose([espresso()], MINED, Mix(count=4, tone="minimal"), NO_BLOCKS, seed=1)

    assert len(options) == 4
    assert {o.tone for o in options} == {"minimal"}
    assert [o.text for o in options if o.source == "posts"] == ["Espresso."]


@pytest.mark.parametrize("tone", TONES)
def test_ten_options_in_one_tone_are_all_different(tone: str) -> None:
    mix = Mix(count=10, tone=tone)  # type: ignore[arg-type]
    for subject in (espresso(), mood_subject()):
        options = compose([subject], MINED, mix, NO_BLOCKS, seed=7)

        assert len(options) == 10
        for a, b in itertools.combinations(options, 2):
            assert jaccard(tokens(a.text), tokens(b.text)) < mix.similarity, (a.text, b.text)


def test_near_duplicate_mined_captions_count_once() -> None:
    options = compose([espresso()], MINED, Mix(count=6, tone="casual"), NO_BLOCKS, seed=1)

    texts = [o.text for o in options]
    assert "Coffee first, then the world." in texts
    assert "Coffee first, then the world!" not in texts


def test_without_mined_captions_the_photo_fills_the_count() -> None:
    options = compose([espresso()], [], Mix(count=5), NO_BLOCKS, seed=3)

    assert len(options) == 5
    assert {o.source for o in options} == {"photo"}
    assert all("espresso" in o.text for o in options)


def test_the_mined_share_caps_real_posts() -> None:
    none = compose([espresso()], MINED, Mix(count=4, mined_share=0), NO_BLOCKS, seed=1)
    one = compose([espresso()], MINED, Mix(count=4, mined_share=0.25), NO_BLOCKS, seed=1)

    assert [o.source for o in none].count("posts") == 0
    assert [o.source for o in one].count("posts") == 1


def test_a_blocked_subject_falls_back_to_the_photos_mood() -> None:
    blocked = BlockList(["espresso", "coffee"])

    options = compose([espresso(), mood_subject()], MINED, Mix(count=4), blocked, seed=1)

    assert len(options) == 4
    assert all("pink" in o.text and "espresso" not in o.text.lower() for o in options)


def test_the_same_photo_gets_the_same_options() -> None:
    first = compose([espresso()], MINED, Mix(count=4), NO_BLOCKS, seed=11)
    again = compose([espresso()], MINED, Mix(count=4), NO_BLOCKS, seed=11)

    assert first == again


def test_every_scene_and_guess_template_is_well_formed() -> None:
    guesses = choose_subject([Concept("eraser", 0.2), Concept("iPod", 0.1)], PINK).guesses
    scenes = {c: CATEGORY_SCENES[c] for c in DEFAULT_CATEGORIES} | {"pink": PINK.phrases}
    for name, phrases in scenes.items():
        subject = Subject(
            kind="category", words=(name,), emoji="🍽️", scenes=phrases, guesses=guesses
        )
        for tone in TONES:
            for index, template in enumerate([*SCENE[tone], *GUESS]):
                text = render(template, subject, tone, index)

                assert text[:1].isupper(), text
                assert "  " not in text and "{" not in text, text
                assert re.search(r"[.!?]$|[^\w\s.,!?']$", text), text
                named = set(words_of(text))
                assert named & set(words_of(" ".join(phrases))) or "eraser" in named, text


def test_emoji_fit_the_tone() -> None:
    subject = espresso()
    options = compose([subject], [], Mix(count=8), NO_BLOCKS, seed=5)

    for option in options:
        if option.tone == "funny":
            assert re.search("[😂🤷😅]", option.text), option.text
        if option.tone == "inspirational":
            assert "✨" in option.text or "🌟" in option.text or "🌱" in option.text
        if option.tone == "minimal":
            assert not re.search("[😂🤷😅😊🙌✨🌟🌱]", option.text), option.text
