"""Write InstaTag's sample corpus: `python -m models.sample.generate [--out PATH]`.

The posts are synthetic, composed from the hand-written words in `models.sample.vocabulary`.
Each category draws from its own generator seeded with a fixed value, so every run writes the
same bytes and editing one category leaves the others as they were.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from models.sample.vocabulary import (
    CATEGORIES,
    EVERYWHERE,
    LINKS,
    MENTIONS,
    TONES,
    Category,
    Subject,
)

SEED = 20261130
POSTS_PER_CATEGORY = 30
LAST_DAY = date(2026, 11, 30)
DAYS = 28
LAST_WEEK = 7
MIN_TAGS = 5
MAX_TAGS = 20

OUT = Path(__file__).resolve().parents[2] / "shared" / "instatag" / "data" / "sample-posts.jsonl"

# How many posts a subject gets relative to a steady one, and how many of them fall in the last
# week (a steady subject's quarter is what an even spread over four weeks gives).
SHARE = {"steady": 1.0, "rising": 1.6, "fading": 1.3}
RECENT = {"steady": LAST_WEEK / DAYS, "rising": 0.85, "fading": 0.08}

# People post around lunch and in the evening more than at night.
HOUR_WEIGHTS = (1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 5, 6, 6, 5, 4, 4, 5, 7, 8, 8, 7, 5, 3)

SEPARATORS = (" ", "\n\n", "\n.\n.\n.\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the JSON lines")
    args = parser.parse_args(argv)

    count = write(args.out)
    print(f"wrote {count} sample posts to {args.out}")
    return 0


def write(path: Path) -> int:
    """Write the sample posts to `path` as JSON lines; returns how many."""
    records = generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    path.write_text("".join(lines), encoding="utf-8", newline="\n")
    return len(records)


def generate() -> list[dict[str, Any]]:
    captions: set[str] = set()
    return [record for category in CATEGORIES for record in _posts(category, captions)]


def _posts(category: Category, captions: set[str]) -> list[dict[str, Any]]:
    rng = random.Random(f"{SEED}-{category.name}")
    subjects = _allocate(category.subjects, POSTS_PER_CATEGORY, rng)
    decks = _Decks(rng)
    return [
        _post(decks, category, subject, number, captions)
        for number, subject in enumerate(subjects, start=1)
    ]


def _allocate(subjects: Sequence[Subject], total: int, rng: random.Random) -> list[Subject]:
    """`total` subjects, each as often as its share says, in random order."""
    scale = total / sum(SHARE[subject.trend] for subject in subjects)
    exact = [SHARE[subject.trend] * scale for subject in subjects]
    counts = [int(value) for value in exact]

    by_remainder = sorted(range(len(subjects)), key=lambda i: exact[i] - counts[i], reverse=True)
    for index in by_remainder[: total - sum(counts)]:
        counts[index] += 1

    picks = [
        subject for subject, count in zip(subjects, counts, strict=True) for _ in range(count)
    ]
    rng.shuffle(picks)
    return picks


def _post(
    decks: _Decks, category: Category, subject: Subject, number: int, captions: set[str]
) -> dict[str, Any]:
    rng = decks.rng
    moment = _moment(rng, subject)
    tags = _hashtags(rng, category, subject, moment)
    text = _unique_caption(decks, category, subject, captions)
    likes, comments = _engagement(rng)
    return {
        "id": f"sample-{category.name}-{number}",
        "category": category.name,
        "caption": text + rng.choice(SEPARATORS) + " ".join(tags),
        "hashtags": tags,
        "likes": likes,
        "comments": comments,
        "taken_at": moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": "sample",
    }


def _moment(rng: random.Random, subject: Subject) -> datetime:
    first = LAST_DAY - timedelta(days=DAYS - 1)
    if rng.random() < RECENT[subject.trend]:
        offset = rng.randrange(DAYS - LAST_WEEK, DAYS)
    else:
        offset = rng.randrange(0, DAYS - LAST_WEEK)

    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    clock = time(hour, rng.randrange(60), rng.randrange(60))
    return datetime.combine(first + timedelta(days=offset), clock, UTC)


def _hashtags(
    rng: random.Random, category: Category, subject: Subject, moment: datetime
) -> list[str]:
    """The subject's own tags first, then the category's popular ones, then the general ones."""
    tags = list(subject.tags[:2])
    tags += rng.sample(subject.tags[2:], rng.randint(1, 4))

    # The more popular a category tag (earlier in the list), the likelier a post carries it.
    tags += [t for i, t in enumerate(category.generic) if rng.random() < max(0.15, 0.85 - i / 14)]
    if rng.random() < 0.2:
        neighbour = rng.choice([other for other in category.subjects if other is not subject])
        tags.append(neighbour.tags[0])
    tags += [tag for tag in EVERYWHERE if rng.random() < 0.2]
    tags += _weekend_tag(rng, moment)

    chosen = _distinct(tags)[:MAX_TAGS]
    for tag in category.generic:
        if len(chosen) >= MIN_TAGS:
            break
        chosen = _distinct([*chosen, tag])
    if rng.random() < 0.3:
        rng.shuffle(chosen)
    return chosen


def _weekend_tag(rng: random.Random, moment: datetime) -> list[str]:
    saturday, sunday = 5, 6
    if moment.weekday() not in (saturday, sunday) or rng.random() > 0.35:
        return []
    choices = ["#weekend", "#weekendvibes"]
    if moment.weekday() == sunday:
        choices.append("#sundayfunday")
    return [rng.choice(choices)]


def _distinct(tags: list[str]) -> list[str]:
    """Tags in order, each once however it is capitalised."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def _unique_caption(
    decks: _Decks, category: Category, subject: Subject, captions: set[str]
) -> str:
    for _ in range(200):
        text = _caption(decks, category, subject)
        if text not in captions:
            captions.add(text)
            return text
    raise RuntimeError(f"{category.name}/{subject.key}: too few words for another caption")


def _caption(decks: _Decks, category: Category, subject: Subject) -> str:
    """One or two sentences in one tone, sometimes with an emoji, a mention or a link."""
    rng = decks.rng
    tone = rng.choice(TONES)
    own_words = rng.random() < 0.5
    if own_words:
        main = decks.draw(subject.lines)
    else:
        thing = decks.draw(subject.things)
        template = decks.draw(tone.templates)
        main = template.format(thing=thing, Thing=thing[0].upper() + thing[1:])
    if rng.random() < 0.35:
        main = f"{main} {rng.choice(subject.emoji)}"

    roll = rng.random()
    if roll < 0.12:
        handle = decks.draw(category.handles)
        return f"{main} {decks.draw(MENTIONS).format(handle=handle)}"
    if roll < 0.2:
        url = f"https://example.com/{category.name}/{subject.key}"
        return f"{main} {decks.draw(LINKS).format(url=url)}"
    if roll < 0.45:
        return f"{main} {decks.draw(tone.closers)}"
    if roll < 0.6 and own_words:
        return f"{decks.draw(tone.openers)} {main}"
    return main


class _Decks:
    """Draws each list's items in shuffled order, reusing one only after all have been used,
    so that a subject's few posts don't keep repeating the same sentence."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._left: dict[tuple[str, ...], list[str]] = {}

    def draw(self, items: tuple[str, ...]) -> str:
        left = self._left.get(items)
        if not left:
            left = self._left[items] = self.rng.sample(items, len(items))
        return left.pop()


def _engagement(rng: random.Random) -> tuple[int, int]:
    """Likes and comments, heavy-tailed: most posts get a few dozen likes, a few get thousands."""
    likes = int(rng.lognormvariate(4.3, 1.1))
    if rng.random() < 0.03:
        likes *= rng.randint(8, 30)
    comments = int(likes * rng.uniform(0.01, 0.06) + rng.random() * 3)
    return likes, comments


if __name__ == "__main__":
    raise SystemExit(main())
