"""Reading the per-category, per-day hashtag counters that `save_posts` keeps.

Each counter is one document `tag_counts/{category}__{day}`; trending reads a handful of them
(days x categories) and never a post.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from instatag.corpus import TAG_COUNTS, counter_id
from instatag.ports import DocumentStore, Filter
from instatag.trending.compute import DayCount, days_back

logger = logging.getLogger(__name__)


def for_category(
    documents: DocumentStore, category: str, today: date, span_days: int
) -> list[DayCount]:
    """One category's counters for the `span_days` days ending `today`, by document id."""
    ids = [counter_id(category, day) for day in days_back(today, span_days)]
    found = documents.get_many(TAG_COUNTS, ids)
    return [count for doc_id in ids if (count := _parse(doc_id, found.get(doc_id)))]


def all_since(documents: DocumentStore, today: date, span_days: int) -> dict[str, list[DayCount]]:
    """Every category's counters for the span, grouped by category, in one query on `day`."""
    first = days_back(today, span_days)[0]
    grouped: dict[str, list[DayCount]] = {}
    for doc_id, doc in documents.query(TAG_COUNTS, [Filter("day", ">=", first)]):
        count = _parse(doc_id, doc)
        category = doc.get("category")
        if count is not None and isinstance(category, str) and count.day <= today.isoformat():
            grouped.setdefault(category, []).append(count)
    return grouped


def _parse(doc_id: str, doc: Mapping[str, Any] | None) -> DayCount | None:
    """A counter document as a `DayCount`; a malformed one is logged and left out."""
    if doc is None:
        return None
    day, posts, counts = doc.get("day"), doc.get("posts", 0), doc.get("counts", {})
    valid = (
        isinstance(day, str)
        and isinstance(posts, int)
        and isinstance(counts, dict)
        and all(isinstance(n, int) for n in counts.values())
    )
    if not valid:
        logger.warning("counter %s is malformed; left out of trending", doc_id)
        return None
    return DayCount(day=str(day), posts=int(posts), counts=dict(counts))
