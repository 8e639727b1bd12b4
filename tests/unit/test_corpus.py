from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from instatag.corpus import (
    POSTS,
    TAG_COUNTS,
    Post,
    counter_id,
    hashtags_in,
    normalise_hashtag,
    read_jsonl,
    save_posts,
)
from instatag.errors import BadRequest
from instatag.ports.embedded.documents import SqliteDocumentStore
from instatag.ports.embedded.events import LocalEventBus

from tests.support import Inbox


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("#Foodie", "foodie"),
        ("foodie", "foodie"),
        ("#Café", "café"),
        ("#\uff26\uff2f\uff2f\uff24", "food"),  # full-width letters
        ("#東京", "東京"),
        ("#dogs_of_ig", "dogs_of_ig"),
        ("#2022", None),
        ("#", None),
        ("#not-a-tag", None),
    ],
)
def test_hashtags_are_normalised_unicode_aware(raw: str, expected: str | None) -> None:
    assert normalise_hashtag(raw) == expected


def test_hashtags_are_found_in_captions_once_each() -> None:
    caption = "Sunday #Brunch with @anna 🥞 #brunch #PANCAKES http://x.co/#frag"
    assert hashtags_in(caption) == ["brunch", "pancakes", "frag"]


def test_a_record_in_the_team_format_becomes_a_post() -> None:
    record = {
        "shortcode": "CceD5OWjRwP",
        "category": "Wedding",
        "hashtags": ["#Wedding", "#trend", "#wedding"],
        "post_link": "https://www.instagram.com/p/CceD5OWjRwP/",
    }
    post = Post.from_record(record)

    assert post.id == "CceD5OWjRwP"
    assert post.category == "wedding"
    assert post.hashtags == ("wedding", "trend")
    assert post.permalink == record["post_link"]


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"category": "food"}, "shortcode"),
        ({"id": "p", "category": ""}, "category"),
        ({"id": "p", "category": "food", "hashtags": "#a #b"}, "hashtags"),
        ({"id": "p", "category": "food", "likes": -1}, "likes"),
        ({"id": "p", "category": "food", "taken_at": "yesterday"}, "taken_at"),
    ],
)
def test_a_bad_record_names_its_problem(record: dict[str, object], problem: str) -> None:
    with pytest.raises(BadRequest, match=problem):
        Post.from_record(record)


def test_a_bad_line_is_named_by_its_number() -> None:
    lines = ['{"id": "a", "category": "food"}', "", "{not json"]

    with pytest.raises(BadRequest, match="line 3"):
        list(read_jsonl(lines))


def test_saving_twice_stores_and_counts_once(tmp_path: Path) -> None:
    store = SqliteDocumentStore(tmp_path / "db")
    inbox = Inbox()
    bus = LocalEventBus("p", {"corpus-updated": inbox.append})
    posts = [
        Post("a", "food", ("pizza", "cheese"), taken_at="2026-11-30T10:00:00+00:00"),
        Post("b", "food", ("pizza",), taken_at="2026-11-30T18:00:00+00:00"),
        Post("c", "travel", ("beach",), taken_at="2026-11-29T08:00:00+00:00"),
    ]

    first = save_posts(posts, store, bus)
    second = save_posts(posts, store, bus)
    bus.join()

    assert (first.new, first.seen) == (3, 0)
    assert (second.new, second.seen) == (0, 3)
    food = store.get(TAG_COUNTS, counter_id("food", "2026-11-30"))
    assert food is not None
    assert food["counts"] == {"pizza": 2, "cheese": 1}
    assert food["posts"] == 2
    assert store.get(POSTS, "c") is not None
    assert len(inbox.items) == 1
    published = inbox.items[0].data["message"]["data"]
    assert json.loads(base64.b64decode(published)) == {
        "new_posts": 3,
        "categories": ["food", "travel"],
    }
