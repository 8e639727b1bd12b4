"""Trending hashtags of one category, computed from its daily counters alone.

A hashtag's score is its daily post counts over the recent window, each day weighted by
`2 ** (-age / half_life)`; the trend compares its share of the category's posts in the recent
window with its share in the window before. The result is a pure function of the counters, the
day it is computed for and the parameters, so computing it twice gives the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from instatag.corpus import normalise_hashtag
from instatag.settings import Settings

Trend = Literal["rising", "steady", "fading"]


@dataclass(frozen=True)
class Params:
    """What shapes a ranking; built from the settings with `Params.from_settings`."""

    top_n: int = 15
    window_days: int = 7
    half_life_days: float = 3.0
    min_support: int = 3
    history_days: int = 7
    trend_threshold: float = 0.25
    blocked: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> Params:
        trending = settings.trending
        blocked = filter(None, map(normalise_hashtag, settings.blocked_hashtags))
        return cls(
            top_n=trending.top_n,
            window_days=trending.window_days,
            half_life_days=trending.half_life_days,
            min_support=trending.min_support,
            history_days=trending.history_days,
            trend_threshold=trending.trend_threshold,
            blocked=frozenset(blocked),
        )

    @property
    def span_days(self) -> int:
        """How many days of counters a ranking reads: both windows and the history."""
        return max(2 * self.window_days, self.history_days)


@dataclass(frozen=True)
class DayCount:
    """One category's counters for one day: posts stored, and posts per hashtag."""

    day: str
    posts: int
    counts: Mapping[str, int]


@dataclass(frozen=True)
class TagTrend:
    tag: str
    count: int
    score: float
    trend: Trend
    change: float | None
    history: tuple[int, ...]


@dataclass(frozen=True)
class Ranking:
    """The trending hashtags of one category as of `today`."""

    category: str
    today: str
    posts: int
    days: tuple[str, ...]
    tags: tuple[TagTrend, ...] = field(default_factory=tuple)
    latest_day: str | None = None

    @property
    def has_data(self) -> bool:
        return self.posts > 0


def days_back(today: date, count: int) -> list[str]:
    """The `count` ISO days ending with `today`, oldest first."""
    return [(today - timedelta(days=back)).isoformat() for back in range(count - 1, -1, -1)]


def rank(category: str, counters: Iterable[DayCount], today: date, params: Params) -> Ranking:
    """The top hashtags of a category from its daily counters (days outside the span ignored)."""
    span = days_back(today, params.span_days)
    wanted = set(span)
    by_day = {c.day: c for c in counters if c.day in wanted}
    recent = span[-params.window_days :]
    previous = span[-2 * params.window_days : -params.window_days]
    history = span[-params.history_days :]

    scores = _decayed(by_day, recent, params.half_life_days)
    counts, before = _totals(by_day, recent), _totals(by_day, previous)
    posts, posts_before = _posts(by_day, recent), _posts(by_day, previous)

    tags = []
    for tag in _top(counts, scores, params):
        trend, change = trend_of(
            (counts[tag], posts), (before.get(tag, 0), posts_before), params.trend_threshold
        )
        daily = tuple(by_day[d].counts.get(tag, 0) if d in by_day else 0 for d in history)
        tags.append(TagTrend(tag, counts[tag], round(scores[tag], 4), trend, change, daily))

    latest = max((day for day, counter in by_day.items() if counter.posts > 0), default=None)
    return Ranking(category, today.isoformat(), posts, tuple(history), tuple(tags), latest)


def trend_of(
    recent: tuple[int, int], previous: tuple[int, int], threshold: float
) -> tuple[Trend, float | None]:
    """Rising, steady or fading from `(tag posts, all posts)` in each window.

    Shares are smoothed by one post so that a hashtag absent before does not divide by zero;
    with no posts at all in the previous window there is nothing to compare with: steady.
    """
    (count, posts), (before, posts_before) = recent, previous
    if posts_before == 0:
        return "steady", None

    ratio = ((count + 1) / (posts + 1)) / ((before + 1) / (posts_before + 1))
    change = round(ratio - 1, 3)
    if ratio >= 1 + threshold:
        return "rising", change
    if ratio <= 1 / (1 + threshold):
        return "fading", change
    return "steady", change


def _top(counts: Mapping[str, int], scores: Mapping[str, float], params: Params) -> list[str]:
    """Hashtags with enough support and not blocked, best score first (ties: count, name)."""
    eligible = [
        tag
        for tag, count in counts.items()
        if count >= params.min_support and tag not in params.blocked
    ]
    eligible.sort(key=lambda tag: (-scores[tag], -counts[tag], tag))
    return eligible[: params.top_n]


def _posts(by_day: Mapping[str, DayCount], days: Sequence[str]) -> int:
    return sum(by_day[day].posts for day in days if day in by_day)


def _decayed(
    by_day: Mapping[str, DayCount], days: Sequence[str], half_life: float
) -> dict[str, float]:
    scores: dict[str, float] = {}
    for age, day in enumerate(reversed(days)):
        if day not in by_day:
            continue
        weight = 2.0 ** (-age / half_life)
        for tag, count in by_day[day].counts.items():
            scores[tag] = scores.get(tag, 0.0) + count * weight
    return scores


def _totals(by_day: Mapping[str, DayCount], days: Sequence[str]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for day in days:
        if day in by_day:
            for tag, count in by_day[day].counts.items():
                totals[tag] = totals.get(tag, 0) + count
    return totals
