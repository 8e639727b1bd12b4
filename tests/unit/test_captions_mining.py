"""Captions mined from stored posts: found by category and hashtag, about the photo, ranked."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from instatag.captions.cleaning import BlockList
from instatag.captions.mining import CaptionMiner, MiningLimits, QueryCache, tone_of
from instatag.captions.palette import NEUTRAL
from instatag.captions.subject import Subject, choose_subject
from instatag.concepts import Concept
from instatag.corpus import POSTS, Post, save_posts
from instatag.errors import Unavailable
from instatag.ports import Document, DocumentStore, Filter
from instatag.ports.embedded.documents import SqliteDocumentStore
from instatag.ports.embedded.events import LocalEventBus

from tests.support import Inbox

ESPRESSO = Concept("espresso", 0.9, ("espresso", "coffee", "beverage", "food"), "food")


class RecordingStore:
    """A real store that also remembers the shape of every query it answers."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.queries: list[tuple[tuple[Filter, ...], str | None, bool, int | None]] = []

    def query(
        self,
        collection: str,
        filters: Sequence[Filter] = (),
        order_by: str | None = None,
        descending: bool = False,
        limit: int | None = None,
    ) -> Iterator[tuple[str, Document]]:
        assert collection == POSTS
        self.queries.append((tuple(filters), order_by, descending, limit))
        return self.store.query(collection, filters, order_by, descending, limit)


class GatedStore(RecordingStore):
    """A real store whose category queries wait until the gate opens, as a slow store would."""

    def __init__(self, store: DocumentStore) -> None:
        super().__init__(store)
        self.gate = threading.Event()

    def query(self, *args: Any, **kwargs: Any) -> Iterator[tuple[str, Document]]:
        filters = args[1] if len(args) > 1 else kwargs["filters"]
        if filters[0].field == "category":
            self.gate.wait(timeout=30)
        return super().query(*args, **kwargs)


class BrokenStore:
    def query(self, *args: Any, **kwargs: Any) -> Iterator[tuple[str, Document]]:
        raise Unavailable("Firestore did not answer: deadline exceeded")


def post(post_id: str, caption: str, likes: int = 0, **fields: Any) -> Post:
    return Post(
        id=post_id,
        category=fields.get("category", "food"),
        hashtags=tuple(fields.get("hashtags", ("food",))),
        caption=caption,
        likes=likes,
        comments=fields.get("comments", 0),
    )


@pytest.fixture
def store(tmp_path: Path) -> SqliteDocumentStore:
    return SqliteDocumentStore(tmp_path / "documents.sqlite3")


def stored(store: SqliteDocumentStore, *posts: Post) -> RecordingStore:
    save_posts(posts, store, LocalEventBus("test", {"corpus-updated": Inbox().append}))
    return RecordingStore(store)


def espresso() -> Subject:
    return choose_subject([ESPRESSO], NEUTRAL)


def mine(store: Any, hashtags: Sequence[str] = ("coffee",), **limits: Any) -> list[Any]:
    miner = CaptionMiner(lambda: store, MiningLimits(**limits))
    return miner.mine(espresso(), hashtags, BlockList([]))


def test_only_captions_that_name_the_subject_are_offered(store: SqliteDocumentStore) -> None:
    recording = stored(
        store,
        post("a", "Slow coffee on a slow morning. #coffee", 10, hashtags=["coffee"]),
        post("b", "Weekend plans: a smoothie bowl loaded with berries. #food"),
        post("c", "Pour-over, quiet kitchen, no notifications yet. #coffee", 900),
        post("d", "", 5000),
        post("e", "An espresso and a croissant, the usual ☕ #breakfast", 3),
    )

    mined = mine(recording)

    assert [m.post_id for m in mined] == ["e", "a"]
    assert mined[0].text == "An espresso and a croissant, the usual ☕"


def test_relevance_ranks_first_and_engagement_breaks_ties(store: SqliteDocumentStore) -> None:
    recording = stored(
        store,
        post("quiet", "Nothing like coffee after a long walk.", 5),
        post("loved", "Nothing like coffee after a long night out.", 5000, comments=300),
        post("espresso", "An espresso, then coffee, then more coffee.", 1),
    )

    mined = mine(recording)

    assert [m.post_id for m in mined] == ["espresso", "loved", "quiet"]
    assert mined[1].score > mined[2].score


def test_posts_sharing_the_photos_hashtags_rank_higher(store: SqliteDocumentStore) -> None:
    recording = stored(
        store,
        post("plain", "Coffee break at the office.", 10, hashtags=["work"]),
        post("tagged", "Coffee break by the window.", 10, hashtags=["coffee", "latteart"]),
    )

    mined = mine(recording, hashtags=("coffee", "latteart"))

    assert [m.post_id for m in mined] == ["tagged", "plain"]


def test_only_the_two_indexed_query_shapes_are_used(store: SqliteDocumentStore) -> None:
    recording = stored(store, post("a", "Coffee first, always.", 3))

    mine(recording, hashtags=("coffee", "espresso", "latte", "barista"), per_query=20)

    assert sorted(recording.queries, key=repr) == [
        ((Filter("category", "==", "food"),), "likes", True, 20),
        ((Filter("hashtags", "array_contains", "coffee"),), "likes", True, 20),
        ((Filter("hashtags", "array_contains", "espresso"),), "likes", True, 20),
        ((Filter("hashtags", "array_contains", "latte"),), "likes", True, 20),
    ]


def test_query_results_are_reused_until_they_expire(store: SqliteDocumentStore) -> None:
    recording = stored(store, post("a", "Coffee first, always.", 3))
    now = [100.0]
    cache = QueryCache(seconds=60, clock=lambda: now[0])
    miner = CaptionMiner(lambda: recording, MiningLimits(hashtag_queries=1), cache=cache)

    miner.mine(espresso(), ["coffee"], BlockList([]))
    miner.mine(espresso(), ["coffee"], BlockList([]))
    assert len(recording.queries) == 2

    now[0] += 61
    miner.mine(espresso(), ["coffee"], BlockList([]))
    assert len(recording.queries) == 4


def test_blocked_captions_are_left_out(store: SqliteDocumentStore) -> None:
    recording = stored(
        store,
        post("a", "Best coffee in town, link in bio!", 100),
        post("b", "Coffee on the balcony again.", 1),
    )
    miner = CaptionMiner(lambda: recording)

    mined = miner.mine(espresso(), ["coffee"], BlockList.with_defaults())

    assert [m.post_id for m in mined] == ["b"]


def test_a_failing_store_gives_no_captions_and_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="instatag.captions.mining"):
        assert mine(BrokenStore()) == []

    assert "deadline exceeded" in caplog.text


def test_a_store_that_cannot_be_made_also_gives_no_captions() -> None:
    def unreachable() -> DocumentStore:
        raise Unavailable("no Firestore credentials")

    miner = CaptionMiner(unreachable)

    assert miner.mine(espresso(), ["coffee"], BlockList([])) == []


@pytest.mark.parametrize(
    ("text", "tone"),
    [
        ("Burpees before coffee should be illegal. 😂", "funny"),
        ("Me, pretending I didn't plan my week around a flat white.", "funny"),
        ("Grateful for slow mornings and good coffee.", "inspirational"),
        ("Coffee, then everything else.", "minimal"),
        ("A little bit of slow coffee on a quiet morning for your feed.", "inspirational"),
        ("Pour-over at the new place down the street with friends today.", "casual"),
    ],
)
def test_a_real_captions_tone_is_read_from_its_cues(text: str, tone: str) -> None:
    assert tone_of(text) == tone


def test_a_slow_store_is_waited_for_only_so_long_and_serves_the_next_request(
    store: SqliteDocumentStore,
) -> None:
    stored(
        store,
        post("by-category", "Coffee with a view.", 5, hashtags=["view"]),
        post("by-hashtag", "Coffee, always coffee.", 5, category="travel", hashtags=["coffee"]),
    )
    gated = GatedStore(store)
    # Long enough for the quick query however loaded the machine; the gated one never makes it.
    miner = CaptionMiner(lambda: gated, MiningLimits(wait_seconds=2.0))

    first = miner.mine(espresso(), ["coffee"], BlockList([]))
    gated.gate.set()
    miner.submit(("category", "food")).result(timeout=30)
    second = miner.mine(espresso(), ["coffee"], BlockList([]))

    assert [m.post_id for m in first] == ["by-hashtag"]
    assert sorted(m.post_id for m in second) == ["by-category", "by-hashtag"]
    assert len(gated.queries) == 2
