"""Trending as the functions and the CLI use it: sync the cache, answer from it or the store."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from instatag.errors import BadRequest, NotFound, Unavailable
from instatag.ports import Cache, DocumentStore
from instatag.settings import Settings
from instatag.trending import cache as cached
from instatag.trending import counters
from instatag.trending.compute import Params, Ranking, rank

logger = logging.getLogger(__name__)

_CATEGORY = re.compile(r"^\w[\w -]{0,39}$", re.UNICODE)


@dataclass(frozen=True)
class SyncResult:
    updated_at: str
    categories: dict[str, int]
    written: list[str]


def sync(
    documents: DocumentStore, cache: Cache, settings: Settings, now: datetime | None = None
) -> SyncResult:
    """Recompute every category from the counters and write what is newer to the cache.

    A store or cache failure propagates, so that the event is delivered again.
    """
    now = now or datetime.now(UTC)
    rankings = compute_all(documents, settings, now)
    entries = {cached.category_key(r.category): cached.entry(r, now) for r in rankings}
    entries[cached.INDEX_KEY] = cached.index_entry(rankings, now)

    written = cached.write_newer(cache, entries, settings.trending.cache_ttl_seconds)
    logger.info("trending synced: %d categories, %d keys written", len(rankings), len(written))
    return SyncResult(
        updated_at=now.isoformat(),
        categories={r.category: len(r.tags) for r in rankings},
        written=written,
    )


def compute_all(documents: DocumentStore, settings: Settings, now: datetime) -> list[Ranking]:
    """Rankings of the configured categories and of every category with recent counters."""
    params = Params.from_settings(settings)
    today = now.astimezone(UTC).date()
    grouped = counters.all_since(documents, today, params.span_days)
    names = sorted({*settings.categories, *grouped})
    return [rank(name, grouped.get(name, []), today, params) for name in names]


def trending(
    category: str,
    documents: DocumentStore,
    cache: Cache,
    settings: Settings,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The trending hashtags of a category: from the cache, else computed from the store."""
    category = normalise_category(category)
    key = cached.category_key(category)
    cache_up = True
    try:
        hit = cached.read(cache, key)
    except Unavailable as exc:
        logger.warning("cache unavailable, computing %s from the store: %s", category, exc)
        hit, cache_up = None, False
    if hit is not None:
        return _answer(hit, "cache")

    now = now or datetime.now(UTC)
    params = Params.from_settings(settings)
    today = now.astimezone(UTC).date()
    ranking = rank(
        category,
        counters.for_category(documents, category, today, params.span_days),
        today,
        params,
    )
    if ranking.latest_day is None and category not in settings.categories:
        raise NotFound(f"unknown category {category!r}; see /categories")

    fresh = cached.entry(ranking, now)
    if cache_up:
        _fill(cache, key, fresh, settings)
    return _answer(fresh, "store")


def categories(
    documents: DocumentStore, cache: Cache, settings: Settings, now: datetime | None = None
) -> dict[str, Any]:
    """Every category with when its list was computed, from the cache index or the store."""
    try:
        index = cached.read(cache, cached.INDEX_KEY)
    except Unavailable as exc:
        logger.warning("cache unavailable, listing categories from the store: %s", exc)
        index = None
    source = "cache"
    if index is None:
        now = now or datetime.now(UTC)
        index = cached.index_entry(compute_all(documents, settings, now), now)
        source = "store"

    listed = [{"category": name, **about} for name, about in sorted(index["categories"].items())]
    return {"categories": listed, "updated_at": index["updated_at"], "source": source}


def normalise_category(raw: str) -> str:
    """`" Food "` -> `food`; a name that cannot be a category is a 400."""
    category = raw.strip().casefold()
    if not _CATEGORY.match(category):
        raise BadRequest(f"category {raw!r} is not a category name (letters, digits, _ - space)")
    return category


def _answer(entry: dict[str, Any], source: str) -> dict[str, Any]:
    return {**entry, "source": source}


def _fill(cache: Cache, key: str, entry: cached.Entry, settings: Settings) -> None:
    """Keep a list computed on a miss, so the next request is a hit; best effort."""
    try:
        cached.write_newer(cache, {key: entry}, settings.trending.cache_ttl_seconds)
    except Unavailable as exc:
        logger.warning("could not keep %s in the cache: %s", key, exc)
