"""Ranking a category from its daily counters: decay, support, blocked tags, trend, history."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from instatag.settings import Settings
from instatag.trending.compute import DayCount, Params, days_back, rank, trend_of

TODAY = date(2026, 12, 3)


def day(back: int) -> str:
    """The ISO day `back` days before TODAY (negative: after it)."""
    return (TODAY - timedelta(days=back)).isoformat()


def counter(back: int, posts: int, **counts: int) -> DayCount:
    return DayCount(day(back), posts, counts)


def test_a_recent_day_outweighs_the_same_count_days_ago() -> None:
    counters = [counter(0, 10, fresh=5), counter(5, 10, stale=5)]

    ranking = rank("food", counters, TODAY, Params(min_support=1))

    assert [t.tag for t in ranking.tags] == ["fresh", "stale"]
    assert ranking.tags[0].count == ranking.tags[1].count == 5
    assert ranking.tags[0].score == pytest.approx(5.0)
    assert ranking.tags[1].score == pytest.approx(5 * 2 ** (-5 / 3))


def test_half_life_sets_how_fast_old_days_fade() -> None:
    counters = [counter(0, 10, fresh=4), counter(3, 10, popular=6)]

    slow = rank("food", counters, TODAY, Params(min_support=1, half_life_days=30))
    fast = rank("food", counters, TODAY, Params(min_support=1, half_life_days=1))

    assert [t.tag for t in slow.tags] == ["popular", "fresh"]
    assert [t.tag for t in fast.tags] == ["fresh", "popular"]


def test_tags_below_support_and_blocked_tags_are_left_out() -> None:
    counters = [counter(0, 20, pasta=3, rare=2, follow4follow=9)]
    params = Params(min_support=3, blocked=frozenset({"follow4follow"}))

    ranking = rank("food", counters, TODAY, params)

    assert [t.tag for t in ranking.tags] == ["pasta"]


def test_blocked_hashtags_come_from_the_settings_normalised() -> None:
    settings = Settings(blocked_hashtags=("#Follow4Follow", " LIKE4LIKE "))

    assert Params.from_settings(settings).blocked == {"follow4follow", "like4like"}


def test_only_top_n_are_kept_best_first_and_ties_break_by_name() -> None:
    counts = {f"tag{i:02d}": 20 - i for i in range(20)} | {"aaa": 1, "zzz": 1}
    ranking = rank("food", [DayCount(day(0), 30, counts)], TODAY, Params(top_n=15, min_support=1))

    assert len(ranking.tags) == 15
    assert ranking.tags[0].tag == "tag00"
    assert ranking.tags[-1].tag == "tag14"

    tied = rank("food", [DayCount(day(0), 2, {"b": 1, "a": 1})], TODAY, Params(min_support=1))
    assert [t.tag for t in tied.tags] == ["a", "b"]


def test_days_outside_the_window_count_neither_in_score_nor_in_count() -> None:
    counters = [counter(0, 5, pasta=3), counter(7, 50, pasta=40), counter(-1, 50, pasta=40)]

    ranking = rank("food", counters, TODAY, Params(window_days=7, min_support=1))

    assert ranking.tags[0].count == 3
    assert ranking.posts == 5


def test_trend_compares_shares_of_posts_between_windows() -> None:
    rising = [counter(1, 100, pasta=30), counter(8, 100, pasta=5)]
    fading = [counter(1, 100, pasta=5), counter(8, 100, pasta=30)]
    steady = [counter(1, 200, pasta=20), counter(8, 100, pasta=10)]
    params = Params(window_days=7, min_support=1)

    assert rank("food", rising, TODAY, params).tags[0].trend == "rising"
    assert rank("food", fading, TODAY, params).tags[0].trend == "fading"
    assert rank("food", steady, TODAY, params).tags[0].trend == "steady"


def test_without_a_previous_window_there_is_no_trend_to_claim() -> None:
    trend, change = trend_of((40, 100), (0, 0), threshold=0.25)

    assert (trend, change) == ("steady", None)


def test_a_tag_absent_before_is_rising_when_the_category_had_posts() -> None:
    trend, change = trend_of((10, 100), (0, 100), threshold=0.25)

    assert trend == "rising"
    assert change is not None and change > 1


def test_history_gives_daily_counts_oldest_first_with_zero_days() -> None:
    counters = [counter(0, 9, pasta=4), counter(2, 9, pasta=1), counter(3, 9, pasta=2)]

    ranking = rank("food", counters, TODAY, Params(history_days=4, min_support=1))

    assert ranking.days == (day(3), day(2), day(1), day(0)) == tuple(days_back(TODAY, 4))
    assert ranking.tags[0].history == (2, 1, 0, 4)
    assert ranking.latest_day == day(0)


def test_the_same_counters_always_give_the_same_ranking() -> None:
    counters = [counter(b, 30, a=b + 3, b=9 - b, c=4) for b in range(10)]

    assert rank("food", counters, TODAY, Params()) == rank(
        "food", list(reversed(counters)), TODAY, Params()
    )


def test_a_category_without_counters_has_an_empty_ranking() -> None:
    ranking = rank("music", [], TODAY, Params())

    assert ranking.tags == ()
    assert ranking.posts == 0
    assert ranking.latest_day is None
