"""Putting the options together: captions written from the subject and captions mined from
posts, in the asked tone (or a mix of tones), none blocked, none a near-duplicate of another.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from instatag.captions.cleaning import BlockList, Distinct
from instatag.captions.emoji import DEFAULT_EMOJI, TONE_EMOJI
from instatag.captions.mining import MinedCaption
from instatag.captions.subject import Subject
from instatag.captions.templates import GUESS, SCENE, THING, TONES, Tone

Source = Literal["photo", "posts"]

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,!?;:])")


@dataclass(frozen=True)
class CaptionOption:
    """One caption to offer: its text, its tone, and whether it was written from the photo or
    taken from a similar post."""

    text: str
    tone: Tone
    source: Source

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "tone": self.tone, "source": self.source}


@dataclass(frozen=True)
class Mix:
    """How many options, in which tone (None: a mix), and how close two may be."""

    count: int
    tone: Tone | None = None
    mined_share: float = 0.5
    similarity: float = 0.6


def compose(
    subjects: Sequence[Subject],
    mined: Sequence[MinedCaption],
    mix: Mix,
    blocklist: BlockList,
    seed: int,
) -> list[CaptionOption]:
    """Up to `mix.count` distinct options: mined ones up to their share, the rest written.

    `subjects` are tried in order: a later one (the photo's mood) writes options only when
    the earlier ones run out, e.g. because the blocklist refuses their words.
    """
    distinct = Distinct(mix.similarity)
    taken = _mined(mined, mix, blocklist, distinct)
    used_tones = [option.tone for option in taken]

    written: list[CaptionOption] = []
    for text, tone in _written(subjects, mix.tone, used_tones, seed):
        if len(written) + len(taken) >= mix.count:
            break
        if not blocklist.blocks(text) and distinct.add(text):
            written.append(CaptionOption(text, tone, "photo"))
    return _interleave(written, taken)


def _mined(
    mined: Sequence[MinedCaption], mix: Mix, blocklist: BlockList, distinct: Distinct
) -> list[CaptionOption]:
    """The best mined captions in the tone asked for, varied in tone when none was asked."""
    most = math.floor(mix.count * mix.mined_share)
    fitting = [m for m in mined if mix.tone is None or m.tone == mix.tone]
    if mix.tone is None:
        fitting = _tone_variety(fitting)

    taken: list[CaptionOption] = []
    for caption in fitting:
        if len(taken) >= most:
            break
        if not blocklist.blocks(caption.text) and distinct.add(caption.text):
            taken.append(CaptionOption(caption.text, caption.tone, "posts"))
    return taken


def _tone_variety(mined: Sequence[MinedCaption]) -> list[MinedCaption]:
    """Best first, but a tone's second caption after every tone's first."""
    rank: dict[Tone, int] = {}
    keyed = []
    for position, caption in enumerate(mined):
        keyed.append((rank.get(caption.tone, 0), position, caption))
        rank[caption.tone] = rank.get(caption.tone, 0) + 1
    return [caption for *_, caption in sorted(keyed, key=lambda k: (k[0], k[1]))]


def _interleave(written: list[CaptionOption], taken: list[CaptionOption]) -> list[CaptionOption]:
    """Written first (it is surely about the photo), then alternating."""
    merged: list[CaptionOption] = []
    for index in range(max(len(written), len(taken))):
        merged += written[index : index + 1] + taken[index : index + 1]
    return merged


def _written(
    subjects: Sequence[Subject], tone: Tone | None, used: Sequence[Tone], seed: int
) -> Iterator[tuple[str, Tone]]:
    """Captions from the templates, subject by subject, cycling through the tones."""
    order = [tone] if tone else [t for t in TONES if t not in used] + list(dict.fromkeys(used))
    for subject in subjects:
        streams = {t: _stream(subject, t, random.Random(f"{seed}:{t}")) for t in order}
        while streams:
            for current in list(streams):
                text = next(streams[current], None)
                if text is None:
                    del streams[current]
                else:
                    yield text, current


def _stream(subject: Subject, tone: Tone, rng: random.Random) -> Iterator[str]:
    """Every template of a tone filled in for the subject, in a seeded order.

    A scene subject has several phrases: the first round gives each template the next one,
    later rounds the others, for when many options are asked for and short ones collide.
    """
    templates = list(THING[tone] if subject.noun else SCENE[tone])
    rng.shuffle(templates)
    if tone == "funny" and subject.kind in ("category", "mood") and subject.guesses:
        usable = [g for g in GUESS if "{guess2}" not in g or len(subject.guesses) > 1]
        templates.insert(rng.randrange(2), rng.choice(usable))

    rounds = 1 if subject.noun else max(1, len(subject.scenes))
    for shift in range(rounds):
        for index, template in enumerate(templates):
            if shift and "{scene}" not in template:
                continue
            yield render(template, subject, tone, index + shift)


def render(template: str, subject: Subject, tone: Tone, index: int) -> str:
    """A template filled in: determiners, agreement, the scene and the emoji."""
    fields = {"emoji": tone_emoji(subject.emoji, tone, index)}
    if subject.noun is not None:
        noun = subject.noun
        fields |= {
            "a": noun.a,
            "A": _capital(noun.a),
            "the": noun.the,
            "The": _capital(noun.the),
            "this": noun.this,
            "This": _capital(noun.this),
            "name": noun.name,
            "mod": noun.singular,
            "is": noun.is_,
            "has": noun.has,
            "was": noun.was,
        }
    if subject.scenes:
        fields["scene"] = subject.scenes[index % len(subject.scenes)]
    if subject.guesses:
        fields["guess"] = subject.guesses[0].a
        fields["guess2"] = subject.guesses[-1].a
    return tidy(template.format(**fields))


def tone_emoji(subject_emoji: str, tone: Tone, index: int) -> str:
    """The subject's emoji, with the tone's own where the tone wants one."""
    extras = TONE_EMOJI[tone]
    extra = extras[index % len(extras)]
    if extra == subject_emoji or (tone == "inspirational" and subject_emoji == DEFAULT_EMOJI):
        return subject_emoji
    return subject_emoji + extra


def tidy(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
