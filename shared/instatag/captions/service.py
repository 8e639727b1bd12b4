"""Captions for a request: the models this process loaded, the corpus, and the answer.

The vision model comes through the model store (shared with the tags function's service, so
one process loads it once); without it there is no caption and the answer is 503 naming the
file. The tags model is optional: it gives the hashtags that find similar posts and the set
appended on request; without it, the photo's own words find posts and no set is appended. A
store that cannot answer leaves only the captions written from the photo.
"""

from __future__ import annotations

import functools
import logging
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from instatag import runtime
from instatag.captions.cleaning import BlockList, CleaningLimits
from instatag.captions.compose import CaptionOption, Mix, compose
from instatag.captions.mining import CaptionMiner, MinedCaption, MiningJob, MiningLimits
from instatag.captions.palette import Mood, mood_of
from instatag.captions.subject import Subject, Thresholds, choose_subject, words_of
from instatag.captions.templates import TONES, Tone
from instatag.concepts import Analysis
from instatag.corpus import POSTS
from instatag.errors import BadRequest
from instatag.hashtags.recommend import Recommendation, recommend
from instatag.hashtags.service import TagService
from instatag.hashtags.service import service as tag_service
from instatag.ports import DocumentStore
from instatag.settings import Settings
from instatag.vision.imaging import RESIZE_SIZE, load_image

if TYPE_CHECKING:
    from instatag.vision.model import VisionModel

logger = logging.getLogger(__name__)

# A post id no post has: reading it opens the store's connection and returns nothing.
WARM_UP_ID = "instatag-connection-check"


@dataclass(frozen=True)
class CaptionRequest:
    """What the caller sent, already parsed."""

    image: bytes
    tone: Tone | None = None
    count: int = 4
    with_hashtags: bool = False
    platform: str = "instagram"

    def check(self, settings: Settings) -> CaptionRequest:
        """This request if it is in range, else `BadRequest` naming the problem."""
        if self.tone is not None and self.tone not in TONES:
            raise BadRequest(f"unknown tone {self.tone!r}; use one of {', '.join(TONES)}")
        if not 1 <= self.count <= settings.captions.max_count:
            raise BadRequest(f"`count` must be between 1 and {settings.captions.max_count}")
        sizes = settings.tags.platform_sizes
        if self.platform not in sizes:
            raise BadRequest(f"unknown platform {self.platform!r}; use one of {sorted(sizes)}")
        return self


@dataclass(frozen=True)
class CaptionAnswer:
    """The answer to one request, as JSON goes out."""

    captions: list[CaptionOption]
    analysis: Analysis
    subject: Subject
    mood: Mood
    platform: str
    hashtags: list[str] | None = None
    model_version: dict[str, str | None] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "captions": [self._option(option) for option in self.captions],
            "concepts": [concept.to_json() for concept in self.analysis.concepts],
            "subject": {
                "kind": self.subject.kind,
                "text": self.subject.text,
                "category": self.subject.category,
                "words": list(self.subject.words),
            },
            "mood": {"kind": self.mood.kind, "colour": self.mood.colour},
            "platform": self.platform,
            "model_version": dict(self.model_version),
        }
        if self.hashtags is not None:
            body["hashtags"] = self.hashtags
        if self.notes:
            body["notes"] = list(self.notes)
        return body

    def _option(self, option: CaptionOption) -> dict[str, Any]:
        body = option.to_json()
        if self.hashtags:
            body["text"] = f"{option.text}\n\n" + " ".join(f"#{tag}" for tag in self.hashtags)
            body["caption"] = option.text
        return body


class CaptionService:
    """Answers caption requests with the newest published models and the stored posts."""

    def __init__(
        self,
        settings: Settings,
        tags: TagService,
        documents: Callable[[], DocumentStore],
    ) -> None:
        self.settings = settings
        self.tags = tags
        captions = settings.captions
        self.thresholds = Thresholds(
            captions.object_score, captions.group_score, captions.category_score
        )
        self.blocklist = BlockList.with_defaults(captions.blocked_words)
        self.store = SharedStore(documents)
        self.miner = CaptionMiner(
            self.store,
            MiningLimits(
                per_query=captions.mined_per_query,
                hashtag_queries=captions.mined_hashtag_queries,
                cache_seconds=captions.mined_cache_seconds,
                engagement_weight=captions.engagement_weight,
                wait_seconds=captions.mined_wait_seconds,
            ),
            CleaningLimits(min_words=captions.min_words, max_chars=captions.max_chars),
        )

    def answer(self, request: CaptionRequest) -> CaptionAnswer:
        request.check(self.settings)
        vision = self.tags.vision.get()
        if self._first_wait() > 0:
            self._open_store()
        image = load_image(request.image, max_pixels=vision.max_pixels, min_side=RESIZE_SIZE)
        analysis = vision.analyse_image(image, top_k=self.settings.captions.top_concepts)
        mood = mood_of(image)
        subject = choose_subject(analysis.concepts, mood, self.thresholds)

        notes: list[str] = []
        mining = self._start_mining(subject, request)
        recommendation = self._recommend(analysis, request, notes)
        mined = self._mined(mining, subject, recommendation)
        captions = compose(
            _subjects(subject, mood),
            mined,
            self._mix(request),
            self.blocklist,
            seed=_seed(analysis),
        )
        # A new instance's first answer does not wait for post queries, so the store
        # connection opens once it is written: importing and connecting the Firestore client
        # beside it would only slow it down.
        self._open_store()
        return CaptionAnswer(
            captions=captions,
            analysis=analysis,
            subject=subject,
            mood=mood,
            platform=request.platform,
            hashtags=self._appended(recommendation, request),
            model_version=self._versions(vision),
            notes=tuple(notes),
        )

    def _recommend(
        self, analysis: Analysis, request: CaptionRequest, notes: list[str]
    ) -> Recommendation | None:
        """Hashtags for the photo, or None (with a note when they were asked for)."""
        try:
            model = self.tags.tags.get()
            return recommend(
                model,
                concepts=analysis.concepts,
                set_size=self.settings.tags.platform_sizes[request.platform],
                limit=self.settings.tags.default_limit,
                blocked=self.tags.blocked,
            )
        except Exception as exc:  # captions do not need hashtags; say why there are none
            logger.warning("no hashtags for the captions: %s", exc)
            if request.with_hashtags:
                notes.append(f"hashtags were not added: {exc}")
            return None

    def _start_mining(self, subject: Subject, request: CaptionRequest) -> MiningJob | None:
        """The category's posts are asked for while the hashtags are worked out."""
        # A mood is all that is known of such a photo: someone else's caption would name a
        # thing it may not show.
        if subject.kind == "mood" or request.count * self.settings.captions.mined_share < 1:
            return None
        # While a new instance's store connection opens, a request that would not wait for
        # the queries does not make them either: they would only slow its answer down.
        if not self.store.ready.is_set() and self._first_wait() == 0:
            return None
        return self.miner.start(subject)

    def _mined(
        self, job: MiningJob | None, subject: Subject, recommendation: Recommendation | None
    ) -> list[MinedCaption]:
        if job is None:
            return []
        if recommendation is not None:
            predicted = [result.tag for result in recommendation.tags]
        else:
            predicted = _own_hashtags(subject)
        # Until the store's connection is open (the first request or so of a new instance),
        # the answer waits less for it: the queries finish for the requests that follow.
        wait = None if self.store.ready.is_set() else self._first_wait()
        return job.finish(predicted, self.blocklist, wait)

    def _open_store(self) -> None:
        if self.settings.captions.mined_share > 0:
            self.store.prepare()

    def _first_wait(self) -> float:
        return self.settings.captions.mined_first_wait_seconds

    def _mix(self, request: CaptionRequest) -> Mix:
        captions = self.settings.captions
        return Mix(
            count=request.count,
            tone=request.tone,
            mined_share=captions.mined_share,
            similarity=captions.duplicate_similarity,
        )

    def _appended(
        self, recommendation: Recommendation | None, request: CaptionRequest
    ) -> list[str] | None:
        if not request.with_hashtags:
            return None
        if recommendation is None:
            return []
        return list(dict.fromkeys(result.tag for result in recommendation.recommended))

    def _versions(self, vision: VisionModel) -> dict[str, str | None]:
        return {"vision": vision.model_version, "tags": self.tags.tags.version}


class SharedStore:
    """The document store, made once for every thread. `prepare` starts making it in the
    background and reads one document to open the connection; `ready` is set once that read
    has answered."""

    def __init__(self, factory: Callable[[], DocumentStore]) -> None:
        self.factory = factory
        self.ready = threading.Event()
        self._store: DocumentStore | None = None
        self._lock = threading.Lock()
        self._started = False

    def __call__(self) -> DocumentStore:
        with self._lock:
            if self._store is None:
                self._store = self.factory()
            return self._store

    def prepare(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._connect, name="captions-store", daemon=True).start()

    def _connect(self) -> None:
        try:
            self().get(POSTS, WARM_UP_ID)
        except Exception as exc:  # the request that needs the store will say so
            logger.warning("the document store is not available yet: %s", exc)
        self.ready.set()


def _subjects(subject: Subject, mood: Mood) -> list[Subject]:
    """The subject, then the photo's mood for when the subject's own options run out."""
    fallback = Subject(kind="mood", words=mood.words, emoji=mood.emoji, scenes=mood.phrases)
    return [subject] if subject.kind == "mood" else [subject, fallback]


def _own_hashtags(subject: Subject) -> list[str]:
    """Hashtags made from the subject's words, for finding posts without the tags model."""
    tags = []
    if subject.noun is not None:
        tags.append("".join(words_of(subject.noun.singular)))
    if subject.category:
        tags.append(subject.category)
    return [tag for tag in dict.fromkeys(tags) if tag]


def _seed(analysis: Analysis) -> int:
    """The same photo gets the same options; different photos get different ones."""
    return zlib.crc32("|".join(c.label for c in analysis.concepts).encode())


@functools.cache
def service() -> CaptionService:
    """This process's caption service, built on first use."""
    return CaptionService(runtime.settings(), tag_service(), runtime.documents)


def reset() -> None:
    """Forget the service, so the next request reads the settings and models anew."""
    service.cache_clear()
