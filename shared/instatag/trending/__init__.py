"""Trending hashtags per category: computed from daily counters, served from the cache."""

from instatag.trending.compute import DayCount, Params, Ranking, TagTrend, rank
from instatag.trending.service import SyncResult, categories, sync, trending

__all__ = [
    "DayCount",
    "Params",
    "Ranking",
    "SyncResult",
    "TagTrend",
    "categories",
    "rank",
    "sync",
    "trending",
]
