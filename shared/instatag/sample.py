"""The sample corpus: a few hundred posts written for InstaTag (synthetic, not real posts) that
fill a store with no posts yet, so a fresh install has hashtags to rank and trends to show
before any scraping. `models/sample/generate.py` writes the packaged file."""

from __future__ import annotations

import dataclasses
import logging
from datetime import UTC, datetime
from importlib import resources

from instatag.corpus import POSTS, Post, SaveResult, parse_time, read_jsonl, save_posts
from instatag.ports import DocumentStore, EventBus

logger = logging.getLogger(__name__)

SAMPLE_FILE = "sample-posts.jsonl"
SOURCE = "sample"


def ensure_sample(
    documents: DocumentStore, events: EventBus, now: datetime | None = None
) -> SaveResult | None:
    """Store the sample posts if the store has no posts at all; None when it already has some."""
    if next(iter(documents.query(POSTS, limit=1)), None) is not None:
        logger.info("the store already has posts; the sample is not needed")
        return None
    return import_sample(documents, events, now)


def import_sample(
    documents: DocumentStore, events: EventBus, now: datetime | None = None
) -> SaveResult:
    """Store the sample posts whatever the store holds; those already stored are skipped."""
    return save_posts(load_sample(now), documents, events)


def load_sample(now: datetime | None = None) -> list[Post]:
    """The packaged sample posts, all moved by one offset so that the newest was taken `now`,
    which keeps the sample's last week the last week on any day it is imported."""
    text = (resources.files("instatag") / "data" / SAMPLE_FILE).read_text(encoding="utf-8")
    posts = list(read_jsonl(text.splitlines(), source=SOURCE))
    return _shifted(posts, _utc(now or datetime.now(UTC)))


def _shifted(posts: list[Post], now: datetime) -> list[Post]:
    moments = [parse_time(post.taken_at) for post in posts if post.taken_at]
    if not moments:
        return posts

    offset = now - max(moments)
    return [
        dataclasses.replace(post, taken_at=(parse_time(post.taken_at) + offset).isoformat())
        if post.taken_at
        else post
        for post in posts
    ]


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
