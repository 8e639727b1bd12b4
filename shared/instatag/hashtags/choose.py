"""Which tags to show: the blocked list, near-duplicates, and the recommended set per platform."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from instatag.corpus import normalise_hashtag
from instatag.hashtags.text import content_stems, stem

TIERS = ("popular", "medium", "niche")
# "x for x" engagement bait in any spelling: like4likes, follow4followback, likeforfollow, ...
_BAIT = re.compile(
    r"^(?:follow|like|comment|shoutout|share|tag|f|l|c|s|r)s?(?:4|for|to)"
    r"(?:follow|like|comment|shoutout|share|tag|f|l|c|s|r)s?(?:back|me|train)?$"
)
# How a platform's set is spread over tiers when it holds this many tags or more.
MIXED_SET_MIN = 4
# A tag joins the set for its tier only when it scores at least this share of the best tag.
TIER_FLOOR = 0.25


@dataclass(frozen=True)
class Candidate:
    """A tag as the choosing sees it."""

    tag: str
    score: float
    tier: str
    words: str = ""

    @functools.cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(content_stems(self.words.split()))

    @functools.cached_property
    def singular(self) -> str:
        return stem(self.tag)


class Blocklist:
    """Hashtags never to recommend: the shipped list, the configured ones, and bait patterns."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.tags = default_blocked() | {t for t in map(normalise_hashtag, extra) if t}

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and (tag in self.tags or bool(_BAIT.match(tag)))


@functools.cache
def default_blocked() -> frozenset[str]:
    """The list shipped in `instatag/data/blocked_hashtags.txt`."""
    text = resources.files("instatag").joinpath("data/blocked_hashtags.txt").read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(tag for tag in map(normalise_hashtag, lines) if tag)


def near_duplicates(a: Candidate, b: Candidate) -> bool:
    """Same tag in other words: a plural, one inside the other, or a small typo apart."""
    if a.singular == b.singular:
        return True
    short, long = sorted((a.tag, b.tag), key=len)
    if len(short) >= 4 and short in long:
        return True
    if a.stems and b.stems and (a.stems <= b.stems or b.stems <= a.stems):
        return True
    # Typos: long tags with the same first letter a letter or two apart (not beach / peach).
    allowed = 2 if len(short) >= 10 else 1 if len(short) >= 6 else 0
    same_start = a.tag[:1] == b.tag[:1]
    return same_start and allowed > 0 and edit_distance(a.tag, b.tag, allowed) <= allowed


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once it exceeds `limit` (then `limit + 1`)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def tier_bounds(size: int) -> dict[str, tuple[int, int]]:
    """The least and most tags of each tier a set of `size` holds (when there are enough).

    Five tags: 1-2 popular, 2-3 medium, 1-2 niche. Sets under four tags are not spread.
    """
    if size < MIXED_SET_MIN:
        return {}
    edge = max(1, size // 5)
    medium = max(1, size - 2 * edge - 1)
    return {"popular": (edge, edge + 1), "medium": (medium, medium + 1), "niche": (edge, edge + 1)}


def recommended_set(candidates: Sequence[Candidate], size: int) -> list[Candidate]:
    """Up to `size` tags, best first, spread over tiers, with no two near-duplicates.

    Tags are taken best first while their tier has room, keeping slots back for tiers still
    short of their least count, and the set is topped up with the best left if it falls short.
    """
    ranked = sorted(candidates, key=lambda c: -c.score)
    if not ranked or size < 1:
        return []
    floor = ranked[0].score * TIER_FLOOR if ranked[0].score > 0 else float("-inf")
    bounds = tier_bounds(size)
    available = {c.tier for c in ranked if c.score >= floor}
    chosen: list[Candidate] = []

    for candidate in ranked:
        if len(chosen) == size:
            break
        if candidate.score < floor or _clashes(candidate, chosen):
            continue
        if _fits(candidate.tier, chosen, bounds, available, size):
            chosen.append(candidate)
    for candidate in ranked:
        if len(chosen) == size:
            break
        if candidate not in chosen and not _clashes(candidate, chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: -c.score)


def _fits(
    tier: str,
    chosen: Sequence[Candidate],
    bounds: dict[str, tuple[int, int]],
    available: set[str],
    size: int,
) -> bool:
    if tier not in bounds:
        return True
    counts = {t: sum(1 for c in chosen if c.tier == t) for t in bounds}
    least, most = bounds[tier]
    if counts[tier] >= most:
        return False
    short = sum(max(0, bounds[t][0] - counts[t]) for t in bounds if t in available and t != tier)
    return counts[tier] < least or size - len(chosen) > short


def _clashes(candidate: Candidate, chosen: Sequence[Candidate]) -> bool:
    return any(c == candidate or near_duplicates(candidate, c) for c in chosen)
