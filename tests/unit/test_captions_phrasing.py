"""Concept labels as noun phrases, and captions written for every one of the 1000 labels."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from instatag.captions.compose import render
from instatag.captions.palette import NEUTRAL
from instatag.captions.phrasing import indefinite_article, noun_for, readable
from instatag.captions.subject import Subject, choose_subject
from instatag.captions.templates import THING, TONES
from instatag.concepts import Concept

from models.vision.build import LABELS_FILE, build_vision

# Words whose first sound is not what their first letter suggests, as a speaker says them.
SOUND_EXCEPTIONS = {
    "hourglass": "an",
    "unicycle": "a",
    "european": "a",
    "one-piece": "a",
    "cd": "a",
    "crt": "a",
    "t-shirt": "a",
    "uniform": "a",
    "ukulele": "a",
}
EMOJI_END = re.compile(
    "[\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]$"
)


def expected_article(word: str) -> str:
    """What a speaker says: "an" before a vowel sound, "a" before a consonant sound."""
    lower = word.lower()
    if lower in SOUND_EXCEPTIONS:
        return SOUND_EXCEPTIONS[lower]
    return "an" if lower[0] in "aeiou" else "a"


@pytest.fixture(scope="session")
def labels(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("vision-labels")
    build_vision(out)
    entries: list[dict[str, Any]] = json.loads((out / LABELS_FILE).read_text())
    return entries


@pytest.mark.parametrize(
    ("label", "phrase"),
    [
        ("tabby, tabby cat", "a tabby cat"),
        ("espresso", "an espresso"),
        ("strawberry", "some strawberries"),
        ("hot dog, hotdog, red hot", "a hot dog"),
        ("sandbar, sand bar", "a sandbar"),
        ("guacamole", "some guacamole"),
        ("jeans", "a pair of jeans"),
        ("mashed potatoes", "some mashed potatoes"),
        ("hourglass", "an hourglass"),
        ("unicycle", "a unicycle"),
        ("umbrella", "an umbrella"),
        ("European garden spider", "a European garden spider"),
        ("one-piece bathing suit", "a one-piece bathing suit"),
        ("CD player", "a CD player"),
        ("T-shirt", "a T-shirt"),
        ("iPod", "an iPod"),
        ("tench, Tinca tinca", "a tench"),
        ("kite (bird of prey)", "a bird of prey"),
        ("impala (antelope)", "an impala"),
        ("handrail / baluster", "a handrail"),
        ("traffic or street sign", "a street sign"),
        ("spiral or coil", "a spiral"),
        ("a cat having a striped coat", "a tabby cat"),
    ],
)
def test_a_label_becomes_the_phrase_a_person_would_write(label: str, phrase: str) -> None:
    assert noun_for(label).a == phrase


def test_verbs_agree_with_the_phrase() -> None:
    figs, cat, jeans, wine = (noun_for(x) for x in ("fig", "tabby cat", "jeans", "red wine"))

    assert (figs.this, figs.is_, figs.has, figs.was) == ("these figs", "are", "have", "were")
    assert (cat.this, cat.is_, cat.has, cat.was) == ("this tabby cat", "is", "has", "was")
    assert (jeans.this, jeans.is_) == ("these jeans", "are")
    assert (wine.a, wine.this, wine.is_) == ("some red wine", "this red wine", "is")
    assert figs.singular == "fig"


def test_initialisms_take_the_article_of_their_first_letter_name() -> None:
    assert indefinite_article("MRI scanner") == "an"
    assert indefinite_article("X-ray") == "an"
    assert indefinite_article("UFO") == "a"


def test_every_label_has_a_readable_name(labels: list[dict[str, Any]]) -> None:
    for entry in labels:
        name = readable(entry["label"])

        assert name.strip() == name and name
        assert not re.search(r"[(),/]", name), entry["label"]
        assert not re.search(r"\bor\b", name), entry["label"]


def test_every_label_and_tone_writes_well_formed_sentences(labels: list[dict[str, Any]]) -> None:
    problems: list[str] = []
    for entry in labels:
        concept = Concept(entry["label"], 0.9, tuple(entry["words"]), entry["category"])
        subject = choose_subject([concept], NEUTRAL)
        assert subject.kind == "object" and subject.noun is not None
        for tone in TONES:
            for index, template in enumerate(THING[tone]):
                text = render(template, subject, tone, index)
                problems += [f"{entry['label']!r} -> {text!r}: {p}" for p in flaws(text, subject)]

    assert not problems, "\n".join(problems[:20])


def flaws(text: str, subject: Subject) -> list[str]:
    """What is wrong with a written caption, by rules independent of how it was written."""
    assert subject.noun is not None
    found = []
    if not text[:1].isupper():
        found.append("does not start with a capital")
    if not (text[-1] in ".!?" or EMOJI_END.search(text)):
        found.append("does not end with punctuation or an emoji")
    if "  " in text or text != text.strip():
        found.append("stray spaces")
    if re.search(r"[{}]", text):
        found.append("template braces left")
    if re.search(r"\b(a|an|the|some|this|these) (a|an|the|some|this|these)\b", text, re.I):
        found.append("two determiners in a row")
    for article, word in re.findall(r"\b(a|an) ([\w'-]+)", text, re.I):
        if article.lower() != expected_article(word):
            found.append(f"'{article} {word}'")
    if subject.noun.name not in text and subject.noun.singular not in text:
        found.append("the subject is not named")
    return found
