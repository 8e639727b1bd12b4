"""Captions learned from real posts: those of posts like the photo, cleaned and ranked.

Posts are found with the two query shapes the Firestore indexes serve: by category, and by one
hashtag, each ordered by likes. A post's caption is offered only when, once cleaned, its own
words (or emoji) name the photo's subject; posts are ranked by how much they share with the
photo (caption words, hashtags, category) and then by engagement.
"""

from __future__ import annotations

import functools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from instatag.captions.cleaning import BlockList, CleaningLimits, clean_caption, stem, tokens
from instatag.captions.emoji import words_shown_by
from instatag.captions.subject import Subject, words_of
from instatag.captions.templates import Tone
from instatag.corpus import POSTS
from instatag.ports import DocumentStore, Filter

logger = logging.getLogger(__name__)

# Weights of what a post shares with the photo, and of its engagement (log10 of likes plus
# twice the comments: a post with 1,000 likes gains 0.6, one with 10 likes 0.2).
NAME_WORD = 1.0
OTHER_WORD = 0.5
SHARED_HASHTAG = 0.3
MAX_SHARED_HASHTAGS = 3
SAME_CATEGORY = 0.3
COMMENT_WEIGHT = 2

FUNNY_CUES = (
    "lol", "lmao", "haha", "plot twist", "pretending", "illegal", "judgmental", "self-control",
    "officially hooked", "been warned", "send help", "no thoughts", "regret nothing",
    "don't judge", "nobody asked", "😂", "🤣", "😅", "🙃", "🤷",
)  # fmt: skip
INSPIRING_CUES = (
    "grateful", "gratitude", "dream", "believe", "journey", "inspire", "remember", "blessed",
    "beauty", "magic", "appreciate", "hope", "soul", "peace", "slow", "learning to",
    "little things", "✨", "🙏",
)  # fmt: skip
MINIMAL_WORDS = 5


@dataclass(frozen=True)
class MinedCaption:
    text: str
    tone: Tone
    score: float
    post_id: str


@dataclass(frozen=True)
class MiningLimits:
    per_query: int = 50
    hashtag_queries: int = 3
    cache_seconds: float = 300.0
    engagement_weight: float = 0.2
    # How long a request waits for the store; queries still running then finish for the next.
    wait_seconds: float = 0.3


Clock = Callable[[], float]
Rows = list[tuple[str, dict[str, Any]]]
Key = tuple[str, str]


class QueryCache:
    """Query results kept for a while: posts change by the scrape, not by the request."""

    def __init__(self, seconds: float, clock: Clock = time.monotonic) -> None:
        self.seconds = seconds
        self.clock = clock
        self._entries: dict[Key, tuple[float, Rows]] = {}
        self._lock = threading.Lock()

    def get(self, key: Key, load: Callable[[], Rows]) -> Rows:
        now = self.clock()
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and now - entry[0] < self.seconds:
            return entry[1]

        rows = load()
        with self._lock:
            self._entries[key] = (now, rows)
        return rows

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class CaptionMiner:
    """Finds and ranks reusable captions of posts like a photo.

    `documents` gives the store when first needed, so a store that cannot even be reached
    fails the mining (which the caller survives) rather than the request. Queries run side by
    side on a small pool of threads; a request waits for them at most `wait_seconds`.
    """

    def __init__(
        self,
        documents: Callable[[], DocumentStore],
        limits: MiningLimits | None = None,
        cleaning: CleaningLimits | None = None,
        cache: QueryCache | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self.documents = documents
        self.limits = limits or MiningLimits()
        self.cleaning = cleaning or CleaningLimits()
        self.cache = cache or QueryCache(self.limits.cache_seconds)
        self.clock = clock
        self._executor: ThreadPoolExecutor | None = None
        self._running: dict[Key, Future[Rows]] = {}
        self._lock = threading.Lock()

    def start(self, subject: Subject) -> MiningJob:
        """Begin mining for a subject: its category's posts are asked for at once."""
        job = MiningJob(self, subject, self.clock())
        if subject.category:
            job.ask(("category", subject.category))
        return job

    def mine(
        self, subject: Subject, hashtags: Sequence[str], blocklist: BlockList
    ) -> list[MinedCaption]:
        """Captions of similar posts, best first; empty when the store cannot answer."""
        return self.start(subject).finish(hashtags, blocklist)

    def submit(self, key: Key) -> Future[Rows]:
        """The query for `key`, already running or started now."""
        with self._lock:
            running = self._running.get(key)
            if running is not None and not running.done():
                return running
            if self._executor is None:
                workers = 2 * (1 + self.limits.hashtag_queries)
                self._executor = ThreadPoolExecutor(workers, thread_name_prefix="mining")
            future = self._executor.submit(
                self.cache.get, key, functools.partial(self._load, *key)
            )
            self._running[key] = future
            return future

    def _load(self, kind: str, value: str) -> list[tuple[str, dict[str, Any]]]:
        """Posts with a caption among the most liked of a category or of a hashtag."""
        condition = (
            Filter("category", "==", value)
            if kind == "category"
            else Filter("hashtags", "array_contains", value)
        )
        rows = self.documents().query(
            POSTS, [condition], order_by="likes", descending=True, limit=self.limits.per_query
        )
        return [(post_id, _kept(doc)) for post_id, doc in rows if doc.get("caption")]

    def rank(
        self,
        posts: dict[str, dict[str, Any]],
        subject: Subject,
        hashtags: Sequence[str],
        blocklist: BlockList,
    ) -> list[MinedCaption]:
        vocabulary = _vocabulary(subject)
        wanted = {stem(tag) for tag in hashtags}
        mined = []
        for post_id, doc in posts.items():
            text = clean_caption(str(doc["caption"]), self.cleaning)
            if text is None or blocklist.blocks(text):
                continue
            relevance = _relevance(text, vocabulary)
            if relevance <= 0:
                continue
            score = relevance + self._context(doc, subject, wanted)
            mined.append(MinedCaption(text, tone_of(text), round(score, 4), post_id))
        mined.sort(key=lambda m: (-m.score, m.post_id))
        return mined

    def _context(self, doc: dict[str, Any], subject: Subject, wanted: set[str]) -> float:
        shared = len(wanted & {stem(str(t)) for t in doc.get("hashtags") or ()})
        score = SHARED_HASHTAG * min(shared, MAX_SHARED_HASHTAGS)
        if subject.category and doc.get("category") == subject.category:
            score += SAME_CATEGORY
        return score + self.limits.engagement_weight * _engagement(doc)


class MiningJob:
    """The queries of one request, and the captions they give once finished."""

    def __init__(self, miner: CaptionMiner, subject: Subject, started: float) -> None:
        self.miner = miner
        self.subject = subject
        self.started = started
        self.queries: dict[Key, Future[Rows]] = {}

    def ask(self, key: Key) -> None:
        if key not in self.queries:
            self.queries[key] = self.miner.submit(key)

    def finish(
        self, hashtags: Sequence[str], blocklist: BlockList, wait_seconds: float | None = None
    ) -> list[MinedCaption]:
        """Ask for the posts of the top hashtags too, wait what is left of the budget (the
        limits', or `wait_seconds`), and rank the captions of whatever answered."""
        for tag in hashtags[: self.miner.limits.hashtag_queries]:
            self.ask(("hashtags", tag))
        if not self.queries:
            return []

        budget = self.miner.limits.wait_seconds if wait_seconds is None else wait_seconds
        left = self.started + budget - self.miner.clock()
        done, late = wait(list(self.queries.values()), timeout=max(0.0, left))
        if late:
            logger.info(
                "%d of %d post queries answer too late for this request",
                len(late),
                len(self.queries),
            )

        posts: dict[str, dict[str, Any]] = {}
        for key, future in self.queries.items():
            for post_id, doc in self._rows(key, future, done):
                posts.setdefault(post_id, doc)
        return self.miner.rank(posts, self.subject, hashtags, blocklist)

    @staticmethod
    def _rows(key: Key, future: Future[Rows], done: set[Future[Rows]]) -> Rows:
        if future not in done:
            return []
        try:
            return future.result()
        except Exception as exc:  # a store failure: the photo still gets written captions
            logger.warning("mining captions failed for %s %r: %s", *key, exc)
            return []


def _kept(doc: dict[str, Any]) -> dict[str, Any]:
    """The fields ranking reads, so the cache holds little."""
    return {key: doc.get(key) for key in ("caption", "hashtags", "category", "likes", "comments")}


def _vocabulary(subject: Subject) -> dict[str, float]:
    """Stemmed words that show a caption is about the subject, with their weight."""
    named = set(words_of(subject.noun.singular)) if subject.noun else set()
    weights: dict[str, float] = {}
    for word in subject.words:
        weights[stem(word)] = NAME_WORD if word in named else OTHER_WORD
    return weights


def _relevance(text: str, vocabulary: dict[str, float]) -> float:
    """Weight of the subject's words the caption names, in words or in emoji."""
    found = set(tokens(text)) | {stem(word) for word in words_shown_by(text)}
    return sum(weight for word, weight in vocabulary.items() if word in found)


def _engagement(doc: dict[str, Any]) -> float:
    likes = _count(doc.get("likes"))
    comments = _count(doc.get("comments"))
    return math.log10(1 + likes + COMMENT_WEIGHT * comments)


def _count(value: Any) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def tone_of(text: str) -> Tone:
    """A real caption's tone, read from its cues: jokes, uplift, or brevity."""
    lower = text.lower()
    if _has_cue(lower, FUNNY_CUES):
        return "funny"
    if _has_cue(lower, INSPIRING_CUES):
        return "inspirational"
    if len(words_of(lower)) <= MINIMAL_WORDS:
        return "minimal"
    return "casual"


def _has_cue(text: str, cues: Iterable[str]) -> bool:
    words = set(words_of(text))
    return any(
        (cue in text) if (" " in cue or not cue.isalpha()) else cue in words for cue in cues
    )
