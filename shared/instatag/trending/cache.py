"""How trending lists live in the cache.

- `trending:v1:category:{category}`: JSON `{"category", "updated_at", "today", "posts",
  "latest_day", "days", "tags": [{"tag", "count", "trend", "change", "history"}]}`, where
  `history[i]` is the hashtag's post count on `days[i]`.
- `trending:v1:index`: JSON `{"updated_at", "categories": {category: {"updated_at", "posts",
  "latest_day", "tags"}}}`, the freshness of every category the last sync computed.

`updated_at` is when the counters were read. A writer replaces an entry only with one at least
as new, so a sync that read the store earlier but finished later does not put older lists back.
The check and the write are two calls, not one transaction (the `Cache` port has none): only
two syncs running at the same moment can interleave as check A, check B, write B, write A, and
then the cache holds lists one sync behind until the next sync. Counters only grow, so those
lists are late, never wrong.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from instatag.ports import Cache
from instatag.trending.compute import Ranking

logger = logging.getLogger(__name__)

PREFIX = "trending:v1:"
INDEX_KEY = PREFIX + "index"

Entry = dict[str, Any]


def category_key(category: str) -> str:
    return f"{PREFIX}category:{category}"


def entry(ranking: Ranking, updated_at: datetime) -> Entry:
    """A ranking as cached (and, with `source` added, as served)."""
    return {
        "category": ranking.category,
        "updated_at": updated_at.isoformat(),
        "today": ranking.today,
        "posts": ranking.posts,
        "latest_day": ranking.latest_day,
        "days": list(ranking.days),
        "tags": [
            {
                "tag": tag.tag,
                "count": tag.count,
                "trend": tag.trend,
                "change": tag.change,
                "history": list(tag.history),
            }
            for tag in ranking.tags
        ],
    }


def index_entry(rankings: Sequence[Ranking], updated_at: datetime) -> Entry:
    return {
        "updated_at": updated_at.isoformat(),
        "categories": {
            ranking.category: {
                "updated_at": updated_at.isoformat(),
                "posts": ranking.posts,
                "latest_day": ranking.latest_day,
                "tags": len(ranking.tags),
            }
            for ranking in rankings
        },
    }


def read(cache: Cache, key: str) -> Entry | None:
    """The cached entry, or None when absent or unreadable. Raises `Unavailable` when the
    cache is down."""
    raw = cache.get(key)
    if raw is None:
        return None
    try:
        value: Any = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        value = None
    if not _well_formed(key, value):
        logger.warning("cache entry %s is unreadable; treated as a miss", key)
        return None
    return dict(value)


def write_newer(cache: Cache, entries: Mapping[str, Entry], ttl: float | None) -> list[str]:
    """Write, in one atomic `set_many`, each entry not older than the one already cached.

    Returns the keys written. Check and write are two steps, not one transaction: see the
    module docstring for why an interleaving costs at most one sync's freshness.
    """
    fresh: dict[str, bytes] = {}
    for key, value in entries.items():
        held = read(cache, key)
        if held is not None and _newer(held, value):
            logger.info("cache holds a newer %s (%s); kept", key, held["updated_at"])
            continue
        fresh[key] = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()

    if fresh:
        cache.set_many(fresh, ttl)
    return list(fresh)


def _well_formed(key: str, value: Any) -> bool:
    if not isinstance(value, dict) or _stamp(value) is None:
        return False
    listed = value.get("categories") if key == INDEX_KEY else value.get("tags")
    return isinstance(listed, dict if key == INDEX_KEY else list)


def _newer(held: Mapping[str, Any], value: Mapping[str, Any]) -> bool:
    held_at, value_at = _stamp(held), _stamp(value)
    return held_at is not None and value_at is not None and held_at > value_at


def _stamp(value: Mapping[str, Any]) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value["updated_at"]))
    except (KeyError, ValueError):
        return None
