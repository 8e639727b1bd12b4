"""Posts: their shape, hashtag normalisation, and the one path that stores them.

The importer (`instatag import`) and the scraper both store posts through `save_posts`, which
writes each post under its source id and, in the same transaction, adds the post's hashtags to
the per-category, per-day counters that trending reads. A post already stored is neither written
nor counted again, so replaying a batch changes nothing.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter as Tally
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from instatag import wiring
from instatag.errors import BadRequest
from instatag.ports import Counter, Document, DocumentStore, EventBus

logger = logging.getLogger(__name__)

POSTS = "posts"
TAG_COUNTS = "tag_counts"
BATCH_SIZE = 200

_HASHTAG = re.compile(r"#(\w+)", re.UNICODE)
_TAG_BODY = re.compile(r"^\w+$", re.UNICODE)


def normalise_hashtag(raw: str) -> str | None:
    """`#Foodie` -> `foodie`; Unicode-aware (`#Café` -> `café`); None when nothing is left."""
    tag = unicodedata.normalize("NFKC", raw).strip().lstrip("#").casefold()
    return tag if tag and _TAG_BODY.match(tag) and not tag.isdigit() else None


def hashtags_in(text: str) -> list[str]:
    """The normalised hashtags written in a caption, in order, each once."""
    return unique(filter(None, map(normalise_hashtag, _HASHTAG.findall(text))))


def unique(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tags))


@dataclass(frozen=True)
class Post:
    """One public post as InstaTag keeps it."""

    id: str
    category: str
    hashtags: tuple[str, ...]
    caption: str = ""
    likes: int = 0
    comments: int = 0
    taken_at: str | None = None
    permalink: str | None = None
    source: str = "file"
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> str:
        """The UTC day the post counts toward in trending (today when its date is unknown)."""
        if self.taken_at:
            return parse_time(self.taken_at).date().isoformat()
        return date.today().isoformat()

    def to_document(self) -> Document:
        document = asdict(self)
        document["hashtags"] = list(self.hashtags)
        document["stored_at"] = datetime.now(UTC).isoformat()
        document["extra"] = dict(self.extra)
        return document

    @classmethod
    def from_record(cls, record: Mapping[str, Any], source: str = "file") -> Post:
        """A post from the import format (one JSON object per line of a `.jsonl` file)."""
        post_id = record.get("id") or record.get("shortcode")
        category = record.get("category")
        if not isinstance(post_id, str) or not post_id:
            raise BadRequest("a post needs a string `shortcode` or `id`")
        if not isinstance(category, str) or not category.strip():
            raise BadRequest(f"post {post_id}: `category` must be a non-empty string")

        caption = _text(record.get("caption"), "caption", post_id)
        listed = record.get("hashtags") or []
        if not isinstance(listed, list) or not all(isinstance(t, str) for t in listed):
            raise BadRequest(f"post {post_id}: `hashtags` must be a list of strings")
        tags = unique([*filter(None, map(normalise_hashtag, listed)), *hashtags_in(caption)])

        return cls(
            id=post_id,
            category=category.strip().casefold(),
            hashtags=tuple(tags),
            caption=caption,
            likes=_count(record.get("likes", record.get("like_count")), "likes", post_id),
            comments=_count(
                record.get("comments", record.get("comments_count")), "comments", post_id
            ),
            taken_at=_time(record.get("taken_at", record.get("timestamp")), post_id),
            permalink=record.get("permalink") or record.get("post_link"),
            source=source,
        )


@dataclass(frozen=True)
class SaveResult:
    new: int
    seen: int


def save_posts(posts: Iterable[Post], documents: DocumentStore, events: EventBus) -> SaveResult:
    """Store posts not stored yet, count their hashtags, and announce the change once."""
    new = seen = 0
    categories: set[str] = set()

    for batch in _batches(posts, BATCH_SIZE):
        docs = {post.id: post.to_document() for post in batch}
        added = documents.insert_new(POSTS, docs, counters=_day_counters)
        new += len(added)
        seen += len(docs) - len(added)
        categories.update(docs[post_id]["category"] for post_id in added)

    if new:
        payload = {"new_posts": new, "categories": sorted(categories)}
        events.publish(wiring.CORPUS_UPDATED, payload)
    logger.info("stored %d new posts (%d already stored)", new, seen)
    return SaveResult(new=new, seen=seen)


def read_jsonl(lines: Iterable[str], source: str = "file") -> Iterator[Post]:
    """Posts from JSON lines; a bad line raises `BadRequest` naming its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadRequest(f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(record, dict):
            raise BadRequest(f"line {number}: expected a JSON object")
        try:
            yield Post.from_record(record, source)
        except BadRequest as exc:
            raise BadRequest(f"line {number}: {exc}") from exc


def counter_id(category: str, day: str) -> str:
    return f"{category}__{day}"


def parse_time(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("+0000", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _day_counters(new: Mapping[str, Document]) -> list[Counter]:
    tallies: dict[tuple[str, str], Tally[str]] = {}
    posts: Tally[tuple[str, str]] = Tally()
    for doc in new.values():
        key = (doc["category"], _day_of(doc))
        tallies.setdefault(key, Tally()).update(doc["hashtags"])
        posts[key] += 1

    return [
        Counter(
            TAG_COUNTS,
            counter_id(category, day),
            counts=dict(tally),
            totals={"posts": posts[(category, day)]},
            fields={"category": category, "day": day},
        )
        for (category, day), tally in tallies.items()
    ]


def _day_of(doc: Document) -> str:
    taken_at = doc.get("taken_at")
    return parse_time(taken_at).date().isoformat() if taken_at else str(doc["stored_at"])[:10]


def _batches(posts: Iterable[Post], size: int) -> Iterator[list[Post]]:
    batch: dict[str, Post] = {}
    for post in posts:
        batch[post.id] = post
        if len(batch) == size:
            yield list(batch.values())
            batch = {}
    if batch:
        yield list(batch.values())


def _text(value: Any, name: str, post_id: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadRequest(f"post {post_id}: `{name}` must be a string")
    return value


def _count(value: Any, name: str, post_id: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BadRequest(f"post {post_id}: `{name}` must be a whole number >= 0")
    return value


def _time(value: Any, post_id: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, UTC).isoformat()
        if isinstance(value, str):
            return parse_time(value).isoformat()
    except (ValueError, OverflowError, OSError) as exc:
        raise BadRequest(f"post {post_id}: `taken_at` {value!r} is not a date") from exc
    raise BadRequest(f"post {post_id}: `taken_at` must be an ISO date or a Unix time")
