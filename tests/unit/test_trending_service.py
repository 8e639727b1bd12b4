"""Syncing the trending cache and serving it, on the embedded backend."""

from __future__ import annotations

import base64
import functools
import json
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cloudevents.http import CloudEvent
from instatag import runtime, wiring
from instatag.corpus import Post, read_jsonl, save_posts
from instatag.errors import NotFound, Unavailable
from instatag.handlers import sync_cache
from instatag.ports import DocumentStore
from instatag.ports.embedded.cache import MemoryCache
from instatag.ports.embedded.documents import SqliteDocumentStore
from instatag.ports.embedded.events import to_cloud_event
from instatag.server import create_app
from instatag.settings import Settings
from instatag.trending import cache as cached
from instatag.trending import categories, sync, trending

from tests.conftest import TEAM_DATA
from tests.support import CountingStore, DownCache

SEED = TEAM_DATA / "seed-corpus" / "posts.jsonl"
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


class RecordingBus:
    def __init__(self) -> None:
        self.published: list[tuple[str, dict[str, Any]]] = []

    def publish(
        self, topic: str, data: Mapping[str, Any], attributes: Mapping[str, str] | None = None
    ) -> str:
        self.published.append((topic, dict(data)))
        return str(len(self.published))


@pytest.fixture
def store(tmp_path: Path) -> SqliteDocumentStore:
    return SqliteDocumentStore(tmp_path / "docs.sqlite3")


@pytest.fixture
def settings() -> Settings:
    return Settings(categories=("food", "travel", "music"))


def post(post_id: str, category: str, tags: list[str], when: datetime) -> Post:
    return Post(post_id, category, tuple(tags), taken_at=when.isoformat())


def seed(store: DocumentStore, days: int = 3, per_day: int = 6) -> None:
    posts = [
        post(f"{cat}-{d}-{i}", cat, [cat, f"{cat}{i % 2}", "love"], NOW - timedelta(days=d))
        for cat in ("food", "travel")
        for d in range(days)
        for i in range(per_day)
    ]
    save_posts(posts, store, RecordingBus())


def test_sync_caches_every_category_with_its_time_and_history(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()

    result = sync(store, cache, settings, now=NOW)

    assert result.categories == {"food": 4, "travel": 4, "music": 0}
    food = cached.read(cache, cached.category_key("food"))
    assert food is not None
    assert food["updated_at"] == NOW.isoformat()
    assert food["tags"][0] == {
        "tag": "food",
        "count": 18,
        "trend": "steady",
        "change": None,
        "history": [0, 0, 0, 0, 6, 6, 6],
    }
    index = cached.read(cache, cached.INDEX_KEY)
    assert index is not None
    assert set(index["categories"]) == {"food", "travel", "music"}
    assert index["categories"]["food"]["posts"] == 18


def test_sync_reads_only_day_counters_never_posts(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store, days=3)
    reads = CountingStore(store)

    sync(reads, MemoryCache(), settings, now=NOW)  # type: ignore[arg-type]

    # Two categories with posts on three days: six counters, whatever the number of posts.
    assert dict(reads.reads) == {"tag_counts": 6}


def test_a_replayed_sync_changes_nothing_and_a_late_one_keeps_the_newer_lists(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()
    sync(store, cache, settings, now=NOW)
    first = cache.get(cached.category_key("food"))

    sync(store, cache, settings, now=NOW)
    assert cache.get(cached.category_key("food")) == first

    late = sync(store, cache, settings, now=NOW - timedelta(minutes=5))
    assert late.written == []
    assert cache.get(cached.category_key("food")) == first


def test_trending_answers_from_the_cache_after_a_sync(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()
    sync(store, cache, settings, now=NOW)

    body = trending("Food", store, cache, settings, now=NOW)

    assert body["source"] == "cache"
    assert body["category"] == "food"
    assert body["updated_at"] == NOW.isoformat()
    assert [t["tag"] for t in body["tags"]][:2] == ["food", "love"]


def test_a_miss_is_computed_from_the_store_then_kept(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()

    first = trending("food", store, cache, settings, now=NOW)
    second = trending("food", store, cache, settings, now=NOW)

    assert first["source"] == "store"
    assert second["source"] == "cache"
    assert first["tags"] == second["tags"]


def test_a_cache_outage_answers_from_the_store_with_the_same_lists(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()
    sync(store, cache, settings, now=NOW)

    down = trending("food", store, DownCache(), settings, now=NOW)  # type: ignore[arg-type]

    assert down["source"] == "store"
    assert down["tags"] == trending("food", store, cache, settings)["tags"]
    listed = categories(store, DownCache(), settings, now=NOW)  # type: ignore[arg-type]
    assert listed["source"] == "store"
    assert [c["category"] for c in listed["categories"]] == ["food", "music", "travel"]


def test_an_unreadable_cache_entry_is_a_miss(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)
    cache = MemoryCache()
    cache.set(cached.category_key("food"), b"{not json")

    assert trending("food", store, cache, settings, now=NOW)["source"] == "store"


def test_unknown_categories_are_not_found_and_configured_empty_ones_are_empty(
    store: SqliteDocumentStore, settings: Settings
) -> None:
    seed(store)

    with pytest.raises(NotFound):
        trending("knitting", store, MemoryCache(), settings, now=NOW)
    assert trending("music", store, MemoryCache(), settings, now=NOW)["tags"] == []


def test_the_seed_corpus_gives_fifteen_tags_to_every_category_with_enough_posts(
    store: SqliteDocumentStore,
) -> None:
    with SEED.open(encoding="utf-8") as lines:
        posts = list(read_jsonl(lines))
    save_posts(posts, store, RecordingBus())
    cache = MemoryCache()

    sync(store, cache, Settings(), now=datetime.now(UTC))

    sizes = Counter(p.category for p in posts)
    for category, size in sizes.items():
        body = trending(category, store, cache, Settings())
        assert body["source"] == "cache"
        if size >= 100:
            assert len(body["tags"]) == 15, category
            # The category's own hashtag leads, counted once per post that carries it.
            top = body["tags"][0]
            assert top["tag"] == category
            assert top["count"] == sum(
                category in p.hashtags for p in posts if p.category == category
            )
    assert len(trending("cars", store, cache, Settings())["tags"]) < 15


# Through the function, on the process's own ports.


def seed_runtime() -> None:
    save_posts(
        [post(f"f{i}", "food", ["food", "pasta", "love"], datetime.now(UTC)) for i in range(5)],
        runtime.documents(),
        RecordingBus(),
    )


def test_the_function_answers_json_with_cache_headers(embedded: Path) -> None:
    seed_runtime()
    client = create_app().test_client()

    response = client.get("/trending?category=food")

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=60"
    body = response.json
    assert set(body) >= {"category", "tags", "updated_at", "source"}
    assert set(body["tags"][0]) >= {"tag", "count", "trend", "history"}
    assert client.get("/trending?category=food").json["source"] == "cache"


def test_the_function_lists_categories_with_their_freshness(embedded: Path) -> None:
    seed_runtime()
    sync(runtime.documents(), runtime.cache(), runtime.settings())

    body = create_app().test_client().get("/trending/categories").json

    food = next(c for c in body["categories"] if c["category"] == "food")
    assert body["source"] == "cache"
    assert food["tags"] == 3 and food["posts"] == 5 and food["updated_at"]


def test_the_function_refuses_bad_requests_with_json(embedded: Path) -> None:
    client = create_app().test_client()

    unknown = client.get("/trending?category=knitting")
    assert unknown.status_code == 404
    assert "knitting" in unknown.json["error"]["message"]
    assert client.get("/trending").status_code == 400
    assert client.get("/trending?category=%3Cscript%3E").status_code == 400
    assert client.post("/trending?category=food").status_code == 405


def test_the_function_answers_from_the_store_when_the_cache_is_down(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_runtime()
    # Cached like the real factory, so that the runtime can reset it.
    monkeypatch.setattr(runtime, "cache", functools.cache(DownCache))

    response = create_app().test_client().get("/trending?category=food")

    assert response.status_code == 200
    assert response.json["source"] == "store"
    assert [t["tag"] for t in response.json["tags"]] == ["food", "love", "pasta"]


# The Pub/Sub-triggered sync.


def event(data: Any) -> CloudEvent:
    return to_cloud_event("p", wiring.CORPUS_UPDATED, data, {}, "m-1")


def test_a_corpus_updated_event_refreshes_the_cache(embedded: Path) -> None:
    seed_runtime()

    sync_cache.on_corpus_updated(event({"new_posts": 5, "categories": ["food"]}))

    assert cached.read(runtime.cache(), cached.category_key("food")) is not None


@pytest.mark.parametrize(
    "body",
    [
        {"message": {"data": "not base64!"}},
        {"message": {"data": base64.b64encode(b"[1, 2]").decode()}},
        {"message": {}},
        {"nothing": True},
    ],
)
def test_a_malformed_event_is_dropped_without_syncing(embedded: Path, body: Any) -> None:
    seed_runtime()
    headers = {"type": "google.cloud.pubsub.topic.v1.messagePublished", "source": "//x", "id": "1"}

    sync_cache.on_corpus_updated(CloudEvent(headers, body))

    assert runtime.cache().get(cached.INDEX_KEY) is None


def test_a_store_failure_during_sync_raises_so_the_event_is_retried(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class BrokenStore(CountingStore):
        def query(self, *args: Any, **kw: Any) -> Iterator[Any]:
            raise Unavailable("Firestore did not answer")

    broken = BrokenStore(SqliteDocumentStore(embedded / "broken.sqlite3"))
    monkeypatch.setattr(runtime, "documents", functools.cache(lambda: broken))

    with pytest.raises(Unavailable):
        sync_cache.on_corpus_updated(event({"new_posts": 1, "categories": ["food"]}))


def test_the_event_payload_is_the_one_save_posts_publishes(embedded: Path) -> None:
    bus = RecordingBus()
    save_posts([post("p1", "food", ["food"], NOW)], runtime.documents(), bus)

    ((topic, payload),) = bus.published
    assert topic == wiring.CORPUS_UPDATED
    sync_cache.on_corpus_updated(event(payload))
    assert json.loads(runtime.cache().get(cached.INDEX_KEY) or b"{}")["categories"]["food"]
