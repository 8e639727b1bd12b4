"""What a caption should be about: a named thing, a kind of thing, a category, or a mood.

The vision model names one of 1000 ImageNet classes; on many real photos the top class is
wrong, and a caption that asserts a wrong object is worse than one that says less. So a photo's
subject is the most specific thing the model is sure enough of:

1. the top concept, when its probability reaches `object_score` ("a tabby cat");
2. else a head noun that the top concepts share, when their summed probability reaches
   `group_score` ("a dog" when several breeds split the vote);
3. else the category whose concepts' summed probability reaches `category_score`
   ("something delicious");
4. else the photo's mood from its pixels ("soft golden lights").

The thresholds live in `CaptionSettings`; README in `bench/` tells how they were chosen.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from instatag.captions.emoji import emoji_for
from instatag.captions.palette import Mood
from instatag.captions.phrasing import Noun, noun_for, readable
from instatag.concepts import Concept

SubjectKind = Literal["object", "group", "category", "mood"]

# How many of a concept's words after its name (lemmas, nearest hypernyms) are close enough to
# it to stand for it; later words are gloss words ("hot", "water", "small").
CLOSE_WORDS = 3
# Guesses named only in jest ("my phone thinks this is ...") need at least this probability.
GUESS_SCORE = 0.05

# Per category: phrases for a caption about the category as a whole.
CATEGORY_SCENES: dict[str, tuple[str, ...]] = {
    "food": (
        "something delicious", "good food", "a tasty little treat", "delicious things",
        "tasty moments", "food worth sharing",
    ),
    "travel": (
        "the joy of travel", "the journey", "a new place to explore", "travel days",
        "a journey worth taking", "places to explore",
    ),
    "wedding": (
        "the wedding day", "wedding magic", "a wedding to remember", "wedding vibes",
        "the wedding party", "wedding season",
    ),
    "fitness": (
        "a good workout", "training day", "fitness goals", "the workout", "a morning workout",
        "hard training",
    ),
    "fashion": (
        "today's outfit", "a little style", "everyday fashion", "outfit goals", "street style",
        "a favourite outfit",
    ),
    "animals": (
        "a beautiful creature", "a little wildlife", "animal magic", "a curious creature",
        "wildlife moments", "animal friends",
    ),
    "nature": (
        "the great outdoors", "a bit of nature", "nature at its best", "a walk in nature",
        "the quiet outdoors", "wild nature",
    ),
    "art": (
        "a little art", "something handmade", "art in progress", "handmade things",
        "art for the wall", "everyday art",
    ),
    "beauty": (
        "a bit of self-care", "the glow", "a little beauty routine", "beauty rituals",
        "a healthy glow", "self-care time",
    ),
    "music": (
        "good music", "music on repeat", "the music of the day", "live music", "music all day",
        "new music",
    ),
    "sports": ("game day", "the game", "a good match", "match day", "the big game", "sports day"),
    "photography": (
        "the perfect shot", "the light and the lens", "a shot worth taking", "one more shot",
        "the lens and the moment", "photography days",
    ),
}  # fmt: skip
# Per category: the words that show a caption is about it; each scene holds one of them.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "food": ("food", "delicious", "tasty"),
    "travel": ("travel", "journey", "explore"),
    "wedding": ("wedding",),
    "fitness": ("fitness", "workout", "training"),
    "fashion": ("fashion", "outfit", "style"),
    "animals": ("animals", "animal", "creature", "wildlife"),
    "nature": ("nature", "outdoors"),
    "art": ("art", "handmade"),
    "beauty": ("beauty", "self-care", "glow"),
    "music": ("music",),
    "sports": ("sports", "game", "match"),
    "photography": ("photography", "shot", "lens"),
}

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


@dataclass(frozen=True)
class Thresholds:
    object_score: float = 0.3
    group_score: float = 0.6
    category_score: float = 0.5


@dataclass(frozen=True)
class Subject:
    """What the captions describe, and the words that show a caption is about it."""

    kind: SubjectKind
    words: tuple[str, ...]
    emoji: str
    noun: Noun | None = None
    scenes: tuple[str, ...] = ()
    category: str | None = None
    guesses: tuple[Noun, ...] = field(default=())

    @property
    def text(self) -> str:
        """The subject as a phrase: "a tabby cat", "something delicious"."""
        return self.noun.a if self.noun else self.scenes[0]


def words_of(text: str) -> list[str]:
    """Lower-case words of a text, hyphenated and apostrophe words kept whole."""
    return _WORD.findall(text.lower())


def choose_subject(
    concepts: Sequence[Concept], mood: Mood, thresholds: Thresholds = Thresholds()
) -> Subject:
    """The most specific subject the concepts support, else the photo's mood."""
    ranked = sorted(concepts, key=lambda c: -c.score)
    guesses = tuple(noun_for(c.label) for c in ranked[:2] if c.score >= GUESS_SCORE)

    if ranked and ranked[0].score >= thresholds.object_score:
        return _object(ranked[0])
    group = _group(ranked, thresholds.group_score)
    if group is not None:
        return group
    category = _category(ranked, thresholds.category_score)
    if category is not None:
        return Subject(
            kind="category",
            words=category_words(category),
            emoji=emoji_for((), category),
            scenes=category_scenes(category),
            category=category,
            guesses=guesses,
        )
    return Subject(
        kind="mood", words=mood.words, emoji=mood.emoji, scenes=mood.phrases, guesses=guesses
    )


def concept_words(concept: Concept) -> tuple[str, ...]:
    """The words that name a concept or its near kinds: "tabby", "cat", "feline".

    The label's own words come first in `concept.words`; only those of its readable name are
    kept ("a cat having a striped coat" names a tabby cat, not a coat).
    """
    named = words_of(readable(concept.label))
    raw = set(words_of(concept.label))
    kinds = [word for word in concept.words if word not in raw][:CLOSE_WORDS]
    return tuple(dict.fromkeys([*named, *kinds]))


def category_scenes(category: str) -> tuple[str, ...]:
    return CATEGORY_SCENES.get(category, (f"all things {category}",))


def category_words(category: str) -> tuple[str, ...]:
    return CATEGORY_WORDS.get(category, (category,))


def _object(concept: Concept) -> Subject:
    noun = noun_for(concept.label)
    named = words_of(noun.singular)
    emoji_words = ["".join(named), *reversed(named), *concept_words(concept)]
    category_part = (concept.category,) if concept.category else ()
    return Subject(
        kind="object",
        words=tuple(dict.fromkeys([*concept_words(concept), *category_part])),
        emoji=emoji_for(emoji_words, concept.category),
        noun=noun,
        category=concept.category,
    )


def _group(ranked: Sequence[Concept], threshold: float) -> Subject | None:
    """A head noun shared by the top concepts, when together they are likely enough."""
    heads = {words_of(readable(c.label))[-1] for c in ranked if words_of(readable(c.label))}
    mass: dict[str, float] = defaultdict(float)
    members: dict[str, list[Concept]] = defaultdict(list)
    for concept in ranked:
        for word in set(concept_words(concept)) & heads:
            mass[word] += concept.score
            members[word].append(concept)

    shared = [w for w in mass if len(members[w]) > 1 and mass[w] >= threshold]
    if not shared:
        return None
    head = max(shared, key=lambda w: mass[w])
    category = _majority_category(members[head])
    return Subject(
        kind="group",
        words=(head, category) if category else (head,),
        emoji=emoji_for([head], category),
        noun=noun_for(head),
        category=category,
    )


def _category(ranked: Sequence[Concept], threshold: float) -> str | None:
    mass: dict[str, float] = defaultdict(float)
    for concept in ranked:
        if concept.category:
            mass[concept.category] += concept.score
    best = max(mass, key=lambda c: mass[c], default=None)
    return best if best is not None and mass[best] >= threshold else None


def _majority_category(concepts: Sequence[Concept]) -> str | None:
    mass: dict[str, float] = defaultdict(float)
    for concept in concepts:
        if concept.category:
            mass[concept.category] += concept.score
    return max(mass, key=lambda c: mass[c], default=None)
