"""The sample corpus: the packaged file, its import into an empty store, and its generator."""

from __future__ import annotations

import base64
import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from cloudevents.http import CloudEvent
from instatag import cli, runtime, wiring
from instatag.corpus import (
    POSTS,
    TAG_COUNTS,
    Post,
    SaveResult,
    hashtags_in,
    parse_time,
    read_jsonl,
)
from instatag.ports.embedded.documents import SqliteDocumentStore
from instatag.ports.embedded.events import LocalEventBus
from instatag.sample import ensure_sample, import_sample
from instatag.settings import DEFAULT_CATEGORIES

from models.sample import generate

COMMITTED = Path(__file__).resolve().parents[2] / "shared/instatag/data/sample-posts.jsonl"
NOW = datetime(2027, 3, 14, 9, 30, tzinfo=UTC)

# "a" before a vowel letter, "an" before a consonant letter other than "h" (an hour, an honest).
A_BEFORE_VOWEL = re.compile(r"\b[Aa] [aeiouAEIOU]")
AN_BEFORE_CONSONANT = re.compile(r"\b[Aa]n [b-df-gj-np-tv-zB-DF-GJ-NP-TV-Z]")


def _packaged_text() -> str:
    return (resources.files("instatag") / "data" / "sample-posts.jsonl").read_text(
        encoding="utf-8"
    )


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in _packaged_text().splitlines()]


@pytest.fixture(scope="module")
def posts() -> list[Post]:
    return list(read_jsonl(_packaged_text().splitlines(), source="sample"))


def _text(post: Post) -> str:
    """The caption without the hashtags written at its end."""
    return re.split(r"\s+(?:\.\s+)*#", post.caption, maxsplit=1)[0]


def test_every_category_of_the_product_has_enough_posts(posts: list[Post]) -> None:
    counts = Counter(post.category for post in posts)

    assert set(counts) == set(DEFAULT_CATEGORIES)
    assert min(counts.values()) >= 25


def test_every_post_has_a_caption_hashtags_likes_and_a_date(
    records: list[dict[str, Any]], posts: list[Post]
) -> None:
    for record in records:
        assert {"likes", "comments", "taken_at"} <= set(record), record["id"]
        assert record["source"] == "sample"
    for post in posts:
        assert _text(post).strip(), post.id
        assert 5 <= len(post.hashtags) <= 20, post.id
        assert post.taken_at is not None, post.id


def test_ids_and_captions_are_unique(posts: list[Post]) -> None:
    assert len({post.id for post in posts}) == len(posts)
    assert len({_text(post) for post in posts}) == len(posts)


def test_the_caption_ends_with_the_posts_hashtags(posts: list[Post]) -> None:
    for post in posts:
        assert hashtags_in(post.caption) == list(post.hashtags), post.id
        assert not hashtags_in(_text(post)), post.id


def test_captions_use_a_and_an_correctly(posts: list[Post]) -> None:
    for post in posts:
        assert not A_BEFORE_VOWEL.search(_text(post)), post.caption
        assert not AN_BEFORE_CONSONANT.search(_text(post)), post.caption
        assert "  " not in _text(post), post.caption


def test_captions_sometimes_carry_a_mention_or_a_link(posts: list[Post]) -> None:
    assert any("@" in _text(post) for post in posts)
    assert any("https://" in _text(post) for post in posts)


def test_hashtags_of_one_subject_go_together(posts: list[Post]) -> None:
    food = [post for post in posts if post.category == "food"]
    ramen = [post for post in food if "ramen" in post.hashtags]
    others = [post for post in food if "ramen" not in post.hashtags]

    def share(group: list[Post], tag: str) -> float:
        return sum(tag in post.hashtags for post in group) / len(group)

    assert share(ramen, "noodles") > 0.5
    assert share(others, "noodles") < 0.2
    assert share(ramen, "japanesefood") > share(others, "japanesefood")


def test_likes_and_comments_are_heavy_tailed(posts: list[Post]) -> None:
    likes = sorted(post.likes for post in posts)
    median = likes[len(likes) // 2]

    assert likes[-1] > 10 * median
    assert all(post.comments <= post.likes + 3 for post in posts)


def test_dates_span_the_four_weeks_ending_2026_11_30(posts: list[Post]) -> None:
    days = {parse_time(post.taken_at or "").date() for post in posts}

    assert max(days).isoformat() == "2026-11-30"
    assert min(days) >= max(days) - timedelta(days=27)
    assert len(days) >= 25


def test_each_category_has_a_hashtag_rising_and_one_fading(posts: list[Post]) -> None:
    for category in DEFAULT_CATEGORIES:
        recent, earlier = _weekly_tallies([post for post in posts if post.category == category])
        recent_posts, earlier_posts = recent.pop(""), earlier.pop("")

        def share(tally: Counter[str], total: int, tag: str) -> float:
            return tally[tag] / total

        rising = [
            tag
            for tag in recent
            if recent[tag] >= 3
            and share(recent, recent_posts, tag) > 2 * share(earlier, earlier_posts, tag)
        ]
        fading = [
            tag
            for tag in earlier
            if earlier[tag] >= 3
            and share(earlier, earlier_posts, tag) > 2 * share(recent, recent_posts, tag)
        ]
        assert rising, category
        assert fading, category


def _weekly_tallies(posts: list[Post]) -> tuple[Counter[str], Counter[str]]:
    """Hashtag counts in the last seven days and before them; "" counts the posts."""
    last = max(parse_time(post.taken_at or "") for post in posts).date()
    recent: Counter[str] = Counter()
    earlier: Counter[str] = Counter()
    for post in posts:
        age = (last - parse_time(post.taken_at or "").date()).days
        tally = recent if age < 7 else earlier
        tally.update(["", *post.hashtags])
    return recent, earlier


def _payloads(received: list[CloudEvent]) -> list[dict[str, Any]]:
    return [json.loads(base64.b64decode(event.data["message"]["data"])) for event in received]


def test_ensure_sample_fills_an_empty_store_once(tmp_path: Path, posts: list[Post]) -> None:
    documents = SqliteDocumentStore(tmp_path / "documents.sqlite3")
    received: list[CloudEvent] = []
    events = LocalEventBus("test", subscribers={wiring.CORPUS_UPDATED: received.append})

    first = ensure_sample(documents, events, now=NOW)
    second = ensure_sample(documents, events, now=NOW)
    events.join()

    assert first == SaveResult(new=len(posts), seen=0)
    assert second is None

    stored = [doc for _, doc in documents.query(POSTS)]
    moments = [parse_time(doc["taken_at"]) for doc in stored]
    assert len(stored) == len(posts)
    assert {doc["source"] for doc in stored} == {"sample"}
    assert max(moments) == NOW
    assert min(moments) > NOW - timedelta(days=28)

    counted = sum(doc["posts"] for _, doc in documents.query(TAG_COUNTS))
    assert counted == len(posts)

    assert [payload["new_posts"] for payload in _payloads(received)] == [len(posts)]
    assert set(_payloads(received)[0]["categories"]) == set(DEFAULT_CATEGORIES)


def test_shifting_keeps_the_gaps_between_posts(tmp_path: Path, posts: list[Post]) -> None:
    documents = SqliteDocumentStore(tmp_path / "documents.sqlite3")
    events = LocalEventBus("test", subscribers={})

    ensure_sample(documents, events, now=NOW)

    original = {post.id: parse_time(post.taken_at or "") for post in posts}
    offsets = {
        parse_time(doc["taken_at"]) - original[doc_id] for doc_id, doc in documents.query(POSTS)
    }
    assert len(offsets) == 1


def test_ensure_sample_leaves_a_store_with_posts_alone(tmp_path: Path) -> None:
    documents = SqliteDocumentStore(tmp_path / "documents.sqlite3")
    received: list[CloudEvent] = []
    events = LocalEventBus("test", subscribers={wiring.CORPUS_UPDATED: received.append})
    documents.set(POSTS, "real-1", {"category": "food", "hashtags": ["ramen"]})

    assert ensure_sample(documents, events, now=NOW) is None
    events.join()

    assert [doc_id for doc_id, _ in documents.query(POSTS)] == ["real-1"]
    assert received == []


def test_import_sample_adds_to_a_store_with_posts_and_skips_stored_ones(
    tmp_path: Path, posts: list[Post]
) -> None:
    documents = SqliteDocumentStore(tmp_path / "documents.sqlite3")
    received: list[CloudEvent] = []
    events = LocalEventBus("test", subscribers={wiring.CORPUS_UPDATED: received.append})
    documents.set(POSTS, "real-1", {"category": "food", "hashtags": ["ramen"]})

    first = import_sample(documents, events, now=NOW)
    again = import_sample(documents, events, now=NOW + timedelta(days=1))
    events.join()

    assert first == SaveResult(new=len(posts), seen=0)
    assert again == SaveResult(new=0, seen=len(posts))
    assert len(list(documents.query(POSTS))) == len(posts) + 1
    assert len(received) == 1


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("INSTATAG_DATA_DIR", str(tmp_path))
    runtime.reset()
    yield tmp_path
    runtime.reset()


def test_the_sample_command_fills_the_store_of_this_process(data_dir: Path) -> None:
    assert cli.main(["sample"]) == 0
    assert cli.main(["sample"]) == 0
    assert cli.main(["sample", "--force"]) == 0

    documents = SqliteDocumentStore(data_dir / "documents.sqlite3")
    stored = list(documents.query(POSTS))
    assert len(stored) == len(COMMITTED.read_text(encoding="utf-8").splitlines())
    assert datetime.now(UTC) - max(parse_time(doc["taken_at"]) for _, doc in stored) < timedelta(
        days=1
    )


def test_the_generator_writes_the_committed_file_every_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"

    generate.write(first)
    generate.write(second)

    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == COMMITTED.read_bytes()
