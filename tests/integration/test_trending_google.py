"""Trending and scraping on the Google ports: the Firestore emulator and a real Redis."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime

import pytest
from instatag.corpus import POSTS, TAG_COUNTS, Post, read_jsonl, save_posts
from instatag.ports.google.cache import RedisCache
from instatag.ports.google.documents import FirestoreDocumentStore
from instatag.scrape import GraphApiSource, HashtagBudget, ScrapeTask, scrape
from instatag.settings import Settings
from instatag.trending import sync, trending

from tests.conftest import TEAM_DATA
from tests.fakes.graph_api import FakeGraphApi
from tests.support import CountingStore
from tests.unit.test_trending_service import RecordingBus

SEED = TEAM_DATA / "seed-corpus" / "posts.jsonl"


@pytest.fixture
def firestore(firestore_emulator: str, unique: str) -> FirestoreDocumentStore:
    # The emulator keeps each project's data apart, so a fresh project is an empty database.
    return FirestoreDocumentStore(project=f"trending-{unique}")


@pytest.fixture(scope="module")
def seeded(firestore_emulator: str) -> tuple[FirestoreDocumentStore, list[Post]]:
    """The seed corpus imported once into a Firestore of its own."""
    store = FirestoreDocumentStore(project=f"trending-seed-{uuid.uuid4().hex[:8]}")
    with SEED.open(encoding="utf-8") as lines:
        posts = list(read_jsonl(lines))
    save_posts(posts, store, RecordingBus())
    return store, posts


@pytest.fixture
def redis(redis_url: str, unique: str) -> RedisCache:
    return RedisCache.from_url(redis_url, prefix=f"trending-{unique}:")


def test_the_seed_corpus_gives_fifteen_tags_per_category_from_redis_and_from_firestore(
    seeded: tuple[FirestoreDocumentStore, list[Post]], redis: RedisCache
) -> None:
    firestore, posts = seeded
    settings = Settings()

    sync(firestore, redis, settings, now=datetime.now(UTC))

    # Nothing listens on port 1: the cache is down, and the store answers instead.
    down = RedisCache.from_url("redis://127.0.0.1:1/0", timeout=0.2)
    sizes = Counter(post.category for post in posts)
    for category in (c for c, size in sizes.items() if size >= 100):
        cached = trending(category, firestore, redis, settings)
        computed = trending(category, firestore, down, settings)
        assert (cached["source"], computed["source"]) == ("cache", "store")
        assert len(cached["tags"]) == 15, category
        assert cached["tags"] == computed["tags"]
        assert cached["tags"][0]["tag"] == category


def test_the_sync_reads_counters_only_on_firestore(
    seeded: tuple[FirestoreDocumentStore, list[Post]], redis: RedisCache
) -> None:
    reads = CountingStore(seeded[0])

    sync(reads, redis, Settings(), now=datetime.now(UTC))  # type: ignore[arg-type]

    # Twelve categories posted today: twelve counter documents, not 1,313 posts.
    assert dict(reads.reads) == {TAG_COUNTS: 12}


def test_a_graph_scrape_into_firestore_is_counted_once_and_keeps_its_budget_there(
    firestore: FirestoreDocumentStore,
) -> None:
    with FakeGraphApi() as api:
        api.add_hashtag("pasta", top=api.make_media(60, "#pasta #dinner"))
        api.add_hashtag("pizza", recent=api.make_media(5, "#pizza"))
        budget = HashtagBudget(firestore, api.user_id)
        source = GraphApiSource(
            api.url, api.user_id, api.token, budget, hashtags={"food": ["pasta", "pizza"]}
        )
        task = ScrapeTask("food", "graph")

        first = scrape(task, source, firestore, RecordingBus())
        again = scrape(task, source, firestore, RecordingBus())

    assert (first.new, again.new, again.seen) == (65, 0, 65)
    assert len(list(firestore.query(POSTS))) == 65
    ((_, counter),) = firestore.query(TAG_COUNTS)
    assert counter["counts"] == {"pasta": 60, "dinner": 60, "pizza": 5}
    assert budget.used() == 2
    assert api.searched() == ["pasta", "pizza"]
